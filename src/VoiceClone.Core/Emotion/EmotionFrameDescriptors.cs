using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Emotion;

/// <summary>
/// Frame-level low-level descriptors for emotion, in the spirit of the INTERSPEECH ComParE and eGeMAPS sets (Eyben
/// et al. 2016), on 25 ms Hamming windows every 10 ms at 16 kHz. Over the voiced frames (as eGeMAPS summarises
/// spectral shape over voiced segments; noise and silence between words then count for nothing): spectral shape
/// (26 log-mel bands relative to the frame level), MFCC 0-12, spectral centroid, roll-off, flatness and flux,
/// zero-crossing rate. Over every frame within 35 dB of the loudest (voiced, unvoiced and pauses, which carry
/// fricatives, breath and timing): level relative to the active speech level, and again centroid, roll-off,
/// flatness, flux and zero-crossing rate. F0 in semitones from the default pitch tracker (NaN where unvoiced).
/// </summary>
internal sealed class EmotionFrameDescriptors
{
    public const int RateHz = 16000;
    public const int MelBands = 26, Cepstra = 13;
    private const int WindowSamples = 400, HopSamples = 160, FftSize = 512; // 25 ms every 10 ms
    // Frames more than 35 dB below the loudest are silence or breath, whatever the recording level.
    private const double SpeechRangeDb = 35;
    private const double RolloffFraction = 0.85;
    private const double SemitoneReferenceHz = 100;
    /// <summary>
    /// A voice is harmonic: its spectral centroid lies well above its fundamental (vowels put formant energy at several
    /// times F0), while a pure tone's centroid sits on it. Voiced frames under this ratio are not evidence of speech.
    /// </summary>
    private const double SpeechCentroidOverF0 = 1.5;
    // Tables shared by every clip: the Hamming window, the DCT-II basis and the mel filters never change.
    private static readonly double[] Hamming = Windows.Hamming(WindowSamples);
    private static readonly DctII Cepstrum = new(MelBands, firstCoefficient: 0, Cepstra, orthonormal: false);
    private static readonly MelFilterBank Mel = new(MelBands, FftSize, RateHz, 20, RateHz / 2);

    private static readonly string[] Shape = ["centroid_hz", "rolloff_hz", "flatness", "flux", "zero_crossing_rate"];

