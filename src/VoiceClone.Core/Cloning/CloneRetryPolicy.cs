using VoiceClone.Core.Engines;
using VoiceClone.Core.Text;

namespace VoiceClone.Core.Cloning;

/// <summary>
/// What to do after a failed attempt, at most <see cref="MaxAttempts"/> attempts per clone:
/// an engine failure or silent output is synthesised again unchanged ("resynthesize"); output with no voiced speech asks
/// for the next nearest base voice ("next_base_voice"; an engine without base voices synthesises again); clipping lowers
/// the level 6 dB ("reduce_gain"); an implausible length re-times toward the text's typical length ("retime",
/// <see cref="SpokenLength"/>); a missed F0 or articulation rate is corrected by the measured miss ("feedback_correction":
/// F0 target x reference/clone, duration x clone rate/reference rate, at most 20 % a step), once. After the last attempt,
/// hard failures fail the clone and soft misses are kept and reported.
/// </summary>
public static class CloneRetryPolicy
{
    public const int MaxAttempts = 3;
    /// <summary>
    /// Match goals alone earn one retry: measured on LibriSpeech references, a clone whose rate the syllable detector
    /// misreads does not improve with more, and each attempt costs a whole synthesis.
    /// </summary>
    public const int MaxAttemptsForMatchGoals = 2;
    private const double ClippingGainStepDb = -6;
    private const double MaxTempoStep = 1.2;

    /// <summary>The corrected request and the methods used, or null when no attempt is left.</summary>
    public static (SynthesisRequest Request, string Method)? Next(int attempt, SynthesisRequest request, ValidationReport? report)
    {
        if (attempt >= MaxAttempts) return null;
        if (report is null) return (request, "resynthesize"); // the engine failed
        if (!report.HardFailure && attempt >= MaxAttemptsForMatchGoals) return null;
        var methods = new List<string>();
        SynthesisRequest next = request;
        foreach (ValidationCheck check in report.Checks.Where(c => !c.Passed))
        {
            switch (check.Name)
            {
                case "not_silent":
                    methods.Add("resynthesize");
                    break;
                case "voiced_speech":
                    next = next with { BaseVoiceRank = next.BaseVoiceRank + 1 };
                    methods.Add("next_base_voice");
                    break;
                case "not_clipped":
                    next = next with { GainCorrectionDb = next.GainCorrectionDb + ClippingGainStepDb };
                    methods.Add("reduce_gain");
                    break;
                case "duration_plausible":
                    double typicalSeconds = SpokenLength.Of(request.Text).TypicalSeconds; // check.Value is the clone's length
                    next = next with { DurationCorrection = next.DurationCorrection * Math.Clamp(typicalSeconds / check.Value, 0.5, 2) };
                    methods.Add("retime");
                    break;
                case "pitch_match":
                    next = next with { PitchCorrection = next.PitchCorrection / check.Value };
                    methods.Add("feedback_correction");
                    break;
                case "rate_match":
                    // Syllable counts of short clips are noisy: one retry moves the tempo at most 20 %.
                    next = next with { DurationCorrection = next.DurationCorrection * Math.Clamp(check.Value, 1 / MaxTempoStep, MaxTempoStep) };
                    methods.Add("feedback_correction");
                    break;
            }
        }
        return methods.Count == 0 ? null : (next, string.Join("+", methods.Distinct()));
    }
}
