using Microsoft.ML.OnnxRuntime;
using VoiceClone.Core.Analysis.Activity;
using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Analysis.Quality;
using VoiceClone.Core.Analysis.Rate;
using VoiceClone.Core.Analysis.Spectral;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Analysis;

/// <summary>
/// Analyses a recording one segment at a time and keeps only per-frame summaries (a few bytes per 10 ms) and
/// running totals, so memory is bounded by the segment, not the recording. Pauses, rates and percentiles are
/// computed over the whole recording at the end; the pitch path and the speech threshold are decided per segment.
/// </summary>
internal sealed class FeatureAccumulator(VoiceFeatureOptions options)
{
    // Samples at or beyond this magnitude count as clipped.
    internal const float ClipLevel = 0.999f;

    private readonly List<float> _voicedHz = [];
    private readonly List<double> _levelsDb = [], _rms = [], _voicedLevelsDb = [];
    private readonly List<bool> _speech = [];
    private readonly List<PitchContourPoint> _contour = [];
    private readonly QualityTotals _quality = new();
    private readonly SpectralFeatures _spectral = new();
    private int _pitchFrames, _syllables;
    private long _samples, _clipped;
    private double _offsetSeconds;

    public string VadMethod { get; private set; } = "";
    public int PitchFrames => _pitchFrames;
    public IReadOnlyList<float> VoicedHz => _voicedHz;
    public IReadOnlyList<double> LevelsDb => _levelsDb;
    public IReadOnlyList<double> Rms => _rms;
    public IReadOnlyList<double> VoicedLevelsDb => _voicedLevelsDb;
    public bool[] Speech => [.. _speech];
    public int Syllables => _syllables;
    public QualityTotals Quality => _quality;
    public SpectralFeatures Spectral => _spectral;
    /// <summary>The recording's own samples seen by <see cref="CountClipping"/>.</summary>
    public long SamplesCounted => _samples;
    public double ClippedFraction => _samples == 0 ? 0 : (double)_clipped / _samples;
    public PitchContourPoint[]? Contour => options.IncludeContour ? [.. _contour] : null;

    /// <summary>Counts clipped samples in the recording's own samples (before resampling moves the peaks).</summary>
    public void CountClipping(ReadOnlySpan<float> samples)
    {
        foreach (float s in samples) if (Math.Abs(s) >= ClipLevel) _clipped++;
        _samples += samples.Length;
    }

    /// <summary>Analyses the next stretch of the recording, resampled to the analysis rate.</summary>
    public void AddSegment(AudioBuffer x16)
    {
        if (x16.SampleRateHz != AnalysisFrames.SampleRateHz)
        {
            throw new ArgumentException($"Segments arrive at {AnalysisFrames.SampleRateHz} Hz, not {x16.SampleRateHz} Hz.", nameof(x16));
        }
        PitchTrack pitch = options.PitchAlgorithm == PitchAlgorithm.SwiftF0
            ? SwiftF0PitchTracker.Track(x16, options.Pitch, options.SwiftF0Model
                ?? throw new InvalidOperationException("The SwiftF0 pitch tracker was chosen without its model session."))
            : YinPitchTracker.Track(x16, options.Pitch);
        double[] levelsDb = AnalysisFrames.LevelsDb(x16.Samples, out double[] rms);
        bool[] speech = DetectSpeech(x16.Samples, levelsDb);
        // Analysis frames are 10 ms apart; the pitch track may use another hop (SwiftF0: 16 ms), so look up by time.
        bool Voiced(int i)
        {
            int p = pitch.FrameAt(i * AnalysisFrames.HopSeconds);
            return p >= 0 && !float.IsNaN(pitch.FrequencyHz[p]);
        }

        _pitchFrames += pitch.FrameCount;
        foreach (float f in pitch.FrequencyHz) if (!float.IsNaN(f)) _voicedHz.Add(f);
        if (options.IncludeContour)
        {
            for (int i = 0; i < pitch.FrameCount; i++)
            {
                _contour.Add(new PitchContourPoint(Math.Round(_offsetSeconds + pitch.TimeSeconds(i), 3), pitch.FrequencyHz[i], pitch.VoicingProbability[i]));
            }
        }
        _syllables += SyllableNucleiDetector.Detect(levelsDb, pitch, AnalysisFrames.HopSeconds).Count;
        GlottalPulses.Accumulate(x16.Samples, x16.SampleRateHz, pitch, _quality);
        HarmonicsToNoise.Accumulate(x16.Samples, x16.SampleRateHz, pitch, _quality);
        LpcFormants.Accumulate(x16, pitch, _quality);

        // The last frame is centred on the segment's final sample, half of it padding; the next segment's frame 0
        // covers that instant again, so it is left out (10 ms at the very end of a recording).
        int frames = Math.Max(1, levelsDb.Length - 1);
        Span<float> window = stackalloc float[AnalysisFrames.WindowSamples];
        for (int i = 0; i < frames; i++)
        {
            _levelsDb.Add(levelsDb[i]);
            _rms.Add(rms[i]);
            _speech.Add(speech[i]);
            bool voiced = Voiced(i);
            if (voiced) _voicedLevelsDb.Add(levelsDb[i]);
            if (!speech[i]) continue;
            AnalysisFrames.Window(x16.Samples, i, window);
            _spectral.AddFrame(window, voiced);
        }
        _offsetSeconds += x16.DurationSeconds;
    }

    private bool[] DetectSpeech(float[] x16, double[] levelsDb)
    {
        InferenceSession? silero = options.Vad switch
        {
            VoiceClone.VadMethod.Silero => options.SileroVadModel
                ?? throw new InvalidOperationException("The Silero speech detector was chosen without its model session."),
            VoiceClone.VadMethod.Auto => options.SileroVadModel,
            _ => null,
        };
        VadMethod = silero is null ? "Energy" : "Silero";
        return silero is null
            ? EnergyVoiceActivityDetector.Detect(levelsDb)
            : SileroVoiceActivityDetector.Detect(x16, levelsDb.Length, AnalysisFrames.HopSeconds, silero);
    }
}
