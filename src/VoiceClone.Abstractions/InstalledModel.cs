namespace VoiceClone;

/// <summary>A model Install-VoiceCloneModel put in place.</summary>
public sealed class InstalledModel
{
    public string Name { get; init; } = "";
    public string Precision { get; init; } = "";
    /// <summary>The model folder: pass it (or the name) to New-VoiceClone -ModelPath.</summary>
    public string Path { get; init; } = "";
    public int Files { get; init; }
    public long Bytes { get; init; }
    /// <summary>Files whose sha256 matched the source's; the others had no checksum to check against (logged as warnings).</summary>
    public int VerifiedFiles { get; init; }
    /// <summary>Files whose download continued from an earlier, interrupted one.</summary>
    public int ResumedFiles { get; init; }
}
