using VoiceClone.Core.Analysis.Rate;

namespace VoiceClone.Core.Cloning;

/// <summary>One check of a clone: what was measured against what limit.</summary>
public sealed record ValidationCheck(string Name, bool Passed, double Value, string Limit, bool Hard);

/// <summary>The checks of one synthesis attempt.</summary>
public sealed record ValidationReport(int Attempt, IReadOnlyList<ValidationCheck> Checks)
{
    public bool Passed => Checks.All(c => c.Passed);
    /// <summary>A hard failure (silent, clipped, implausible length) means the audio is unusable; soft ones (match scores) mean it is imperfect.</summary>
    public bool HardFailure => Checks.Any(c => c.Hard && !c.Passed);
    public IEnumerable<string> Failed => Checks.Where(c => !c.Passed).Select(c => c.Name);
}

/// <summary>
/// Validates a clone after synthesis. Hard checks: not silent, not clipped, a length plausible for the text. Soft checks,
/// the match goals: median F0 within 5 % of the reference and articulation rate within 10 %.
/// </summary>
public static class CloneValidator
{
    /// <summary>Active speech quieter than this (dBFS) counts as silence.</summary>
    public const double SilenceDb = -50;
    /// <summary>Plausible speaking time per word: 0.12 s (very fast speech) to 1.5 s (very slow, with pauses).</summary>
    public const double MinSecondsPerWord = 0.12, MaxSecondsPerWord = 1.5;
    public const double PitchTolerance = 0.05, RateTolerance = 0.10;

    public static ValidationReport Validate(int attempt, string text, VoiceFeatures clone, double activeLevelDb, VoiceFeatures reference)
    {
        int words = Math.Max(1, SpeechRate.CountWords(text));
        double secondsPerWord = clone.DurationSeconds / words;
        var checks = new List<ValidationCheck>
        {
            new("not_silent", activeLevelDb > SilenceDb, activeLevelDb, $"> {SilenceDb} dBFS", Hard: true),
            new("not_clipped", !clone.IsClipped, clone.ClippedFraction, "clipped fraction <= 0.001", Hard: true),
            new("duration_plausible", secondsPerWord is >= MinSecondsPerWord and <= MaxSecondsPerWord, secondsPerWord,
                $"{MinSecondsPerWord}-{MaxSecondsPerWord} s per word", Hard: true),
        };
        double pitchRatio = clone.PitchMedian / reference.PitchMedian;
        if (double.IsFinite(pitchRatio))
        {
            checks.Add(new("pitch_match", Math.Abs(pitchRatio - 1) <= PitchTolerance, pitchRatio, $"1 +- {PitchTolerance}", Hard: false));
        }
        double rateRatio = clone.ArticulationRate / reference.ArticulationRate;
        if (double.IsFinite(rateRatio) && clone.SyllableCount >= SpeechRate.MinSyllablesForRate && reference.SyllableCount >= SpeechRate.MinSyllablesForRate)
        {
            checks.Add(new("rate_match", Math.Abs(rateRatio - 1) <= RateTolerance, rateRatio, $"1 +- {RateTolerance}", Hard: false));
        }
        return new ValidationReport(attempt, checks);
    }
}
