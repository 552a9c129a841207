namespace VoiceClone.Core.Runs;

/// <summary>
/// The run log's JSON layout (snake_case on disk), one per long command. Schema 2 names the unit of work an "item" (a
/// clone, a file analysed, a file downloaded, a training fold) where schema 1 said "clone"; <see cref="RunLogReader"/>
/// reads both. Error categories: input, io, model, dependency, timeout, resource, unknown.
/// </summary>
public sealed class RunLogDocument
{
    public const int CurrentSchemaVersion = 2;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;
    public string RunId { get; set; } = "";
    /// <summary>The cmdlet, e.g. New-VoiceClone, Get-VoiceFeature, New-VoiceEmotionModel, Install-VoiceCloneModel.</summary>
    public string Command { get; set; } = "";
    /// <summary>running, completed, completed_with_errors, stopped or failed (a reader may call a dead "running" one interrupted).</summary>
    public string Status { get; set; } = "running";
    public DateTimeOffset Started { get; set; }
    public DateTimeOffset? Ended { get; set; }
    /// <summary>What did the work (an engine, a pitch tracker and detector, a trainer); runs are compared within one.</summary>
    public string? Engine { get; set; }
    /// <summary>The compute device actually used (cpu, cuda), after any fallback.</summary>
    public string? Device { get; set; }
    public string? Model { get; set; }
    public Dictionary<string, string?> Parameters { get; set; } = [];
    public Dictionary<string, string> Machine { get; set; } = [];
    public List<RunClone> Clones { get; set; } = [];
    public List<RunItem> Items { get; set; } = [];
    public List<RunStage> Stages { get; set; } = [];
    public List<RunError> Errors { get; set; } = [];
    public List<RunRetry> Retries { get; set; } = [];
    public List<RunValidation> Validations { get; set; } = [];
    public RunTraining? Training { get; set; }
    /// <summary>What the run did unlike earlier comparable runs, or unlike the rest of itself (see <see cref="AnomalyDetector"/>).</summary>
    public List<RunAnomalyRecord> Anomalies { get; set; } = [];
    public RunCompute Compute { get; set; } = new();
}

/// <summary>One clone and how well it matched its reference.</summary>
public sealed class RunClone
{
    public string Id { get; set; } = "";
    public string Reference { get; set; } = "";
    public string Text { get; set; } = "";
    public string Status { get; set; } = "";
    public double AudioSeconds { get; set; }
    /// <summary>Wall time of the whole clone, all attempts.</summary>
    public double? Seconds { get; set; }
    /// <summary>Clone median F0 over the reference's (1 is a perfect match).</summary>
    public double? PitchRatio { get; set; }
    public double? ArticulationRateRatio { get; set; }
    /// <summary>MFCC distance of the clone's long-term spectrum to the reference's, and of the untouched base voice's.</summary>
    public double? TimbreDistance { get; set; }
    public double? BaseTimbreDistance { get; set; }
    public int? Attempts { get; set; }
    /// <summary>Whether the kept attempt passed every validation check.</summary>
    public bool? ValidationPassed { get; set; }
    public string? ReferenceEmotion { get; set; }
    public string? CloneEmotion { get; set; }
}

/// <summary>One unit of work other than a clone: a file analysed or downloaded.</summary>
public sealed class RunItem
{
    public string Name { get; set; } = "";
    /// <summary>completed or failed.</summary>
    public string Status { get; set; } = "";
    public double AudioSeconds { get; set; }
    public double DurationMs { get; set; }
    /// <summary>A class found for it (the emotion of a recording).</summary>
    public string? Label { get; set; }
    /// <summary>What was measured on it: speech_fraction, clipped_fraction, confidence, bytes.</summary>
    public Dictionary<string, double> Measures { get; set; } = [];
}

