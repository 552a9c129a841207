using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Analysis.Activity;

/// <summary>
/// Speech/non-speech per frame from level alone, the fallback when the Silero model is absent: a frame is
/// speech when its level clears a threshold between the noise floor and the speech level, then gaps shorter
/// than a syllable are bridged and blips shorter than a consonant are dropped.
/// </summary>
internal static class EnergyVoiceActivityDetector
{
    // The threshold sits this fraction of the way from the noise floor (10th percentile) to the speech level (95th).
    private const double ThresholdFraction = 0.35;
    // Never closer than this to the noise floor: a recording with no speech has a narrow level spread.
    private const double MinimumMarginDb = 6;
    // Quieter than this is silence whatever the statistics say (-60 dBFS).
    private const double AbsoluteSilenceDb = -60;

    public static bool[] Detect(double[] levelsDb)
    {
        var speech = new bool[levelsDb.Length];
        if (levelsDb.Length == 0) return speech;
        double floor = Statistics.Percentile(levelsDb, 10);
        double loud = Statistics.Percentile(levelsDb, 95);
        double threshold = Math.Max(AbsoluteSilenceDb, Math.Max(floor + MinimumMarginDb, floor + ThresholdFraction * (loud - floor)));
        for (int i = 0; i < levelsDb.Length; i++) speech[i] = levelsDb[i] > threshold;
        SpeechMask.Smooth(speech);
        return speech;
    }
}
