using System.Collections.Concurrent;
using VoiceClone.Core.Cloning;
using VoiceClone.Core.IO;

namespace VoiceClone.Core.Runtime;

/// <summary>Manifest clones, each with its own id, done once however often the batch is run.</summary>
public sealed partial class CloneRun
{
    private readonly ConcurrentDictionary<string, string> _referenceHashes = new(StringComparer.Ordinal);

    /// <summary>
    /// Clones <paramref name="text"/> as cloned_&lt;<paramref name="id"/>&gt; unless that pair is already whole and of this
    /// reference and text (a re-run after a crash skips it: returns null). A broken pair (a kill between the pair's two renames,
    /// a damaged file) is made again; a whole pair of other text or another reference is OutputExists unless
    /// <paramref name="force"/>. A duplicate task that commits the same id first wins, and this one returns null.
    /// </summary>
    public VoiceCloneResult? CloneOnce(string referencePath, string text, string id, bool force, CancellationToken cancellation)
    {
        CloneOptions options = _workflow.Options with { Id = id };
        ClonePairState state = ClonePairCheck.Inspect(options.OutputDirectory, id, out CloneFingerprint? existing);
        if (state == ClonePairState.Whole && !force)
        {
            if (IsOf(existing!, referencePath, text)) return Skipped(id, "is whole");
            throw new VoiceCloneException(VoiceCloneErrors.OutputExists,
                $"cloned_{id} already holds a clone of other text or another reference ('{existing!.Text}' from '{existing.ReferenceAudioPath}') " +
                "and was left untouched. Give this row an id of its own, or add -Force to replace the pair.", existing.AudioPath);
        }
        CloneWorkflow workflow = _workflow.With(options with { Overwrite = force || state == ClonePairState.Broken });
        try
        {
            return Tracked(() => workflow.Clone(referencePath, text, cancellation));
        }
        catch (VoiceCloneException e) when (e.Error == VoiceCloneErrors.OutputExists && state == ClonePairState.Missing && !force)
        {
            if (ClonePairCheck.Inspect(options.OutputDirectory, id, out existing) == ClonePairState.Whole && IsOf(existing!, referencePath, text))
            {
                return Skipped(id, "was made meanwhile by another task");
            }
            throw;
        }
    }

    /// <summary>The same job: the same text, and the same reference recording where the fingerprint and the disk still say.</summary>
    private bool IsOf(CloneFingerprint fingerprint, string referencePath, string text)
    {
        if (!string.Equals(fingerprint.Text, text, StringComparison.Ordinal)) return false;
        string reference = Path.GetFullPath(referencePath);
        if (fingerprint.ReferenceAudioSha256 is not { } recorded || !File.Exists(reference)) return true;
        return _referenceHashes.GetOrAdd(reference, FileHash.Sha256) == recorded;
    }

    private VoiceCloneResult? Skipped(string id, string why)
    {
        _logs.Write(ModuleLogLevel.Information, CloneService.Source, $"cloned_{id} {why}: skipped");
        return null;
    }
}
