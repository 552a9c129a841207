using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Runs;

/// <summary>When a command's run log is worth writing: once this many items started, or once the call took this long.</summary>
public sealed record RunWritePolicy(int MinimumItems, TimeSpan MinimumDuration)
{
    /// <summary>Cloning, training, installs: every call is long, so its log is written when its first item starts.</summary>
    public static RunWritePolicy FirstItem { get; } = new(1, TimeSpan.Zero);

    /// <summary>Analysis: a batch (a second file) or a call still going after 2 s; one quick file leaves no run log.</summary>
    public static RunWritePolicy Batch { get; } = new(2, TimeSpan.FromSeconds(2));
}

/// <summary>
/// The life of one command's run log: written once the policy says the call is long (status "running", so a killed run
/// leaves it), checkpointed as items finish (at most every <see cref="RunLog.CheckpointInterval"/>), and finished once:
/// a run that ended normally is judged (<see cref="AnomalyDetector"/>: within itself, and against the newest comparable
/// runs of runs/index.jsonl), its anomalies go into the log and out as WARNING lines, the log gets its final status, and
/// its summary joins the index. Per item the cost is a counter and a clock read; no history is read before the end.
/// </summary>
public sealed class RunTracker
{
    public const string Source = "runs";
    private readonly Func<string?> _logDirectory;
    private readonly RunWritePolicy _policy;
    private int _started, _finished;
    private volatile bool _written;

    /// <param name="logDirectory">The log folder at the time of writing (it may move during a session); null: none.</param>
    public RunTracker(RunLog log, Func<string?> logDirectory, RunWritePolicy policy)
    {
        Log = log;
        _logDirectory = logDirectory;
        _policy = policy;
    }

    public RunLog Log { get; }
    public string RunId => Log.RunId;
    /// <summary>Where the run log was written, once it was.</summary>
    public string? LogPath { get; private set; }
    /// <summary>What <see cref="Finish"/> found anomalous.</summary>
    public IReadOnlyList<RunAnomalyRecord> Anomalies { get; private set; } = [];

    public void ItemStarted()
    {
        int started = Interlocked.Increment(ref _started);
        if (!_written && Qualifies(started)) WriteRunning(checkpoint: false);
    }

    public void Checkpoint()
    {
        if (Volatile.Read(ref _finished) != 0) return;
        if (_written || Qualifies(Volatile.Read(ref _started))) WriteRunning(checkpoint: _written);
    }

    /// <summary>Ends the run with <paramref name="status"/> (completed, completed_with_errors, stopped, failed), the first time only.</summary>
    public void Finish(string status)
    {
        if (Interlocked.Exchange(ref _finished, 1) == 1) return;
        if (!_written && !Qualifies(Volatile.Read(ref _started))) return; // nothing done (-WhatIf, no input), or one quick item
        if (_logDirectory() is not { } folder) return;
        string runs = Path.Combine(folder, RunLog.Folder);
        try
        {
            RunIndexEntry entry = Log.Read(run => RunIndexEntry.From(run, RunMetrics.Compute(run)));
            entry.Status = status;
            if (entry.EndedNormally)
            {
                List<RunIndexEntry> baseline = RunIndex.Baseline(RunIndex.ReadTail(runs), entry);
                var anomalies = Log.Read(AnomalyDetector.WithinRun);
                anomalies.AddRange(AnomalyDetector.AgainstBaseline(entry.Metrics, baseline.Select(b => (IReadOnlyDictionary<string, double>)b.Metrics).ToList()));
                Log.Anomalies(anomalies);
                Anomalies = anomalies;
            }
            LogPath = Log.Write(folder, status);
            RunIndex.Append(runs, entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ModuleLog.Write(ModuleLogLevel.Warning, Source, $"The run log of {RunId} could not be written to {folder}: {e.Message}");
        }
        foreach (RunAnomalyRecord anomaly in Anomalies) ModuleLog.Write(ModuleLogLevel.Warning, Source, AnomalyDetector.Describe(anomaly, RunId));
    }

    private bool Qualifies(int started) =>
        started >= 1 && (started >= _policy.MinimumItems || Log.Elapsed >= _policy.MinimumDuration);

    private void WriteRunning(bool checkpoint)
    {
        if (_logDirectory() is not { } folder) return;
        try
        {
            string? path = checkpoint ? Log.Checkpoint(folder) : Log.Write(folder, "running");
            LogPath = path ?? LogPath;
            _written = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ModuleLog.Write(ModuleLogLevel.Warning, Source, $"The run log of {RunId} could not be written to {folder}: {e.Message}");
        }
    }
}
