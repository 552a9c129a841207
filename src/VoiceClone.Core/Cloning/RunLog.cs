using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceClone.Core.IO;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Cloning;

/// <summary>
/// The structured record of one New-VoiceClone invocation in logs/runs/&lt;run-id&gt;.json: written when its first clone
/// starts (status "running"), again as clones finish (at most every <see cref="CheckpointInterval"/>), and when it ends
/// (completed, stopped or failed), so a killed run is still on disk, readable as one that never ended: every stage with its timing, memory and CPU; every error with its category, whether it
/// was recovered automatically, a suggested fix and how often it occurred; every retry; every validation; and the
/// compute cost. Thread-safe: clones run in parallel.
/// </summary>
public sealed class RunLog
{
    public const string Folder = "runs";
    private readonly object _gate = new();
    private readonly long _startTicks = Stopwatch.GetTimestamp();
    private readonly TimeSpan _startCpu = ProcessMetrics.CurrentCpuTime();
    private readonly RunLogDocument _document;

    public RunLog(string command, IReadOnlyDictionary<string, string?> parameters)
    {
        _document = new RunLogDocument
        {
            RunId = CloneIds.NewRun(), Command = command, Parameters = new(parameters), Started = DateTimeOffset.UtcNow,
            Machine = new()
            {
                ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription, ["cores"] = Environment.ProcessorCount.ToString(),
                ["dotnet"] = Environment.Version.ToString(), ["host"] = Environment.MachineName, ["pid"] = Environment.ProcessId.ToString(),
            },
        };
    }

    /// <summary>How often a running run's log is rewritten at most.</summary>
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(2);
    private long _lastWriteTicks;
    private readonly object _writeGate = new();
    private bool _ended;

    public string RunId => _document.RunId;

    public Stage BeginStage(string clone, string name, int attempt = 1) => new(this, clone, name, attempt);

    public void Error(string clone, VoiceCloneErrorCategory errorCategory, string errorId, string message, bool autoRecoverable, string suggestedFix)
    {
        string category = CategoryName(errorCategory);
        lock (_gate)
        {
            RunError? same = _document.Errors.FirstOrDefault(e => e.ErrorId == errorId && e.Category == category && e.AutoRecoverable == autoRecoverable);
            if (same is null)
            {
                _document.Errors.Add(new RunError
                {
                    Category = category, ErrorId = errorId, Message = message, AutoRecoverable = autoRecoverable, SuggestedFix = suggestedFix,
                    Occurrences = 1, Clones = [clone],
                });
            }
            else
            {
                same.Occurrences++;
                if (!same.Clones.Contains(clone)) same.Clones.Add(clone);
            }
        }
    }

    public void Retry(string clone, int attempt, string method, string reason, double durationMs, string outcome)
    {
        lock (_gate) _document.Retries.Add(new RunRetry { Clone = clone, Attempt = attempt, Method = method, Reason = reason, DurationMs = durationMs, Outcome = outcome });
    }

    public void Validation(string clone, ValidationReport report)
    {
        lock (_gate)
        {
            _document.Validations.Add(new RunValidation
            {
                Clone = clone, Attempt = report.Attempt, Passed = report.Passed,
                Checks = report.Checks.Select(c => new RunCheck { Name = c.Name, Passed = c.Passed, Value = Finite(c.Value), Limit = c.Limit, Hard = c.Hard }).ToList(),
            });
        }
    }

    public void Clone(string clone, string reference, string text, string status, double audioSeconds, IReadOnlyDictionary<string, double>? counters)
    {
        lock (_gate)
        {
            _document.Clones.Add(new RunClone { Id = clone, Reference = reference, Text = text, Status = status, AudioSeconds = audioSeconds });
            _document.Compute.AudioSeconds += audioSeconds;
            foreach (var (name, value) in counters ?? new Dictionary<string, double>())
            {
                if (name is "frames" or "tokens" or "pitch_marks") _document.Compute.Work[name] = _document.Compute.Work.GetValueOrDefault(name) + value;
            }
        }
    }

