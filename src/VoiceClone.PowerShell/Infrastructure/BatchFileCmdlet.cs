using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell;

/// <summary>
/// A file cmdlet whose inputs can be split between tasks on many machines: -ShardIndex i -ShardCount n takes the files whose
/// key (path relative to -ShardRoot) hashes to shard i, the same on every machine, so n tasks together take every input once.
/// </summary>
public abstract class BatchFileCmdlet : FileInputCmdlet
{
    private BatchShard? _shard;
    private bool _warnedOutsideRoot;

    /// <summary>This task's shard, 0 to ShardCount - 1 (e.g. $env:SLURM_ARRAY_TASK_ID or $env:JOB_COMPLETION_INDEX).</summary>
    [Parameter]
    public int? ShardIndex { get; set; }

    /// <summary>How many shards the batch is split into.</summary>
    [Parameter]
    public int? ShardCount { get; set; }

    /// <summary>The folder input keys are relative to (the batch's top folder, the same on every machine); default: the current location.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ShardRoot { get; set; }

    /// <summary>This call's shard, checked on first use (call it in Begin so a bad shard stops the call before any work).</summary>
    protected BatchShard Shard => _shard ??= Runtime.Batches.Shard(ShardIndex, ShardCount,
        ShardRoot is null ? SessionState.Path.CurrentFileSystemLocation.ProviderPath : SessionState.Path.GetUnresolvedProviderPathFromPSPath(ShardRoot));

    /// <summary>Whether inputs' keys decide anything (a shard, or resuming from results): then a key outside the root is worth a warning.</summary>
    protected virtual bool KeysMatter => Shard.Count > 1;

    /// <summary>The key of a file input, warning once when it lies outside the root, where the key depends on the machine's layout.</summary>
    protected string KeyOf(string file)
    {
        string key = Shard.KeyOf(file);
        if (!_warnedOutsideRoot && KeysMatter && BatchShard.IsOutsideRoot(key))
        {
            _warnedOutsideRoot = true;
            WriteWarning($"'{file}' is outside the shard root '{Shard.Root}', so its key ({key}) depends on where that root is. " +
                "Pass -ShardRoot as the batch's top folder, the same path on every machine.");
        }
        return key;
    }

    /// <summary>A bad shard stops the call before any work; cmdlets that override this call it first.</summary>
    protected override void Begin() => _ = Shard;

    protected override bool Takes(string file) => Shard.Count == 1 || Shard.Takes(KeyOf(file));
}
