namespace VoiceClone.Core.Runs;

/// <summary>Which runs to read; every filter is optional. <see cref="Last"/> counts after the other filters.</summary>
public sealed record RunFilter
{
    public Func<string, bool>? Id { get; init; }
    public Func<string, bool>? Command { get; init; }
    public DateTimeOffset? Since { get; init; }
    public IReadOnlyCollection<string>? Statuses { get; init; }
    public bool AnomalousOnly { get; init; }
    public int? Last { get; init; }
}

/// <summary>
/// The run logs of one runs folder, as records, oldest first. Names are run ids, which sort by start time, so the folder
/// is read newest first and <see cref="RunFilter.Since"/> and <see cref="RunFilter.Last"/> stop the reading early; a file
/// that is not a run log is reported to <c>unreadable</c> and skipped.
/// </summary>
public static class RunHistory
{
    public static List<RunLogRecord> Read(string runsFolder, RunFilter filter, Action<string, string>? unreadable = null)
    {
        var found = new List<RunLogRecord>();
        if (!Directory.Exists(runsFolder)) return found;
        // Staged writes are hidden (.name.tmp); the index is .jsonl.
        IEnumerable<string> files = Directory.EnumerateFiles(runsFolder, "*.json")
            .Where(f => !Path.GetFileName(f).StartsWith('.')).OrderByDescending(Path.GetFileName, StringComparer.Ordinal);
        foreach (string file in files)
        {
            string name = Path.GetFileNameWithoutExtension(file);
            // An id's time is its start, to the millisecond; anything older than Since ends the newest-first walk.
            if (filter.Since is { } since && RunIds.StartOf(name) is { } start && start < since.AddSeconds(-1)) break;
            if (filter.Id is { } id && !id(name)) continue;
            RunLogRecord record;
            try
            {
                record = RunLogReader.Read(file);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                unreadable?.Invoke(file, e.Message);
                continue;
            }
            if (!Matches(record, filter)) continue;
            found.Add(record);
            if (filter.Last is { } last && found.Count >= last) break;
        }
        found.Reverse();
        return found.OrderBy(r => r.Document.Started).ToList();
    }

    private static bool Matches(RunLogRecord record, RunFilter filter)
    {
        RunLogDocument run = record.Document;
        return (filter.Id is null || filter.Id(run.RunId))
            && (filter.Command is null || filter.Command(run.Command))
            && (filter.Since is null || run.Started >= filter.Since)
            && (filter.Statuses is null || filter.Statuses.Contains(record.Status, StringComparer.OrdinalIgnoreCase))
            && (!filter.AnomalousOnly || run.Anomalies.Count > 0);
    }
}