    /// <summary>Descriptor names, in <see cref="Series"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. Enumerable.Range(1, MelBands).Select(m => $"mel{m}_shape_db"),
        .. Enumerable.Range(0, Cepstra).Select(k => $"mfcc{k}"),
        .. Shape,
        "level_db", .. Shape.Select(n => n + "_loud_frames"),
        "f0_semitones",
    ];


    /// <summary>One value per selected frame for each descriptor (F0: per 10 ms pitch frame, NaN where unvoiced).</summary>
    public IReadOnlyList<double[]> Series { get; }

    /// <summary>
    /// The regression delta of each descriptor (<see cref="Functionals.Delta"/>), taken over consecutive frames, at the same
    /// frames.
    /// </summary>
    public IReadOnlyList<double[]> Deltas { get; }

    /// <summary>
    /// Seconds of voiced, harmonic frames (pitch found and centroid above <see cref="SpeechCentroidOverF0"/> x F0): the
    /// evidence a judgement of emotion rests on.
    /// </summary>
    public double VoicedSeconds { get; }

    /// <summary>Descriptors of <paramref name="audio"/>, which must already be at <see cref="RateHz"/>.</summary>
    public EmotionFrameDescriptors(AudioBuffer audio, EmotionFrameSelection frameSelection, bool normaliseDynamics, double tempo = 1)
    {
        if (audio.SampleRateHz != RateHz) throw new ArgumentException($"Emotion descriptors are computed at {RateHz} Hz.", nameof(audio));
        float[] x = audio.Samples;
        PitchTrack pitch = YinPitchTracker.Track(audio, PitchTrackerOptions.Default);
        if (normaliseDynamics) tempo *= SpeechDynamics.Tempo(x);
        int hopSamples = (int)Math.Round(HopSamples * tempo);
        int frames = Math.Max(0, (x.Length - WindowSamples) / hopSamples + 1);
        var logMel = new double[frames][];
        var mfcc = new double[frames][];
        var levelDb = new double[frames];
        var centroid = new double[frames];
        var rolloff = new double[frames];
        var flatness = new double[frames];
        var flux = new double[frames];
        var zcr = new double[frames];
        var fft = new Fft(FftSize);
        var re = new double[FftSize];
        var im = new double[FftSize];
        var power = new double[FftSize / 2 + 1];
        var previousMagnitude = new double[FftSize / 2 + 1];
        var bands = new double[MelBands];
        for (int f = 0; f < frames; f++)
        {
            Array.Clear(re);
            Array.Clear(im);
            int start = f * hopSamples, crossings = 0;
            double sumSquares = 0;
            for (int i = 0; i < WindowSamples; i++)
            {
                double s = x[start + i];
                sumSquares += s * s;
                re[i] = s * Hamming[i];
                if (i > 0 && (x[start + i] >= 0) != (x[start + i - 1] >= 0)) crossings++;
            }
            levelDb[f] = 10 * Math.Log10(sumSquares / WindowSamples + 1e-10);
            zcr[f] = crossings / (double)WindowSamples;
            fft.Forward(re, im);
            double total = 0, weighted = 0, logSum = 0, fluxSquares = 0;
            for (int k = 0; k < power.Length; k++)
            {
                power[k] = re[k] * re[k] + im[k] * im[k];
                total += power[k];
                weighted += power[k] * k * RateHz / FftSize;
                logSum += Math.Log(power[k] + 1e-12);
                double magnitude = Math.Sqrt(power[k]);
                fluxSquares += (magnitude - previousMagnitude[k]) * (magnitude - previousMagnitude[k]);
                previousMagnitude[k] = magnitude;
            }
            centroid[f] = total > 0 ? weighted / total : 0;
            flux[f] = Math.Sqrt(fluxSquares) / (Math.Sqrt(total) + 1e-9);
            flatness[f] = Math.Exp(logSum / power.Length) / (total / power.Length + 1e-12);
            double cumulative = 0;
            int bin = 0;
            for (; bin < power.Length; bin++)
            {
                cumulative += power[bin];
                if (cumulative >= RolloffFraction * total) break;
            }
            rolloff[f] = bin * (double)RateHz / FftSize;
            Mel.Apply(power, bands);
            logMel[f] = new double[MelBands];
            for (int m = 0; m < MelBands; m++) logMel[f][m] = 10 * Math.Log10(bands[m] + 1e-10);
            mfcc[f] = Cepstrum.Transform(logMel[f]);
        }
        // F0 at each analysis frame's centre, interpolated from the 10 ms track: NaN where unvoiced.
        double[] semitones = Column(frames,
            f => 12 * Math.Log2(pitch.FrequencyAt((f * hopSamples + WindowSamples / 2.0) / RateHz) / SemitoneReferenceHz));

        double loudestDb = frames > 0 ? levelDb.Max() : 0;
        bool[] loud = levelDb.Select(l => l > loudestDb - SpeechRangeDb).ToArray();
        bool[] voiced = semitones.Select(s => !double.IsNaN(s)).ToArray();
        int harmonicFrames = Enumerable.Range(0, frames).Count(f =>
            voiced[f] && centroid[f] >= SpeechCentroidOverF0 * SemitoneReferenceHz * Math.Pow(2, semitones[f] / 12));
        VoicedSeconds = harmonicFrames * (double)hopSamples / RateHz;
        int[] spectralFrames = Frames(frameSelection == EmotionFrameSelection.Voiced ? voiced : loud, loud);
        int[] loudFrames = Frames(loud, loud);

        var full = new List<(double[] Values, int[] Frames)>();
        for (int m = 0; m < MelBands; m++) full.Add((Column(frames, f => logMel[f][m] - levelDb[f]), spectralFrames));
        for (int k = 0; k < Cepstra; k++) full.Add((Column(frames, f => mfcc[f][k]), spectralFrames));
        double[][] shape = [centroid, rolloff, flatness, flux, zcr];
        foreach (double[] values in shape) full.Add((values, spectralFrames));
        full.Add((Column(frames, f => levelDb[f] - ActiveSpeechLevel.TargetDbfs), loudFrames));
        foreach (double[] values in shape) full.Add((values, loudFrames));
        var series = full.Select(d => d.Frames.Select(f => d.Values[f]).ToArray()).ToList();
        var deltas = full.Select(d =>
        {
            double[] delta = Functionals.Delta(d.Values);
            return d.Frames.Select(f => delta[f]).ToArray();
        }).ToList();
        series.Add(semitones);
        deltas.Add(Functionals.Delta(semitones));
        Deltas = deltas;
        Series = series;
    }

    private static double[] Column(int frames, Func<int, double> value) => Enumerable.Range(0, frames).Select(value).ToArray();

    /// <summary>The frames a mask selects, or the fallback's when under three are selected, or all frames.</summary>
    private static int[] Frames(bool[] mask, bool[] fallback)
    {
        int[] selected = Enumerable.Range(0, mask.Length).Where(f => mask[f]).ToArray();
        if (selected.Length >= 3) return selected;
        selected = Enumerable.Range(0, fallback.Length).Where(f => fallback[f]).ToArray();
        return selected.Length >= 3 ? selected : Enumerable.Range(0, mask.Length).ToArray();
    }
}
