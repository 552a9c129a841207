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
    private const int BridgeGapFrames = 10;   // 100 ms: the gap inside a word, a stop closure
    private const int DropBurstFrames = 5;    // 50 ms: a click, a breath

    public static bool[] Detect(double[] levelsDb)
    {
        var speech = new bool[levelsDb.Length];
        if (levelsDb.Length == 0) return speech;
        double floor = Statistics.Percentile(levelsDb, 10);
        double loud = Statistics.Percentile(levelsDb, 95);
        double threshold = Math.Max(AbsoluteSilenceDb, Math.Max(floor + MinimumMarginDb, floor + ThresholdFraction * (loud - floor)));
        for (int i = 0; i < levelsDb.Length; i++) speech[i] = levelsDb[i] > threshold;
        FillRuns(speech, value: false, maxLength: BridgeGapFrames);
        FillRuns(speech, value: true, maxLength: DropBurstFrames);
        return speech;
    }

    /// <summary>Flips interior runs of <paramref name="value"/> no longer than <paramref name="maxLength"/>.</summary>
    internal static void FillRuns(bool[] mask, bool value, int maxLength)
    {
        int i = 0;
        while (i < mask.Length)
        {
            if (mask[i] != value) { i++; continue; }
            int start = i;
            while (i < mask.Length && mask[i] == value) i++;
            bool interior = start > 0 && i < mask.Length;
            if (interior && i - start <= maxLength) for (int k = start; k < i; k++) mask[k] = !value;
        }
    }
}
