using VoiceClone.Core.Analysis;
using VoiceClone.Core.Analysis.Activity;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Devices;

/// <summary>
/// What a fresh take is worth as a cloning reference, measured as the voice analysis measures it (its clipping limits, its
/// frame levels and its level-based speech detector); each problem is one sentence saying what to do.
/// </summary>
internal static class RecordingQuality
{
    /// <summary>Speech quieter than this on average (dBFS over the speech frames) is too quiet: good takes sit near -30 to -12.</summary>
    public const double QuietSpeechDb = -40;
    /// <summary>Less than this share of the take detected as speech is mostly silence.</summary>
    public const double MinimumSpeechFraction = 0.4;

    public static IReadOnlyList<string> Problems(AudioBuffer take)
    {
        var problems = new List<string>();
        int clipped = take.Samples.Count(s => Math.Abs(s) >= FeatureAccumulator.ClipLevel);
        double clippedFraction = clipped / (double)Math.Max(1, take.Samples.Length);
        if (clippedFraction > VoiceFeatureExtractor.ClippedFractionLimit)
        {
            problems.Add($"The take is clipped: {100 * clippedFraction:F2} % of its samples are at full scale. "
                + "Lower the input gain or move back from the microphone, and record again.");
        }
        double[] levelsDb = AnalysisFrames.LevelsDb(SincResampler.Resample(take, AnalysisFrames.SampleRateHz).Samples, out _);
        bool[] speech = EnergyVoiceActivityDetector.Detect(levelsDb);
        int speechFrames = speech.Count(s => s);
        double speechSeconds = speechFrames * AnalysisFrames.HopSeconds;
        if (speechFrames < MinimumSpeechFraction * speech.Length)
        {
            problems.Add($"The take is mostly silence: {speechSeconds:F1} s of {take.DurationSeconds:F1} s is speech. "
                + "Speak through the whole take (cloning wants 5-15 s of speech), or check that the right input is chosen.");
            return problems;
        }
        double speechLevelDb = Statistics.Mean(Enumerable.Range(0, speech.Length).Where(i => speech[i]).Select(i => levelsDb[i]));
        if (speechLevelDb < QuietSpeechDb)
        {
            problems.Add($"The take is too quiet: speech averages {speechLevelDb:F0} dBFS (aim for -30 to -12). "
                + "Raise the input gain or move closer to the microphone.");
        }
        return problems;
    }
}
