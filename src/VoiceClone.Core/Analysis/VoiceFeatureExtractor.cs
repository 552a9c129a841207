using VoiceClone.Core.Analysis.Activity;
using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Analysis.Quality;
using VoiceClone.Core.Analysis.Rate;
using VoiceClone.Core.Analysis.Spectral;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Models;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Analysis;

/// <summary>Computes <see cref="VoiceFeatures"/> for one recording (see each analysis class for its algorithm and paper).</summary>
public static class VoiceFeatureExtractor
{
    public const string Source = "feature_extractor";
    public const double MinimumDurationSeconds = 0.5;
    /// <summary>Average syllables per English word in read and conversational speech, for Wpm without -Text.</summary>
    public const double SyllablesPerWord = 1.5;
    // Samples at or beyond this magnitude count as clipped; 0.1 % of them marks the recording as clipped.
    private const float ClipLevel = 0.999f;
    private const double ClippedFractionLimit = 0.001;

    public static IReadOnlyList<string> FeatureNames { get; } =
    [
        "pitch_mean_hz", "pitch_median_hz", "pitch_p5_hz", "pitch_p95_hz", "pitch_std_semitones", "voiced_fraction",
        "stress_energy", "stress_contrast_db", "energy_mean_db",
        "speech_fraction", "pauses_per_second", "mean_pause_s", "pause_entropy",
        "syllables_per_second", "articulation_rate",
        "jitter_local", "shimmer_local_db", "hnr_db", "f1_hz", "f2_hz", "f3_hz",
        "alpha_ratio_db", "hammarberg_index_db", "spectral_slope_0_500", "spectral_slope_500_1500",
        "mfcc1_mean", "mfcc2_mean", "mfcc3_mean", "mfcc4_mean", "mfcc1_std", "mfcc2_std", "mfcc3_std", "mfcc4_std",
    ];

    public static VoiceFeatures Analyze(string path, VoiceFeatureOptions options) => Analyze(WavReader.ReadMono(path), path, options);

