using VoiceClone.Core.Cloning;
using VoiceClone.Core.Engines;
using VoiceClone.Core.Engines.Qwen3;
using VoiceClone.Core.Runs;

namespace VoiceClone.Core.Runtime;

/// <summary>
/// One cloning call: its engine, its clones (thread-safe, in parallel) and its run log, written when the first clone
/// starts, checkpointed as clones finish, and finished once when the call ends however it ends (<see cref="Finish"/>, or
/// <see cref="Dispose"/> as "failed") — provided it cloned anything.
/// </summary>
public sealed partial class CloneRun : IDisposable
{
    private readonly CloneWorkflow _workflow;
    private readonly Qwen3Engine? _qwen3;
    private readonly RunTracker _tracker;
    private readonly RuntimeLogs _logs;

    internal CloneRun(CloneWorkflow workflow, Qwen3Engine? qwen3, string? deviceFallback, RunTracker tracker, RuntimeLogs logs)
    {
        _logs = logs;
        _workflow = workflow;
        _qwen3 = qwen3;
        DeviceFallback = deviceFallback;
        _tracker = tracker;
    }

    public string RunId => _tracker.RunId;
    /// <summary>Why CUDA was wanted but the CPU is used; null when nothing fell back.</summary>
    public string? DeviceFallback { get; }
    /// <summary>Where the run log was written, once it was.</summary>
    public string? RunLogPath => _tracker.LogPath;

    /// <summary>A saved voice profile, loaded and checked against this call's engine (profiles hold a Qwen3 voice).</summary>
    public CloneVoice LoadProfile(string path)
    {
        Qwen3Engine engine = _qwen3 ?? throw new VoiceCloneException(VoiceCloneErrors.VoiceProfileInvalid,
            $"'{path}' holds a Qwen3 voice; clone it with the Qwen3 engine.", path);
        return new CloneVoice(engine.LoadProfile(path));
    }

    public VoiceCloneResult Clone(string referencePath, string text, CancellationToken cancellation) =>
        Tracked(() => _workflow.Clone(referencePath, text, cancellation));

    public VoiceCloneResult Clone(CloneVoice voice, string text, CancellationToken cancellation) =>
        Tracked(() => _workflow.Clone(voice.Reference, text, cancellation));

    /// <summary>The run log goes to disk when the first clone starts and again as clones finish, so a killed run leaves it.</summary>
    private VoiceCloneResult Tracked(Func<VoiceCloneResult> clone)
    {
        _tracker.ItemStarted();
        try
        {
            return clone();
        }
        finally
        {
            _tracker.Checkpoint();
        }
    }

    /// <summary>Writes the run log with <paramref name="status"/> (completed, completed_with_errors, stopped, failed) the first time only.</summary>
    public void Finish(string status) => _tracker.Finish(status);

    public void Dispose() => Finish("failed");
}

/// <summary>A voice restored from a profile, ready to clone from.</summary>
public sealed class CloneVoice
{
    internal CloneVoice(PreparedReference reference) => Reference = reference;

    internal PreparedReference Reference { get; }
    /// <summary>The profile file.</summary>
    public string Path => Reference.EngineVoiceSource ?? Reference.Path;
}
