using VoiceClone.Core.Analysis.Activity;
using VoiceClone.Core.Analysis.Rate;
using VoiceClone.Core.Audio.Decoders;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Analysis;

/// <summary>Computes <see cref="VoiceFeatures"/> for one recording (see each analysis class for its algorithm and paper).</summary>
public static class VoiceFeatureExtractor
{
    public const string Source = "feature_extractor";
    public const double MinimumDurationSeconds = 0.5;
    /// <summary>Average syllables per English word in read and conversational speech, for Wpm without -Text.</summary>
    public const double SyllablesPerWord = 1.5;
    // 0.1 % of samples at full scale marks the recording as clipped.
    internal const double ClippedFractionLimit = 0.001;

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

    /// <summary>
    /// Segment length for long recordings, at the 16 kHz analysis rate: memory holds one segment's samples (19 MB)
    /// whatever the file's length and rate, since the file is resampled as it is decoded.
    /// </summary>
    public const double SegmentSeconds = 300;

    public static VoiceFeatures Analyze(string path, VoiceFeatureOptions options)
    {
        var accumulator = new FeatureAccumulator(options);
        using var reader = new ResamplingAudioReader(AudioFileReader.Open(path), AnalysisFrames.SampleRateHz, accumulator.CountClipping);
        long segmentFrames = (long)(SegmentSeconds * AnalysisFrames.SampleRateHz);
        // The first segment sizes itself to the file (whose length a decoder may not know); later ones reuse its array.
        float[] buffer = AudioFileReader.ReadUpTo(reader, segmentFrames, path);
        RequireMinimumDuration((double)buffer.Length / AnalysisFrames.SampleRateHz, path);
        for (int read = buffer.Length; read > 0; read = buffer.Length == segmentFrames ? reader.ReadMono(buffer) : 0)
        {
            accumulator.AddSegment(new AudioBuffer(read == buffer.Length ? buffer : buffer[..read], AnalysisFrames.SampleRateHz));
        }
        int rate = reader.InputSampleRateHz;
        return Summarize(accumulator, path, (double)accumulator.SamplesCounted / rate, rate, options);
    }

    public static VoiceFeatures Analyze(AudioBuffer audio, string path, VoiceFeatureOptions options)
    {
        RequireMinimumDuration(audio.DurationSeconds, path);
        var accumulator = new FeatureAccumulator(options);
        accumulator.CountClipping(audio.Samples);
        accumulator.AddSegment(SincResampler.Resample(audio, AnalysisFrames.SampleRateHz));
        return Summarize(accumulator, path, audio.DurationSeconds, audio.SampleRateHz, options);
    }

    private static void RequireMinimumDuration(double seconds, string path)
    {
        ExecutionMetrics.StateComplexity("VoiceFeatureExtractor", Source,
            "O(n log n) in samples: YIN on 22 ms windows every 10 ms (two 512-point FFTs), a 512-point spectrum per speech frame, order-18 LPC on every third voiced frame; memory O(segment) plus a few bytes per 10 ms frame");
        if (seconds < MinimumDurationSeconds)
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioTooShort,
                $"'{path}' lasts {seconds:F2} s; at least {MinimumDurationSeconds} s of audio is needed to measure a voice.", path);
        }
    }

    private static VoiceFeatures Summarize(FeatureAccumulator a, string path, double durationSeconds, int sampleRateHz, VoiceFeatureOptions options)
    {
        double[] voicedHz = a.VoicedHz.Select(f => (double)f).ToArray();
        if (voicedHz.Length == 0)
        {
            ModuleLog.For(Source).Warning("No voiced segments in {Path}: pitch and voice-quality fields are NaN", path);
        }
        double median = Statistics.Percentile(voicedHz, 50);
        bool[] speech = a.Speech;
        double[] pauses = PauseStatistics.Pauses(speech, AnalysisFrames.HopSeconds, options.MinimumPauseSeconds);
        double speechSeconds = speech.Count(s => s) * AnalysisFrames.HopSeconds;
        int firstSpeech = Array.IndexOf(speech, true), lastSpeech = Array.LastIndexOf(speech, true);
        double phonationSpanSeconds = firstSpeech < 0 ? 0 : (lastSpeech - firstSpeech + 1) * AnalysisFrames.HopSeconds;
        int words = SpeechRate.CountWords(options.Text);
        double wpm = phonationSpanSeconds <= 0 ? double.NaN
            : words > 0 ? words / phonationSpanSeconds * 60
            : a.Syllables / SyllablesPerWord / phonationSpanSeconds * 60;
        double clippedFraction = a.ClippedFraction;

        var features = new VoiceFeatures
        {
            Path = path,
            DurationSeconds = durationSeconds,
            SampleRateHz = sampleRateHz,
            PitchAlgorithm = options.PitchAlgorithm == PitchAlgorithm.SwiftF0 ? "SwiftF0" : "YIN+Viterbi",
            Pitch = Statistics.Mean(voicedHz),
            PitchMedian = median,
            PitchRangeLow = Statistics.Percentile(voicedHz, 5),
            PitchRangeHigh = Statistics.Percentile(voicedHz, 95),
            PitchStdSemitones = Statistics.StandardDeviation(voicedHz.Select(f => 12 * Math.Log2(f / median))),
            VoicedFraction = (double)voicedHz.Length / Math.Max(1, a.PitchFrames),
            StressEnergy = Statistics.Mean(Enumerable.Range(0, speech.Length).Where(i => speech[i]).Select(i => a.Rms[i])),
            StressContrastDb = Statistics.StandardDeviation(a.VoicedLevelsDb),
            EnergyMeanDb = Statistics.Mean(Enumerable.Range(0, speech.Length).Where(i => speech[i]).Select(i => a.LevelsDb[i])),
            VadMethod = a.VadMethod,
            SpeechSeconds = speechSeconds,
            PauseCount = pauses.Length,
            PauseDurations = pauses,
            MeanPauseSeconds = Statistics.Mean(pauses),
            PauseEntropy = PauseStatistics.Entropy(pauses),
            SyllableCount = a.Syllables,
            SyllablesPerSecond = a.Syllables / durationSeconds,
            ArticulationRate = speechSeconds > 0 ? a.Syllables / speechSeconds : double.NaN,
            Wpm = wpm,
            WpmSource = words > 0 ? "Text" : "Estimated",
            JitterLocal = a.Quality.JitterLocal,
            ShimmerLocalDb = a.Quality.ShimmerLocalDb,
            HnrDb = a.Quality.HnrDb,
            F1Hz = a.Quality.Formant(0), F2Hz = a.Quality.Formant(1), F3Hz = a.Quality.Formant(2),
            AlphaRatioDb = a.Spectral.AlphaRatioDb,
            HammarbergIndexDb = a.Spectral.HammarbergIndexDb,
            SpectralSlope0To500 = a.Spectral.SlopeLow,
            SpectralSlope500To1500 = a.Spectral.SlopeHigh,
            MfccMeans = a.Spectral.MfccMeans,
            MfccStdDevs = a.Spectral.MfccStdDevs,
            ClippedFraction = clippedFraction,
            IsClipped = clippedFraction > ClippedFractionLimit,
            Contour = a.Contour,
            FeatureNames = FeatureNames,
        };
        return WithFeatureVector(features, durationSeconds);
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
}
