namespace VoiceClone.Core.Telemetry;

/// <summary>
/// Decides where logs/ lives, first match wins: the VOICECLONE_LOG_DIR environment variable; the folder
/// set with Set-VoiceCloneConfiguration; the repository's logs/ when the module runs from a source
/// checkout; otherwise a per-user state folder, never inside an installed module.
/// </summary>
public static class LogDirectoryResolver
{
    public const string EnvironmentVariable = "VOICECLONE_LOG_DIR";
    private const string SourceCheckoutMarker = "VoiceClone.PowerShell.sln";
    // The built module sits at <repo>/out/VoiceClone/<version>/, four levels under the checkout at most.
    private const int MaxLevelsToCheckout = 6;

    public static (string Directory, string Reason) Resolve(string moduleRoot, string? configured)
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return (Path.GetFullPath(fromEnvironment), $"${EnvironmentVariable}");
        if (!string.IsNullOrWhiteSpace(configured)) return (Path.GetFullPath(configured), "Set-VoiceCloneConfiguration");
        string? checkout = FindSourceCheckout(moduleRoot);
        if (checkout is not null) return (Path.Combine(checkout, "logs"), "source checkout");
        return (PerUserStateDirectory(), "per-user state folder");
    }

    public static string? FindSourceCheckout(string moduleRoot)
    {
        var dir = new DirectoryInfo(moduleRoot);
        for (int level = 0; dir is not null && level <= MaxLevelsToCheckout; level++, dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SourceCheckoutMarker))) return dir.FullName;
        }
        return null;
    }

    public static string PerUserStateDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "VoiceClone", "logs");
        }
        string? xdgState = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        string stateRoot = !string.IsNullOrWhiteSpace(xdgState)
            ? xdgState
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return Path.Combine(stateRoot, "VoiceClone", "logs");
    }
}
