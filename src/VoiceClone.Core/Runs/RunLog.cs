using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceClone.Core.IO;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Runs;

/// <summary>
/// The structured record of one long command in logs/runs/&lt;run-id&gt;.json (<see cref="RunLogDocument"/>): every stage
/// with its timing, memory and CPU; every error with its category, whether it was recovered automatically, a suggested
/// fix and how often it occurred; every retry and validation; the clones or items and what was measured on them; and the
/// compute cost. <see cref="RunTracker"/> decides when it is written; a write is atomic and a checkpoint never lands over
/// the final record. Thread-safe: items run in parallel.
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
            RunId = RunIds.New(), Command = command, Parameters = new(parameters), Started = DateTimeOffset.UtcNow,
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
    private double _peakWorkingSetMb;
    private long _lastSampleTicks;
    // Reading the resident size parses /proc on Linux (tens of microseconds): a batch of quick files samples it this often.
    private static readonly TimeSpan MemorySampleInterval = TimeSpan.FromMilliseconds(250);

    public string RunId => _document.RunId;
    public string Command => _document.Command;
    public DateTimeOffset Started => _document.Started;
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_startTicks);

    /// <summary>What does the work and where; runs are compared with earlier runs of the same command, engine and device.</summary>
    public void Describe(string? engine, string? device, string? model = null)
    {
        lock (_gate)
        {
            _document.Engine = engine;
            _document.Device = device;
            _document.Model = model;
        }
    }

    public Stage BeginStage(string item, string name, int attempt = 1) => new(this, item, name, attempt);

    public void Error(string item, VoiceCloneErrorCategory errorCategory, string errorId, string message, bool autoRecoverable, string suggestedFix)
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
                    Occurrences = 1, Items = [item],
                });
            }
            else
            {
                same.Occurrences++;
                if (!same.Items.Contains(item)) same.Items.Add(item);
            }
        }
    }

    /// <summary>A module error met on <paramref name="item"/>, with the category and remedy of its row in the error table.</summary>
    public void Error(string item, VoiceCloneException e) =>
        Error(item, e.Error.Category, e.ErrorId, e.Message, autoRecoverable: false, e.Error.Remedy);

    public void Retry(string item, int attempt, string method, string reason, double durationMs, string outcome)
    {
        lock (_gate) _document.Retries.Add(new RunRetry { Item = item, Attempt = attempt, Method = method, Reason = reason, DurationMs = durationMs, Outcome = outcome });
    }

    public void Validation(RunValidation validation)
    {
        lock (_gate) _document.Validations.Add(validation);
    }

    /// <summary>A clone as it ended; engine work counters (frames, tokens, pitch marks) add up in the compute section.</summary>
    public void Clone(RunClone clone, IReadOnlyDictionary<string, double>? counters)
    {
        SampleMemory();
        lock (_gate)
        {
            _document.Clones.Add(clone);
            _document.Compute.AudioSeconds += clone.AudioSeconds;
            foreach (var (name, value) in counters ?? new Dictionary<string, double>())
            {
                if (name is "frames" or "tokens" or "pitch_marks") _document.Compute.Work[name] = _document.Compute.Work.GetValueOrDefault(name) + value;
            }
        }
    }

    /// <summary>A file analysed or downloaded, as it ended.</summary>
    public void Item(RunItem item)
    {
        SampleMemory();
        lock (_gate)
        {
            _document.Items.Add(item);
            _document.Compute.AudioSeconds += item.AudioSeconds;
        }
    }

    public void Training(RunTraining training)
    {
        lock (_gate) _document.Training = training;
    }

    internal void Anomalies(IEnumerable<RunAnomalyRecord> anomalies)
    {
        lock (_gate) _document.Anomalies.AddRange(anomalies);
    }

    /// <summary>Reads the record as it stands (under the log's lock: keep <paramref name="read"/> short and do not keep the document).</summary>
    public T Read<T>(Func<RunLogDocument, T> read)
    {
        lock (_gate)
        {
            if (_document.Status == "running") Refresh("running");
            return read(_document);
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
                Refresh(status);
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
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    internal static double? Finite(double value) => double.IsFinite(value) ? value : null;

    // Caller holds _gate.
    private void Refresh(string status)
    {
        _document.Status = status;
        _document.Ended = status == "running" ? null : DateTimeOffset.UtcNow;
        double wall = Stopwatch.GetElapsedTime(_startTicks).TotalSeconds;
        _document.Compute.WallSeconds = wall;
        _document.Compute.CpuSeconds = (ProcessMetrics.CurrentCpuTime() - _startCpu).TotalSeconds;
        _document.Compute.RealTimeFactor = _document.Compute.AudioSeconds > 0 ? wall / _document.Compute.AudioSeconds : null;
        SampleMemory(always: true);
        _document.Compute.PeakMemoryMb = Volatile.Read(ref _peakWorkingSetMb);
    }

    /// <summary>
    /// Memory during the run is sampled (the process's high-water mark would carry an earlier call's peak in a long-lived
    /// session): at each stage (which reads it anyway), each write, and clones and items at most every 250 ms.
    /// </summary>
    private void SampleMemory(double? workingSetMb = null, bool always = false)
    {
        if (workingSetMb is null && !always)
        {
            long last = Interlocked.Read(ref _lastSampleTicks);
            if (last != 0 && Stopwatch.GetElapsedTime(last) < MemorySampleInterval) return;
            Interlocked.Exchange(ref _lastSampleTicks, Stopwatch.GetTimestamp());
        }
        double now = workingSetMb ?? Environment.WorkingSet / (1024.0 * 1024.0);
        double seen = Volatile.Read(ref _peakWorkingSetMb);
        while (now > seen)
        {
            double previous = Interlocked.CompareExchange(ref _peakWorkingSetMb, now, seen);
            if (previous == seen) break;
            seen = previous;
        }
    }

    private void AddStage(RunStage stage)
    {
        SampleMemory(stage.WorkingSetMb);
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

        internal Stage(RunLog log, string item, string name, int attempt)
        {
            _log = log;
            _record = new RunStage { Item = item, Name = name, Attempt = attempt, Start = DateTimeOffset.UtcNow };
        }

        public double ElapsedMs => Stopwatch.GetElapsedTime(_startTicks).TotalMilliseconds;

        /// <param name="audioSeconds">Seconds of audio the stage produced or read, when its time scales with them.</param>
        public void Complete(string? detail = null, double? audioSeconds = null) => Finish("completed", detail, audioSeconds);
        public void Fail(string detail) => Finish("failed", detail, null);
        public void Dispose() => Finish("stopped", null, null);

        private void Finish(string status, string? detail, double? audioSeconds)
        {
            if (_done) return;
            _done = true;
            _record.AudioSeconds = audioSeconds is > 0 ? audioSeconds : null;
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
