using VoiceClone.Core.IO;
using VoiceClone.Core.Runs;

namespace VoiceClone.Core.Runtime;

/// <summary>Which runs to read (every filter optional) and from which log folder (null: the module's).</summary>
public sealed record RunQuery
{
    public Func<string, bool>? Id { get; init; }
    public Func<string, bool>? Command { get; init; }
    public DateTimeOffset? Since { get; init; }
    public IReadOnlyCollection<string>? Statuses { get; init; }
    public bool AnomalousOnly { get; init; }
    /// <summary>The newest this many that pass the other filters.</summary>
    public int? Last { get; init; }
    public string? LogDirectory { get; init; }
}

/// <summary>
/// The run-history capability: every long command's run log (<see cref="Track"/>), read back as typed runs, compared
/// metric by metric, and drawn into one offline HTML report. Reading history happens here only; a command pays for its
/// own log and, when it ends, for the tail of runs/index.jsonl.
/// </summary>
public sealed class RunService
{
    public const string Source = RunTracker.Source;
    /// <summary>The statuses a run can have; "interrupted" is a run marked running whose process is gone.</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["running", "interrupted", "completed", "completed_with_errors", "stopped", "failed"];
    private readonly VoiceCloneRuntime _runtime;

    internal RunService(VoiceCloneRuntime runtime) => _runtime = runtime;

    /// <summary>The runs folder of <paramref name="logDirectory"/>, or of the module's log folder.</summary>
    public string RunsFolder(string? logDirectory) =>
        Path.Combine(logDirectory ?? _runtime.Logs.Directory ?? throw new VoiceCloneException(VoiceCloneErrors.ConfigurationInvalid,
            "The module has no log folder, so it keeps no run logs; pass -LogDirectory."), RunLog.Folder);

    /// <summary>The runs <paramref name="query"/> selects, oldest first; files that are not run logs go to <paramref name="unreadable"/>.</summary>
    public IReadOnlyList<VoiceCloneRun> Get(RunQuery query, Action<string, string>? unreadable = null) =>
        RunHistory.Read(RunsFolder(query.LogDirectory), new RunFilter
        {
            Id = query.Id, Command = query.Command, Since = query.Since, Statuses = query.Statuses, AnomalousOnly = query.AnomalousOnly,
            Last = query.Last,
        }, unreadable).Select(RunView.From).ToList();

    /// <summary>Whether a run log of run <paramref name="id"/> is in the runs folder (whatever it holds).</summary>
    public bool Exists(string id, string? logDirectory) => File.Exists(Path.Combine(RunsFolder(logDirectory), id + ".json"));

    /// <summary>Metric by metric, the difference runs (their median) against the reference runs (theirs).</summary>
    public IReadOnlyList<RunComparison> Compare(IReadOnlyList<VoiceCloneRun> reference, IReadOnlyList<VoiceCloneRun> difference)
    {
        if (reference.Count == 0 || difference.Count == 0)
            throw new VoiceCloneException(VoiceCloneErrors.ConfigurationInvalid, "Both sides of a comparison need at least one run.");
        return RunComparer.Compare(reference.Select(r => r.Metrics).ToList(), difference.Select(r => r.Metrics).ToList());
    }

    /// <summary>
    /// Writes the report of <paramref name="runs"/> to <paramref name="path"/> through a staged file: an existing file is
    /// replaced only with <paramref name="overwrite"/>, and a failure leaves nothing half written.
    /// </summary>
    public VoiceCloneReport WriteReport(string path, IReadOnlyList<VoiceCloneRun> runs, bool overwrite, string source)
    {
        path = Path.GetFullPath(path);
        if (!overwrite && File.Exists(path))
            throw new VoiceCloneException(VoiceCloneErrors.OutputExists, $"'{path}' already exists and was left untouched.", path);
        var records = new List<RunLogRecord>();
        foreach (VoiceCloneRun run in runs.DistinctBy(r => r.Path))
        {
            try
            {
                records.Add(RunLogReader.Read(run.Path));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                _runtime.Logs.Write(ModuleLogLevel.Warning, Source, $"Run {run.Id} is left out of the report: {e.Message}");
            }
        }
        RunReportPage page = RunReport.Build(records, DateTimeOffset.UtcNow, source);
        byte[] html = System.Text.Encoding.UTF8.GetBytes(page.Html);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var staged = new StagedFile(path);
            using (FileStream stream = staged.OpenWrite()) stream.Write(html);
            staged.Commit(overwrite);
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            throw new VoiceCloneException(VoiceCloneErrors.OutputExists, $"'{path}' appeared while the report was written and was left untouched.", path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.ReportWriteFailed, $"The report could not be written to '{path}': {e.Message}", path, e);
        }
        return new VoiceCloneReport
        {
            Path = path, Runs = records.Count, Anomalies = page.Anomalies, Images = page.Images, Bytes = html.Length,
            FirstRun = records.Count > 0 ? records.Min(r => r.Document.Started) : null, LastRun = records.Count > 0 ? records.Max(r => r.Document.Started) : null,
        };
    }

    /// <summary>A run log for a long command, kept in the module's log folder (wherever it is when each write happens).</summary>
    internal RunTracker Track(RunLog log, RunWritePolicy policy) => new(log, () => _runtime.Logs.Directory, policy);
}
