using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace VoiceClone.Core.Batches;

/// <summary>
/// One task's share of a batch, shard <see cref="Index"/> of <see cref="Count"/>, decided by the input alone so that every
/// machine, in any order and whatever its file system lists first, agrees on who does what. A file belongs to shard
/// SHA-256(key) mod Count, the key being its path relative to an agreed root (<see cref="KeyOf"/>); a manifest row belongs
/// to shard (row number mod Count), which spreads a manifest evenly. string.GetHashCode would not do: it is randomised
/// per process.
/// </summary>
public sealed record ShardAssignment
{
    private ShardAssignment(int index, int count) => (Index, Count) = (index, count);

    /// <summary>The whole batch in one task.</summary>
    public static ShardAssignment Whole { get; } = new(0, 1);

    public int Index { get; }
    public int Count { get; }

    /// <summary>
    /// The shard a task was given, checked: both numbers or neither, at least one shard, and 0 &lt;= index &lt; count (array
    /// indexes of Slurm and of Kubernetes indexed Jobs come straight from the environment, where an unset variable is empty).
    /// </summary>
    public static ShardAssignment Create(int? index, int? count)
    {
        if (index is null && count is null) return Whole;
        if (count is null) throw Invalid($"-ShardIndex {index} needs -ShardCount, the number of shards the batch is split into.");
        if (count < 1) throw Invalid($"-ShardCount {count} must be at least 1.");
        if (index is null)
        {
            throw Invalid($"-ShardCount {count} needs -ShardIndex, this task's shard (0 to {count - 1}); it was empty. " +
                "$env:SLURM_ARRAY_TASK_ID and $env:JOB_COMPLETION_INDEX are set only inside an array task or an indexed Job.");
        }
        if (index < 0 || index >= count)
        {
            throw Invalid($"-ShardIndex {index} is outside 0..{count - 1}: shards are numbered from 0. " +
                $"Submit a Slurm array as --array=0-{count - 1}; a Kubernetes indexed Job with completions: {count} counts from 0.");
        }
        return new ShardAssignment(index.Value, count.Value);
    }

    /// <summary>How files of this shard are named: s0003-of-0008.</summary>
    public string Label => $"s{Index:D4}-of-{Count:D4}";

    public bool TakesKey(string key) => Count == 1 || Of(key, Count) == Index;

    /// <summary>Row numbers count a manifest's data rows from 0, header excluded.</summary>
    public bool TakesRow(long row) => row % Count == Index;

    /// <summary>The shard of <paramref name="key"/>: the first 8 bytes of SHA-256 over its UTF-8, big-endian, modulo the count.</summary>
    public static int Of(string key, int count)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    /// <summary>
    /// An input's key: its full path relative to <paramref name="root"/>, with '/' between folders and Unicode in
    /// composed form (macOS file systems hand out decomposed names), so Windows, Linux and macOS agree.
    /// </summary>
    public static string KeyOf(string path, string root)
    {
        string relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(path));
        return relative.Replace('\\', '/').Normalize(NormalizationForm.FormC);
    }

    /// <summary>A key that leaves the root (../x or another drive) depends on where the root is: worth a warning.</summary>
    public static bool IsOutsideRoot(string key) => key == ".." || key.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(key);

    private static VoiceCloneException Invalid(string message) => new(VoiceCloneErrors.BatchShardInvalid, message);
}