public sealed class RunStage
{
    /// <summary>The clone, file or fold the stage worked on.</summary>
    public string Item { get; set; } = "";
    /// <summary>reference_analysis, synthesis, output_analysis, persist (cloning); fold (training).</summary>
    public string Name { get; set; } = "";
    public int Attempt { get; set; }
    public string Status { get; set; } = "";
    public string? Detail { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    public double DurationMs { get; set; }
    /// <summary>Seconds of audio the stage produced or read, when its time scales with them (judged per second within a run).</summary>
    public double? AudioSeconds { get; set; }
    /// <summary>The process's peak resident memory so far (the OS high-water mark).</summary>
    public double PeakMemoryMb { get; set; }
    public double WorkingSetMb { get; set; }
    /// <summary>Process CPU time over wall time during the stage, as a percentage of all cores.</summary>
    public double AverageCpuPercent { get; set; }
}

public sealed class RunError
{
    public string Category { get; set; } = "unknown";
    public string ErrorId { get; set; } = "";
    public string Message { get; set; } = "";
    public bool AutoRecoverable { get; set; }
    public string SuggestedFix { get; set; } = "";
    public int Occurrences { get; set; }
    public List<string> Items { get; set; } = [];
}

public sealed class RunRetry
{
    public string Item { get; set; } = "";
    /// <summary>The attempt this retry starts (2 = first retry).</summary>
    public int Attempt { get; set; }
    public string Method { get; set; } = "";
    public string Reason { get; set; } = "";
    public double DurationMs { get; set; }
    public string Outcome { get; set; } = "";
}

public sealed class RunValidation
{
    public string Item { get; set; } = "";
    public int Attempt { get; set; }
    public bool Passed { get; set; }
    public List<RunCheck> Checks { get; set; } = [];
}

public sealed class RunCheck
{
    public string Name { get; set; } = "";
    public bool Passed { get; set; }
    public double? Value { get; set; }
    public string Limit { get; set; } = "";
    public bool Hard { get; set; }
}

/// <summary>An emotion model's training: leave-one-speaker-out folds and the pooled result.</summary>
public sealed class RunTraining
{
    public int Clips { get; set; }
    public int Speakers { get; set; }
    public double UnweightedAccuracy { get; set; }
    public double WeightedAccuracy { get; set; }
    public double ExpectedCalibrationError { get; set; }
    public List<string> Labels { get; set; } = [];
    /// <summary>Rows are the true emotion, columns the predicted one, in <see cref="Labels"/> order.</summary>
    public int[][] ConfusionMatrix { get; set; } = [];
    public List<RunFold> Folds { get; set; } = [];
}

public sealed class RunFold
{
    /// <summary>The speaker left out and tested on.</summary>
    public string HeldOut { get; set; } = "";
    public int Clips { get; set; }
    public double UnweightedAccuracy { get; set; }
    public double ExpectedCalibrationError { get; set; }
    public double DurationMs { get; set; }
}

/// <summary>A metric far from its baseline (earlier comparable runs) or a stage far outside the run's own distribution.</summary>
public sealed class RunAnomalyRecord
{
    public string Metric { get; set; } = "";
    public double Value { get; set; }
    /// <summary>The median of the baseline.</summary>
    public double Baseline { get; set; }
    /// <summary>The value beyond which the metric counts as anomalous.</summary>
    public double Threshold { get; set; }
    /// <summary>above (higher is worse) or below (lower is worse).</summary>
    public string Direction { get; set; } = "above";
    /// <summary>How many earlier runs the baseline holds; 0 for a stage judged within its own run.</summary>
    public int BaselineRuns { get; set; }
    /// <summary>The clone or file, for a stage outlier.</summary>
    public string? Item { get; set; }
}

public sealed class RunCompute
{
    public double CpuSeconds { get; set; }
    public double WallSeconds { get; set; }
    public double AudioSeconds { get; set; }
    /// <summary>Wall seconds per second of audio produced or analysed.</summary>
    public double? RealTimeFactor { get; set; }
    /// <summary>The highest resident memory sampled during the run (at each stage, clone, item and write), in MB.</summary>
    public double? PeakMemoryMb { get; set; }
    /// <summary>Engine work counts: frames and tokens for neural engines, pitch marks for the default one.</summary>
    public Dictionary<string, double> Work { get; set; } = [];
}
