namespace VoiceClone;

/// <summary>Where a failure comes from, as run logs and reports group errors (each with its own kind of fix).</summary>
public enum VoiceCloneErrorCategory
{
    /// <summary>What the user passed: a path, a file's content, text, an option.</summary>
    Input,
    /// <summary>Reading or writing files.</summary>
    Io,
    /// <summary>A model's files: missing, damaged, or not fitting this module.</summary>
    Model,
    /// <summary>An external program or library the module calls.</summary>
    Dependency,
    /// <summary>Something took longer than it is allowed to.</summary>
    Timeout,
    /// <summary>Memory, size or other limits.</summary>
    Resource,
    /// <summary>None of the above, or not known.</summary>
    Unknown,
}
