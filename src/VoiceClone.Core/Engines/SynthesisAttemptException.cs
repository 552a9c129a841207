namespace VoiceClone.Core.Engines;

/// <summary>One failed synthesis attempt that the caller may retry, and where the failure came from.</summary>
public sealed class SynthesisAttemptException(VoiceCloneErrorCategory category, string message) : Exception(message)
{
    public VoiceCloneErrorCategory Category { get; } = category;
}