    /// <summary>Rewrites the record of a run still going, unless it was written less than <see cref="CheckpointInterval"/> ago.</summary>
    public string? Checkpoint(string logDirectory)
    {
        long last = Interlocked.Read(ref _lastWriteTicks);
        if (last != 0 && Stopwatch.GetElapsedTime(last) < CheckpointInterval) return null;
        return Write(logDirectory, "running");
    }

    /// <summary>
    /// Writes the record atomically under <paramref name="logDirectory"/>/runs with <paramref name="status"/>: "running" while
    /// it goes on, or how it ended (completed, completed_with_errors, failed, stopped); returns its path.
    /// </summary>
    public string Write(string logDirectory, string status)
    {
        string path = Path.Combine(logDirectory, Folder, $"{RunId}.json");
        lock (_writeGate) // one write at a time, and a checkpoint never lands over the final record
        {
            if (_ended && status == "running") return path;
            _ended |= status != "running";
            byte[] json;
            lock (_gate)
            {
                Interlocked.Exchange(ref _lastWriteTicks, Stopwatch.GetTimestamp());
                _document.Status = status;
                _document.Ended = status == "running" ? null : DateTimeOffset.UtcNow;
                double wall = Stopwatch.GetElapsedTime(_startTicks).TotalSeconds;
                _document.Compute.WallSeconds = wall;
                _document.Compute.CpuSeconds = (ProcessMetrics.CurrentCpuTime() - _startCpu).TotalSeconds;
                _document.Compute.RealTimeFactor = _document.Compute.AudioSeconds > 0 ? wall / _document.Compute.AudioSeconds : null;
                json = JsonSerializer.SerializeToUtf8Bytes(_document, Json);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var staged = new StagedFile(path);
            using (FileStream stream = staged.OpenWrite()) stream.Write(json);
            staged.Commit(overwrite: true); // a run rewrites its own log only
            return path;
        }
    }

    /// <summary>How a category is written in run logs: input, io, model, dependency, timeout, resource, unknown.</summary>
    public static string CategoryName(VoiceCloneErrorCategory category) => category.ToString().ToLowerInvariant();

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private void AddStage(RunStage stage)
    {
        lock (_gate) _document.Stages.Add(stage);
    }

    /// <summary>A stage being timed; <see cref="Complete"/> or <see cref="Fail"/> records it (disposing unfinished records it as stopped).</summary>
    public sealed class Stage : IDisposable
    {
        private readonly RunLog _log;
        private readonly RunStage _record;
        private readonly long _startTicks = Stopwatch.GetTimestamp();
        private readonly TimeSpan _startCpu = ProcessMetrics.CurrentCpuTime();
        private bool _done;

        internal Stage(RunLog log, string clone, string name, int attempt)
        {
            _log = log;
            _record = new RunStage { Clone = clone, Name = name, Attempt = attempt, Start = DateTimeOffset.UtcNow };
        }

        public double ElapsedMs => Stopwatch.GetElapsedTime(_startTicks).TotalMilliseconds;

        public void Complete(string? detail = null) => Finish("completed", detail);
        public void Fail(string detail) => Finish("failed", detail);
        public void Dispose() => Finish("stopped", null);

        private void Finish(string status, string? detail)
        {
            if (_done) return;
            _done = true;
            double seconds = Stopwatch.GetElapsedTime(_startTicks).TotalSeconds;
            double cpu = (ProcessMetrics.CurrentCpuTime() - _startCpu).TotalSeconds;
            using var process = Process.GetCurrentProcess();
            _record.Status = status;
            _record.Detail = detail;
            _record.End = DateTimeOffset.UtcNow;
            _record.DurationMs = seconds * 1000;
            _record.PeakMemoryMb = process.PeakWorkingSet64 / (1024.0 * 1024.0);
            _record.WorkingSetMb = process.WorkingSet64 / (1024.0 * 1024.0);
            _record.AverageCpuPercent = seconds > 0 ? cpu / seconds / Environment.ProcessorCount * 100 : 0;
            _log.AddStage(_record);
        }
    }
}
