using VoiceClone.Core.Analysis.Rate;
using VoiceClone.Core.Text;

namespace VoiceClone.Core.Cloning;

/// <summary>One check of a clone: what was measured against what limit.</summary>
public sealed record ValidationCheck(string Name, bool Passed, double Value, string Limit, bool Hard);

/// <summary>The checks of one synthesis attempt.</summary>
public sealed record ValidationReport(int Attempt, IReadOnlyList<ValidationCheck> Checks)
{
    public bool Passed => Checks.All(c => c.Passed);
    /// <summary>
    /// A hard failure (silent, unvoiced, clipped, implausible length) means the audio is unusable; soft ones (match scores) mean
    /// it is imperfect.
    /// </summary>
    public bool HardFailure => Checks.Any(c => c.Hard && !c.Passed);
    public IEnumerable<string> Failed => Checks.Where(c => !c.Passed).Select(c => c.Name);
}

/// <summary>
/// Validates a clone after synthesis. Hard checks: not silent, voiced speech in it, not clipped, a length plausible for the
/// text in its script's unit (<see cref="SpokenLength"/>). Soft checks, the match goals: median F0 within 5 % of the
/// reference and articulation rate within 10 %.
/// </summary>
public static class CloneValidator
{
    /// <summary>Active speech quieter than this (dBFS) counts as silence.</summary>
    public const double SilenceDb = -50;
    /// <summary>
    /// Speech has voiced frames (vowels, voiced consonants): read speech is 35-60 % voiced with its pauses, so a clip under
    /// 10 % is noise, clicks or whisper, not speech (a synthesiser that cannot read the text gives 0 %).
    /// </summary>
    public const double MinVoicedFraction = 0.10;
    /// <summary>
    /// Sets another voiced_speech limit for a session (0 turns the check off): whispered voices, or a test model with random
    /// weights whose output is noise by design.
    /// </summary>
    public const string MinVoicedFractionVariable = "VOICECLONE_MIN_VOICED_FRACTION";
    public const double PitchTolerance = 0.05, RateTolerance = 0.10;

    /// <param name="minVoicedFraction">The voiced_speech limit (<see cref="MinVoicedFraction"/> unless configured; 0 turns it off).</param>
    public static ValidationReport Validate(int attempt, string text, VoiceFeatures clone, double activeLevelDb, VoiceFeatures reference,
        double minVoicedFraction = MinVoicedFraction)
    {
        SpokenLength length = SpokenLength.Of(text);
        var checks = new List<ValidationCheck>
        {
            new("not_silent", activeLevelDb > SilenceDb, activeLevelDb, $"> {SilenceDb} dBFS", Hard: true),
            new("voiced_speech", clone.VoicedFraction >= minVoicedFraction, clone.VoicedFraction, $"voiced fraction >= {minVoicedFraction}",
                Hard: true),
            new("not_clipped", !clone.IsClipped, clone.ClippedFraction, "clipped fraction <= 0.001", Hard: true),
            new("duration_plausible", length.Contains(clone.DurationSeconds), clone.DurationSeconds,
                $"{length.MinSeconds:0.##}-{length.MaxSeconds:0.##} s for {length.Units}", Hard: true),
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
