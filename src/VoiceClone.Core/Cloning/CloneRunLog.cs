using VoiceClone.Core.Runs;

namespace VoiceClone.Core.Cloning;

/// <summary>What a clone adds to its call's run log: its validations as checks, and the clone with its match scores.</summary>
internal static class CloneRunLog
{
    public static void Validation(this RunLog log, string clone, ValidationReport report) => log.Validation(new RunValidation
    {
        Item = clone, Attempt = report.Attempt, Passed = report.Passed,
        Checks = report.Checks.Select(c => new RunCheck { Name = c.Name, Passed = c.Passed, Value = RunLog.Finite(c.Value), Limit = c.Limit, Hard = c.Hard }).ToList(),
    });

    /// <summary>A clone that ended without a result (failed or stopped).</summary>
    public static void Clone(this RunLog log, string clone, string reference, string text, string status) =>
        log.Clone(new RunClone { Id = clone, Reference = reference, Text = text, Status = status }, null);

    /// <summary>A clone written, with how well it matched its reference and the emotions heard in both.</summary>
    public static void Clone(this RunLog log, VoiceCloneResult result, string reference, string referenceEmotion, string cloneEmotion,
        double seconds, IReadOnlyDictionary<string, double> counters) => log.Clone(new RunClone
    {
        Id = result.Id, Reference = reference, Text = result.Text, Status = "completed", AudioSeconds = result.DurationSeconds, Seconds = seconds,
        PitchRatio = RunLog.Finite(result.PitchRatio), ArticulationRateRatio = RunLog.Finite(result.ArticulationRateRatio),
        TimbreDistance = RunLog.Finite(result.TimbreDistance), BaseTimbreDistance = RunLog.Finite(result.BaseTimbreDistance),
        Attempts = result.Attempts, ValidationPassed = result.Validation == "passed",
        ReferenceEmotion = referenceEmotion, CloneEmotion = cloneEmotion,
    }, counters);
}
