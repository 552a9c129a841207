namespace VoiceClone.Core.Engines.Default;

/// <summary>
/// How the reference's detected emotion shapes the clone's prosody: a modest change of F0 range, tempo and level per
/// emotion, in the directions the vocal-affect literature reports (Scherer 2003, Speech Communication 40; Juslin &amp;
/// Laukka 2003, Psychological Bulletin 129): aroused emotions widen the range and speed up, sad and calm narrow and slow.
/// Each change is scaled by the classifier's confidence, so an uncertain emotion barely moves anything. The
/// median F0 is never moved (the range widens around it), and tempo changes stay within 5 % so the clone keeps
/// the reference's articulation rate.
/// </summary>
public sealed record EmotionProsody(double PitchRangeFactor, double TempoFactor, double LevelDb)
{
    public static readonly EmotionProsody Unchanged = new(1, 1, 0);

    // Below this confidence the emotion is not applied at all.
    public const double MinimumConfidence = 0.4;

    private static readonly Dictionary<string, EmotionProsody> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["neutral"] = Unchanged,
        ["calm"] = new(0.90, 0.97, -1),
        ["happy"] = new(1.15, 1.03, 1),
        ["sad"] = new(0.85, 0.95, -2),
        ["angry"] = new(1.15, 1.04, 2),
        ["fearful"] = new(1.10, 1.05, 0),
        ["disgust"] = new(0.95, 0.97, 0),
    };

    public static IReadOnlyDictionary<string, EmotionProsody> All => Table;

    /// <summary>The table's row for <paramref name="emotion"/>, moved toward unchanged as confidence falls.</summary>
    public static EmotionProsody For(string? emotion, double confidence)
    {
        if (emotion is null || !Table.TryGetValue(emotion, out EmotionProsody? row) || !(confidence >= MinimumConfidence)) return Unchanged;
        double weight = Math.Min(1, confidence);
        return new EmotionProsody(
            1 + weight * (row.PitchRangeFactor - 1),
            1 + weight * (row.TempoFactor - 1),
            weight * row.LevelDb);
    }
}
