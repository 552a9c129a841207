using System.Text;
using System.Text.Json;
using VoiceClone.Core.IO;

namespace VoiceClone.Core.Runs;

/// <summary>One finished run's summary as the baseline needs it: what ran where, how it ended, its metrics.</summary>
public sealed class RunIndexEntry
{
    public string RunId { get; set; } = "";
    public string Command { get; set; } = "";
    public string? Engine { get; set; }
    public string? Device { get; set; }
    public string? Host { get; set; }
    public string Status { get; set; } = "";
    public DateTimeOffset Started { get; set; }
    public Dictionary<string, double> Metrics { get; set; } = [];

    /// <summary>Runs are compared within one command, engine, device and machine.</summary>
    public bool IsComparableWith(RunIndexEntry other) =>
        Command == other.Command && Engine == other.Engine && Device == other.Device && Host == other.Host;

    /// <summary>Only runs that ended normally make a baseline (a stopped or failed run's numbers are partial).</summary>
    public bool EndedNormally => Status is "completed" or "completed_with_errors";

    public static RunIndexEntry From(RunLogDocument run, Dictionary<string, double> metrics) => new()
    {
        RunId = run.RunId, Command = run.Command, Engine = run.Engine, Device = run.Device, Host = run.Machine.GetValueOrDefault("host"),
        Status = run.Status, Started = run.Started, Metrics = metrics,
    };
}

/// <summary>
/// runs/index.jsonl: one line per finished run (<see cref="RunIndexEntry"/>), appended when it ends, so that judging a new
/// run reads the tail of one small file instead of every earlier run log. Lines are appended under the runs folder's lock;
/// a line that cannot be read is skipped. Past <see cref="MaxBytes"/> the file is cut to its newest half.
/// </summary>
public static class RunIndex
{
    public const string FileName = "index.jsonl";
    public const long MaxBytes = 4L * 1024 * 1024;
    /// <summary>How much of the file's end is read for a baseline: room for several hundred runs.</summary>
    public const int TailBytes = 1024 * 1024;
    private static readonly JsonSerializerOptions Json = new(RunLog.Json) { WriteIndented = false };

    public static void Append(string runsFolder, RunIndexEntry entry)
    {
        Directory.CreateDirectory(runsFolder);
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n");
        string path = Path.Combine(runsFolder, FileName);
        using FolderLock _ = FolderLock.Acquire(runsFolder, CancellationToken.None);
        using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) stream.Write(line);
        if (new FileInfo(path).Length > MaxBytes) Trim(path);
    }

    /// <summary>The entries in the last <see cref="TailBytes"/> of the index, oldest first; none when there is no index.</summary>
    public static List<RunIndexEntry> ReadTail(string runsFolder)
    {
        string path = Path.Combine(runsFolder, FileName);
        byte[] tail;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            long start = Math.Max(0, stream.Length - TailBytes);
            stream.Position = start;
            tail = new byte[stream.Length - start];
            stream.ReadExactly(tail);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or EndOfStreamException)
        {
            return [];
        }
        return Parse(Encoding.UTF8.GetString(tail));
    }

    /// <summary>The newest <see cref="AnomalyDetector.BaselineWindow"/> comparable runs that ended normally before <paramref name="run"/>.</summary>
    public static List<RunIndexEntry> Baseline(IEnumerable<RunIndexEntry> entries, RunIndexEntry run) =>
        entries.Where(e => e.RunId != run.RunId && e.EndedNormally && e.Started < run.Started && e.IsComparableWith(run))
            .OrderByDescending(e => e.Started).Take(AnomalyDetector.BaselineWindow).ToList();

    private static List<RunIndexEntry> Parse(string text)
    {
        var entries = new List<RunIndexEntry>();
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                if (JsonSerializer.Deserialize<RunIndexEntry>(line, Json) is { RunId.Length: > 0 } entry) entries.Add(entry);
            }
            catch (JsonException)
            {
                // The first line of a tail is usually cut, and a torn line is only a lost baseline point.
            }
        }
        return entries;
    }

    private static void Trim(string path)
    {
        string[] lines = File.ReadAllLines(path);
        using var staged = new StagedFile(path);
        using (var writer = new StreamWriter(staged.OpenWrite(), new UTF8Encoding(false)))
        {
            foreach (string line in lines[(lines.Length / 2)..]) writer.Write(line + "\n");
        }
        staged.Commit(overwrite: true);
    }
}
