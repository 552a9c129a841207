namespace VoiceClone;

/// <summary>
/// One long command as its run log tells it (Get-VoiceCloneRun): what ran, how it ended, what it cost and how good the
/// result was. Numbers a run cannot measure (pitch match of an analysis batch, UA of a clone run) are NaN.
/// </summary>
public sealed class VoiceCloneRun
{
    public string Id { get; init; } = "";
    /// <summary>The cmdlet: New-VoiceClone, Get-VoiceFeature, Get-VoiceEmotion, New-VoiceEmotionModel, Install-VoiceCloneModel.</summary>
    public string Command { get; init; } = "";
    /// <summary>running, interrupted (its process is gone), completed, completed_with_errors, stopped or failed.</summary>
    public string Status { get; init; } = "";
    public DateTimeOffset Started { get; init; }
    public DateTimeOffset? Ended { get; init; }
    public double DurationSeconds { get; init; } = double.NaN;
    public string? Engine { get; init; }
    public string? Model { get; init; }
    public string? Device { get; init; }
    public string? Host { get; init; }
    /// <summary>Clones, files or training folds worked on.</summary>
    public int Items { get; init; }
    public int Clones { get; init; }
    /// <summary>Error occurrences, automatically recovered ones included.</summary>
    public int Errors { get; init; }
    public int Retries { get; init; }
    /// <summary>Clones whose kept attempt failed validation.</summary>
    public int ValidationFailures { get; init; }
    public double AudioSeconds { get; init; }
    public double CpuSeconds { get; init; }
    /// <summary>Wall seconds per second of audio produced (cloning) or analysed.</summary>
    public double RealTimeFactor { get; init; } = double.NaN;
    /// <summary>Analysis: seconds of audio per wall second.</summary>
    public double ThroughputRealTime { get; init; } = double.NaN;
    public double LatencyP50Ms { get; init; } = double.NaN;
    public double LatencyP95Ms { get; init; } = double.NaN;
    /// <summary>The process's peak resident memory (its high-water mark) by the end of the run.</summary>
    public double PeakMemoryMb { get; init; } = double.NaN;
    /// <summary>Total time per stage.</summary>
    public IReadOnlyDictionary<string, double> StageSeconds { get; init; } = new Dictionary<string, double>();
    public IReadOnlyDictionary<string, double> StageP50Ms { get; init; } = new Dictionary<string, double>();
    public IReadOnlyDictionary<string, double> StageP95Ms { get; init; } = new Dictionary<string, double>();
    /// <summary>Error occurrences by category: input, io, model, dependency, timeout, resource, unknown.</summary>
    public IReadOnlyDictionary<string, int> ErrorsByCategory { get; init; } = new Dictionary<string, int>();
    public double ValidationPassRate { get; init; } = double.NaN;
    public double AttemptsPerClone { get; init; } = double.NaN;
    /// <summary>Median and 90th percentile of |clone F0 / reference F0 - 1|.</summary>
    public double PitchErrorMedian { get; init; } = double.NaN;
    public double PitchErrorP90 { get; init; } = double.NaN;
    /// <summary>Median and 90th percentile of |clone articulation rate / reference's - 1|.</summary>
    public double RateErrorMedian { get; init; } = double.NaN;
    public double RateErrorP90 { get; init; } = double.NaN;
    public double TimbreDistanceMedian { get; init; } = double.NaN;
    /// <summary>Median of the clone's timbre distance over the base voice's (below 1: closer to the reference than the base voice).</summary>
    public double TimbreVsBaseMedian { get; init; } = double.NaN;
    public double SpeechFractionMedian { get; init; } = double.NaN;
    /// <summary>Share of the recordings analysed that are clipped.</summary>
    public double ClippingShare { get; init; } = double.NaN;
    public double UnweightedAccuracy { get; init; } = double.NaN;
    public double ExpectedCalibrationError { get; init; } = double.NaN;
    /// <summary>Emotion training: unweighted accuracy and ECE of each leave-one-speaker-out fold, by held-out speaker.</summary>
    public IReadOnlyDictionary<string, double> FoldUnweightedAccuracy { get; init; } = new Dictionary<string, double>();
    public IReadOnlyDictionary<string, double> FoldExpectedCalibrationError { get; init; } = new Dictionary<string, double>();
    /// <summary>Every metric of the run by name (the ones Compare-VoiceCloneRun compares and the anomaly detector judges).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
    public IReadOnlyList<RunAnomaly> Anomalies { get; init; } = [];
    public int AnomalyCount => Anomalies.Count;
    /// <summary>The run log.</summary>
    public string Path { get; init; } = "";
    public int SchemaVersion { get; init; }
    /// <summary>What the reader had to excuse (a log cut short, a newer schema); null when nothing.</summary>
    public string? Note { get; init; }
}

/// <summary>A metric of a run far from its baseline, or a stage far outside the rest of its run.</summary>
public sealed class RunAnomaly
{
    public string RunId { get; init; } = "";
    public DateTimeOffset Started { get; init; }
    public string Metric { get; init; } = "";
    public double Value { get; init; }
    /// <summary>Median of the earlier comparable runs (or of the stage within the run).</summary>
    public double Baseline { get; init; }
    public double Threshold { get; init; }
    /// <summary>above (higher is worse) or below (lower is worse).</summary>
    public string Direction { get; init; } = "";
    /// <summary>How many earlier runs the baseline holds; 0 for a stage judged within its run.</summary>
    public int BaselineRuns { get; init; }
    /// <summary>The clone or file of a stage outlier.</summary>
    public string? Item { get; init; }
}

/// <summary>One metric of two runs (or the medians of two groups of runs) side by side (Compare-VoiceCloneRun).</summary>
public sealed class RunComparison
{
    public string Metric { get; init; } = "";
    public double Reference { get; init; }
    public double Difference { get; init; }
    /// <summary>Difference minus Reference.</summary>
    public double Delta { get; init; }
    /// <summary>Delta over |Reference|; NaN when Reference is 0.</summary>
    public double RelativeChange { get; init; }
    /// <summary>Which way is better: lower, higher, or neither (a measure, not a goal).</summary>
    public string Better { get; init; } = "";
    /// <summary>better, worse, unchanged (within 2 %), or changed (a metric without a better direction).</summary>
    public string Verdict { get; init; } = "";
    public string Unit { get; init; } = "";
    public int ReferenceRuns { get; init; }
    public int DifferenceRuns { get; init; }
}

/// <summary>A report Export-VoiceCloneReport wrote.</summary>
public sealed class VoiceCloneReport
{
    public string Path { get; init; } = "";
    public int Runs { get; init; }
    public int Anomalies { get; init; }
    /// <summary>Plots embedded in the page.</summary>
    public int Images { get; init; }
    public long Bytes { get; init; }
    public DateTimeOffset? FirstRun { get; init; }
    public DateTimeOffset? LastRun { get; init; }
}
