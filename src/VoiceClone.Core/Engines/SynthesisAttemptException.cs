namespace VoiceClone.Core.Engines;

/// <summary>One failed synthesis attempt that the caller may retry; <see cref="Category"/> is a run-log error category.</summary>
public sealed class SynthesisAttemptException(string category, string message) : Exception(message)
{
    public string Category { get; } = category;
}
