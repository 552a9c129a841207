namespace VoiceClone;

/// <summary>The module's effective settings, as Get-VoiceCloneConfiguration reports them.</summary>
public sealed class VoiceCloneConfiguration
{
    public string Version { get; init; } = "";
    public string ModuleRoot { get; init; } = "";
    public string? LogDirectory { get; init; }
    /// <summary>
    /// Why that folder: the environment variable, Set-VoiceCloneConfiguration, a source checkout, or the per-user default.
    /// </summary>
    public string? LogDirectorySource { get; init; }
    public string? LogFile { get; init; }
}
