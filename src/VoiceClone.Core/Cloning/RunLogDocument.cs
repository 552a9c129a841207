namespace VoiceClone.Core.Cloning;

/// <summary>The run log's JSON layout (snake_case on disk). Categories: input, io, model, dependency, timeout, resource, unknown.</summary>
public sealed class RunLogDocument
{
    public int SchemaVersion { get; set; } = 1;
    public string RunId { get; set; } = "";
    public string Command { get; set; } = "";
    public string Status { get; set; } = "running";
    public DateTimeOffset Started { get; set; }
    public DateTimeOffset? Ended { get; set; }
    public Dictionary<string, string?> Parameters { get; set; } = [];
    public Dictionary<string, string> Machine { get; set; } = [];
    public List<RunClone> Clones { get; set; } = [];
    public List<RunStage> Stages { get; set; } = [];
    public List<RunError> Errors { get; set; } = [];
    public List<RunRetry> Retries { get; set; } = [];
    public List<RunValidation> Validations { get; set; } = [];
    public RunCompute Compute { get; set; } = new();
}

public sealed class RunClone
{
    public string Id { get; set; } = "";
    public string Reference { get; set; } = "";
    public string Text { get; set; } = "";
    public string Status { get; set; } = "";
    public double AudioSeconds { get; set; }
}

public sealed class RunStage
{
    public string Clone { get; set; } = "";
    /// <summary>reference_analysis, synthesis, output_analysis or persist.</summary>
    public string Name { get; set; } = "";
    public int Attempt { get; set; }
    public string Status { get; set; } = "";
    public string? Detail { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    public double DurationMs { get; set; }
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
    public List<string> Clones { get; set; } = [];
}

public sealed class RunRetry
{
    public string Clone { get; set; } = "";
    /// <summary>The attempt this retry starts (2 = first retry).</summary>
    public int Attempt { get; set; }
    public string Method { get; set; } = "";
    public string Reason { get; set; } = "";
    public double DurationMs { get; set; }
    public string Outcome { get; set; } = "";
}

public sealed class RunValidation
{
    public string Clone { get; set; } = "";
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

public sealed class RunCompute
{
    public double CpuSeconds { get; set; }
    public double WallSeconds { get; set; }
    public double AudioSeconds { get; set; }
    /// <summary>Wall seconds per second of audio produced.</summary>
    public double? RealTimeFactor { get; set; }
    /// <summary>Engine work counts: frames and tokens for neural engines, pitch marks for the default one.</summary>
    public Dictionary<string, double> Work { get; set; } = [];
}
