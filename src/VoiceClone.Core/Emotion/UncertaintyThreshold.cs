namespace VoiceClone.Core.Emotion;

/// <summary>
/// The 'uncertain' answer, a reject option in the sense of selective classification (Chow 1970; Geifman & El-Yaniv
/// 2017): a result names an emotion only when its calibrated probability reaches the model's threshold, else it says
/// <see cref="EmotionLabels.Uncertain"/> and keeps the scores. The threshold is chosen on held-out (leave-one-speaker-
/// out, calibrated) predictions as the lowest at which the named emotions are right at least
/// <see cref="TargetAccuracy"/> of the time.
/// </summary>
public static class UncertaintyThreshold
{
    /// <summary>Named emotions should be right at least seven times in ten.</summary>
    public const double TargetAccuracy = 0.70;
    // Thresholds tried, in steps of 0.01: from just above uniform over seven (0.143, which no-speech clips get) to 0.95.
    private const int LowestPercent = 20, HighestPercent = 95;

    public static double Choose(IReadOnlyList<float[]> calibrated, IReadOnlyList<int> truth, double targetAccuracy = TargetAccuracy)
    {
        for (int percent = LowestPercent; percent < HighestPercent; percent++)
        {
            var (coverage, accuracy) = Evaluate(calibrated, truth, percent / 100.0);
            if (coverage > 0 && accuracy >= targetAccuracy) return percent / 100.0;
        }
        return HighestPercent / 100.0;
    }

    /// <summary>The share of clips that get a named emotion at <paramref name="threshold"/>, and how often that emotion is right.</summary>
    public static (double Coverage, double Accuracy) Evaluate(IReadOnlyList<float[]> calibrated, IReadOnlyList<int> truth, double threshold)
    {
        int answered = 0, right = 0;
        for (int i = 0; i < truth.Count; i++)
        {
            int best = EmotionMetrics.ArgMax(calibrated[i]);
            if (calibrated[i][best] < threshold) continue;
            answered++;
            if (best == truth[i]) right++;
        }
        return (answered / (double)Math.Max(1, truth.Count), answered > 0 ? right / (double)answered : 0);
    }
}
