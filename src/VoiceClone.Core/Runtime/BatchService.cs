using VoiceClone.Core.Batches;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Runtime;

/// <summary>What a batch writes to -ResultPath and reads back.</summary>
public enum BatchResultKind
{
    /// <summary>VoiceFeatures (Get-VoiceFeature).</summary>
    Features,
    /// <summary>EmotionResult (Get-VoiceEmotion).</summary>
    Emotion,
}

/// <summary>
/// Batches beyond one machine: a task's shard of the inputs (<see cref="Shard"/>), manifests of the inputs, results that a
/// re-run resumes from, and reading every task's results back as the cmdlets' own objects. There is no scheduler here: Slurm,
/// Kubernetes or PowerShell remoting start the tasks, each with its shard number.
/// </summary>
public sealed class BatchService
{
    public const string Source = "batch";

    internal BatchService() { }

    /// <summary>
    /// Shard <paramref name="index"/> of <paramref name="count"/> (both null: the whole batch), checked; the keys of file
    /// inputs are their paths relative to <paramref name="root"/>.
    /// </summary>
    public BatchShard Shard(int? index, int? count, string root) => new(ShardAssignment.Create(index, count), Path.GetFullPath(root));

    /// <summary>This shard's rows of an analysis manifest (path, optional text), the whole manifest checked first.</summary>
    public IReadOnlyList<BatchItem> ReadAnalysisManifest(string manifestPath, BatchShard shard) =>
        Items(manifestPath, BatchManifest.ReadAnalysis(manifestPath, shard.Assignment), shard);

    /// <summary>This shard's rows of a clone manifest (reference, text, id), the whole manifest checked first.</summary>
    public IReadOnlyList<BatchItem> ReadCloneManifest(string manifestPath, BatchShard shard) =>
        Items(manifestPath, BatchManifest.ReadClones(manifestPath, shard.Assignment), shard);

    private static List<BatchItem> Items(string manifestPath, IReadOnlyList<ManifestRow> rows, BatchShard shard)
    {
        ModuleLog.Write(ModuleLogLevel.Information, Source, $"Manifest {manifestPath}: {rows.Count} row(s) in shard {shard}");
        return rows.Select(r => new BatchItem(r.Path, r.Key, r.Text, r.Id, r.Line)).ToList();
    }

    /// <summary>
    /// The result folder of this task: what earlier runs finished (so they are skipped) and a file of its own for what it
    /// finishes. <paramref name="byManifestRow"/> says the shard was cut by manifest rows rather than hashed paths.
    /// </summary>
    public BatchResults OpenResults(string folder, BatchResultKind kind, bool byManifestRow, BatchShard shard)
    {
        var journal = ResultJournal.Open(folder, KindName(kind), byManifestRow, shard.Assignment);
        if (journal.EarlierCount > 0)
        {
            ModuleLog.Write(ModuleLogLevel.Information, Source, $"{journal.Folder}: {journal.EarlierCount} input(s) finished by earlier runs");
        }
        return new BatchResults(journal);
    }

    /// <summary>A reader of result files that yields each input once, however many tasks wrote it.</summary>
    public ResultImport Import(BatchResultKind? kind) => new(kind is null ? null : KindName(kind.Value));

    internal static string KindName(BatchResultKind kind) => kind == BatchResultKind.Features ? ResultFormat.Features : ResultFormat.Emotion;
}

/// <summary>One task's share of a batch: shard <see cref="Index"/> of <see cref="Count"/>.</summary>
public sealed class BatchShard
{
    internal BatchShard(ShardAssignment assignment, string root) => (Assignment, Root) = (assignment, root);

    internal ShardAssignment Assignment { get; }
    public int Index => Assignment.Index;
    public int Count => Assignment.Count;
    /// <summary>The folder that keys of file inputs are relative to.</summary>
    public string Root { get; }

    /// <summary>A file's key: its path relative to <see cref="Root"/>, '/'-separated.</summary>
    public string KeyOf(string path) => ShardAssignment.KeyOf(path, Root);

    /// <summary>Whether the input with <paramref name="key"/> is this shard's (hashed).</summary>
    public bool Takes(string key) => Assignment.TakesKey(key);

    /// <summary>A key that leaves the root depends on where the root is, which every machine must then agree on.</summary>
    public static bool IsOutsideRoot(string key) => ShardAssignment.IsOutsideRoot(key);

    public override string ToString() => $"{Index} of {Count}";
}

/// <summary>A manifest row of this shard: the file (a reference, for cloning), its key, text, clone id, and its line.</summary>
public sealed record BatchItem(string Path, string Key, string? Text, string? Id, int Line);

/// <summary>A task's results under -ResultPath: what is already done, and appending what it finishes.</summary>
public sealed class BatchResults : IDisposable
{
    private readonly ResultJournal _journal;

    internal BatchResults(ResultJournal journal) => _journal = journal;

    public string Folder => _journal.Folder;
    /// <summary>This task's own file, once it holds a result.</summary>
    public string? FilePath => _journal.FilePath;
    public bool IsDone(string key) => _journal.IsDone(key);

    /// <summary>Appends one finished input's result and flushes it to disk.</summary>
    public void Append(string key, object result) => _journal.Append(key, result);

    public void Dispose() => _journal.Dispose();
}

/// <summary>Reads result files back as VoiceFeatures and EmotionResult objects, each input once (the first line read wins).</summary>
public sealed class ResultImport
{
    private readonly string? _kind;
    private readonly HashSet<(string Kind, string Key)> _seen = [];

    internal ResultImport(string? kind) => _kind = kind;

    /// <summary>Lines seen again (an input two tasks both finished) and passed over.</summary>
    public int Duplicates { get; private set; }

    public IEnumerable<object> Read(string file)
    {
        foreach (ResultLine line in ResultReader.Read(file))
        {
            if (_kind is not null && line.Kind != _kind) continue;
            if (!_seen.Add((line.Kind, line.Key)))
            {
                Duplicates++;
                continue;
            }
            yield return ResultFormat.Deserialize(line);
        }
    }
}
