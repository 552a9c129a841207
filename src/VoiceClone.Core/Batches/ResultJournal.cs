namespace VoiceClone.Core.Batches;

/// <summary>
/// A task's results as it works (<see cref="ResultFormat"/>), and what earlier runs already finished. Each result is
/// appended as one whole line in one write and flushed to disk before the next input is reported done, so a task killed
/// at any moment loses at most the inputs in flight; a line cut by the kill is passed over by every reader. The file is
/// this task's alone (named for its shard, host and process) and created at the first result, so no two writers ever
/// share a file and a task with nothing to do leaves none.
/// </summary>
public sealed class ResultJournal : IDisposable
{
    private readonly string _kind;
    private readonly string _scheme;
    private readonly ShardAssignment _shard;
    private readonly HashSet<string> _done;
    private FileStream? _file;

    private ResultJournal(string folder, string kind, string scheme, ShardAssignment shard, HashSet<string> done)
    {
        Folder = folder;
        (_kind, _scheme, _shard, _done) = (kind, scheme, shard, done);
        EarlierCount = done.Count;
    }

    public string Folder { get; }
    /// <summary>This task's file, once the first result is in it.</summary>
    public string? FilePath { get; private set; }
    /// <summary>How many inputs earlier runs finished, as far as this shard can tell.</summary>
    public int EarlierCount { get; }

    /// <summary>
    /// Opens <paramref name="folder"/> (created when missing) for results of <paramref name="kind"/>. Earlier results are read
    /// from this shard's own files and from files of other splits (another count or scheme, whose shards cut across this
    /// one); files of sibling shards of the same split are skipped unread, since none of their inputs is this shard's.
    /// </summary>
    public static ResultJournal Open(string folder, string kind, bool byManifestRow, ShardAssignment shard)
    {
        string full = Path.GetFullPath(folder);
        string scheme = ResultFormat.Scheme(byManifestRow);
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.BatchResultWriteFailed, $"The result folder '{full}' cannot be created: {e.Message}", full, e);
        }
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(full, "*" + ResultFormat.Extension))
        {
            if (ResultFormat.TryParseName(Path.GetFileName(file), out string k, out string s, out int index, out int count) &&
                (k != kind || (s == scheme && count == shard.Count && index != shard.Index))) continue;
            foreach (ResultLine line in ResultReader.Read(file))
            {
                if (line.Kind == kind) done.Add(line.Key);
            }
        }
        return new ResultJournal(full, kind, scheme, shard, done);
    }

    public bool IsDone(string key) => _done.Contains(key);

    /// <summary>Appends one result and flushes it to disk.</summary>
    public void Append(string key, object result)
    {
        byte[] line = ResultFormat.Line(_kind, key, result);
        try
        {
            if (_file is null)
            {
                FilePath = Path.Combine(Folder, ResultFormat.FileName(_kind, _scheme, _shard));
                _file = new FileStream(FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 1);
            }
            _file.Write(line);
            _file.Flush(flushToDisk: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.BatchResultWriteFailed, $"Cannot write results to '{FilePath}': {e.Message}", FilePath, e);
        }
        _done.Add(key);
    }

    public void Dispose() => _file?.Dispose();
}