    public static VoiceFeatures Analyze(AudioBuffer audio, string path, VoiceFeatureOptions options)
    {
        ExecutionMetrics.StateComplexity("VoiceFeatureExtractor", Source,
            "O(n log n) in samples: YIN on 22 ms windows every 10 ms (two 512-point FFTs), a 512-point spectrum per speech frame, order-10 LPC on every second voiced frame");
        if (audio.DurationSeconds < MinimumDurationSeconds)
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioTooShort,
                $"'{path}' lasts {audio.DurationSeconds:F2} s; at least {MinimumDurationSeconds} s of audio is needed to measure a voice.", path);
        }
        double clippedFraction = ClippedFraction(audio.Samples);
        AudioBuffer x16 = SincResampler.Resample(audio, AnalysisFrames.SampleRateHz);
        PitchTrack pitch = options.PitchAlgorithm == PitchAlgorithm.SwiftF0
            ? SwiftF0PitchTracker.Track(x16, options.Pitch, ModelLocator.Require(ModelLocator.SwiftF0, "-PitchAlgorithm SwiftF0"))
            : YinPitchTracker.Track(x16, options.Pitch);
        double[] levelsDb = AnalysisFrames.LevelsDb(x16.Samples, out double[] rms);
        int frames = levelsDb.Length;
        var (speech, vadMethod) = DetectSpeech(x16.Samples, levelsDb, options.Vad);
        // Analysis frames are 10 ms apart; the pitch track may use another hop (SwiftF0: 16 ms), so look up by time.
        bool Voiced(int i)
        {
            int p = pitch.FrameAt(i * AnalysisFrames.HopSeconds);
            return p >= 0 && !float.IsNaN(pitch.FrequencyHz[p]);
        }

        double[] voicedHz = pitch.FrequencyHz.Where(f => !float.IsNaN(f)).Select(f => (double)f).ToArray();
        if (voicedHz.Length == 0)
        {
            ModuleLog.For(Source).Warning("No voiced segments in {Path}: pitch and voice-quality fields are NaN", path);
        }
        double median = Statistics.Percentile(voicedHz, 50);
        double[] pauses = PauseStatistics.Pauses(speech, AnalysisFrames.HopSeconds, options.MinimumPauseSeconds);
        int speechFrames = speech.Count(s => s);
        double speechSeconds = speechFrames * AnalysisFrames.HopSeconds;
        int firstSpeech = Array.IndexOf(speech, true), lastSpeech = Array.LastIndexOf(speech, true);
        double phonationSpanSeconds = firstSpeech < 0 ? 0 : (lastSpeech - firstSpeech + 1) * AnalysisFrames.HopSeconds;

        List<int> nuclei = SyllableNucleiDetector.Detect(levelsDb, pitch, AnalysisFrames.HopSeconds);
        int words = CountWords(options.Text);
        double wpm = phonationSpanSeconds <= 0 ? double.NaN
            : words > 0 ? words / phonationSpanSeconds * 60
            : nuclei.Count / SyllablesPerWord / phonationSpanSeconds * 60;

        var (jitter, shimmer) = GlottalPulses.Measure(x16.Samples, x16.SampleRateHz, pitch);
        double hnr = HarmonicsToNoise.MeasureDb(x16.Samples, x16.SampleRateHz, pitch);
        var (f1, f2, f3) = voicedHz.Length > 0 ? LpcFormants.MeasureMeans(x16, pitch) : (double.NaN, double.NaN, double.NaN);
        var spectral = new SpectralFeatures();
        Span<float> window = stackalloc float[AnalysisFrames.WindowSamples];
        for (int i = 0; i < frames; i++)
        {
            if (!speech[i]) continue;
            AnalysisFrames.Window(x16.Samples, i, window);
            spectral.AddFrame(window, Voiced(i));
        }

        var features = new VoiceFeatures
        {
            Path = path,
            DurationSeconds = audio.DurationSeconds,
            SampleRateHz = audio.SampleRateHz,
            PitchAlgorithm = options.PitchAlgorithm == PitchAlgorithm.SwiftF0 ? "SwiftF0" : "YIN+Viterbi",
            Pitch = Statistics.Mean(voicedHz),
            PitchMedian = median,
            PitchRangeLow = Statistics.Percentile(voicedHz, 5),
            PitchRangeHigh = Statistics.Percentile(voicedHz, 95),
            PitchStdSemitones = Statistics.StandardDeviation(voicedHz.Select(f => 12 * Math.Log2(f / median))),
            VoicedFraction = (double)voicedHz.Length / Math.Max(1, pitch.FrameCount),
            StressEnergy = Statistics.Mean(Enumerable.Range(0, frames).Where(i => speech[i]).Select(i => rms[i])),
            StressContrastDb = Statistics.StandardDeviation(Enumerable.Range(0, frames).Where(Voiced).Select(i => levelsDb[i])),
            EnergyMeanDb = Statistics.Mean(Enumerable.Range(0, frames).Where(i => speech[i]).Select(i => levelsDb[i])),
            VadMethod = vadMethod,
            SpeechSeconds = speechSeconds,
            PauseCount = pauses.Length,
            PauseDurations = pauses,
            MeanPauseSeconds = Statistics.Mean(pauses),
            PauseEntropy = PauseStatistics.Entropy(pauses),
            SyllableCount = nuclei.Count,
            SyllablesPerSecond = nuclei.Count / audio.DurationSeconds,
            ArticulationRate = speechSeconds > 0 ? nuclei.Count / speechSeconds : double.NaN,
            Wpm = wpm,
            WpmSource = words > 0 ? "Text" : "Estimated",
            JitterLocal = jitter,
            ShimmerLocalDb = shimmer,
            HnrDb = hnr,
            F1Hz = f1, F2Hz = f2, F3Hz = f3,
            AlphaRatioDb = spectral.AlphaRatioDb,
            HammarbergIndexDb = spectral.HammarbergIndexDb,
            SpectralSlope0To500 = spectral.SlopeLow,
            SpectralSlope500To1500 = spectral.SlopeHigh,
            MfccMeans = spectral.MfccMeans,
            MfccStdDevs = spectral.MfccStdDevs,
            ClippedFraction = clippedFraction,
            IsClipped = clippedFraction > ClippedFractionLimit,
            Contour = options.IncludeContour ? Contour(pitch) : null,
            FeatureNames = FeatureNames,
        };
        return WithFeatureVector(features, audio.DurationSeconds);
    }

    private static VoiceFeatures WithFeatureVector(VoiceFeatures f, double durationSeconds)
    {
        double[] vector =
        [
            f.Pitch, f.PitchMedian, f.PitchRangeLow, f.PitchRangeHigh, f.PitchStdSemitones, f.VoicedFraction,
            f.StressEnergy, f.StressContrastDb, f.EnergyMeanDb,
            f.SpeechSeconds / durationSeconds, f.PauseCount / durationSeconds, f.MeanPauseSeconds, f.PauseEntropy,
            f.SyllablesPerSecond, f.ArticulationRate,
            f.JitterLocal, f.ShimmerLocalDb, f.HnrDb, f.F1Hz, f.F2Hz, f.F3Hz,
            f.AlphaRatioDb, f.HammarbergIndexDb, f.SpectralSlope0To500, f.SpectralSlope500To1500,
            .. f.MfccMeans, .. f.MfccStdDevs,
        ];
        if (vector.Length != FeatureNames.Count) throw new InvalidOperationException("Feature vector and names disagree.");
        return f with { FeatureVector = vector };
    }

    private static (bool[] Speech, string Method) DetectSpeech(float[] x16, double[] levelsDb, VadMethod method)
    {
        string? silero = method switch
        {
            VadMethod.Silero => ModelLocator.Require(ModelLocator.SileroVad, "-Vad Silero"),
            VadMethod.Auto => ModelLocator.Find(ModelLocator.SileroVad),
            _ => null,
        };
        return silero is null
            ? (EnergyVoiceActivityDetector.Detect(levelsDb), "Energy")
            : (SileroVoiceActivityDetector.Detect(x16, levelsDb.Length, AnalysisFrames.HopSeconds, silero), "Silero");
    }

    private static PitchContourPoint[] Contour(PitchTrack pitch) =>
        Enumerable.Range(0, pitch.FrameCount)
            .Select(i => new PitchContourPoint(Math.Round(pitch.TimeSeconds(i), 3), pitch.FrequencyHz[i], pitch.VoicingProbability[i]))
            .ToArray();

    private static double ClippedFraction(float[] samples)
    {
        int clipped = 0;
        foreach (float s in samples) if (Math.Abs(s) >= ClipLevel) clipped++;
        return samples.Length == 0 ? 0 : (double)clipped / samples.Length;
    }

    private static int CountWords(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
}
