using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Runtime;

/// <summary>
/// The runtime's view of the module's one logger: where the files are and why, moving them, writing a line, and
/// capturing the events a caller's own work raises so that it can show them (PowerShell's streams).
/// </summary>
public sealed class RuntimeLogs
{
    private readonly string _moduleRoot;
    private readonly object _gate = new();

    internal RuntimeLogs(string moduleRoot, string? configuredDirectory)
    {
        _moduleRoot = moduleRoot;
        ConfiguredDirectory = configuredDirectory;
        ModuleLog.Configure(moduleRoot, configuredDirectory);
    }

    /// <summary>The folder chosen for this session, if any (the environment variable still wins).</summary>
    public string? ConfiguredDirectory { get; private set; }
    public string? Directory => ModuleLog.Directory;
    public string? DirectoryReason => ModuleLog.DirectoryReason;
    public string? FilePath => ModuleLog.FilePath;
    /// <summary>The environment variable that overrides any configured folder.</summary>
    public static string EnvironmentVariable => LogDirectoryResolver.EnvironmentVariable;

    /// <summary>Re-points the log files; null returns to the default location. A folder that cannot be used changes nothing.</summary>
    public void SetDirectory(string? directory)
    {
        lock (_gate)
        {
            ModuleLog.Configure(_moduleRoot, directory);
            ConfiguredDirectory = directory;
        }
    }

    public void Write(ModuleLogLevel level, string source, string message, Exception? exception = null) =>
        ModuleLog.Write(level, source, message, exception);

    /// <summary>A queue for the log events raised by the caller's own work (and tasks it starts) while it is active.</summary>
    public LogCapture Capture() => new();

    internal void Shutdown() => ModuleLog.Shutdown();
}

/// <summary>Collects the log events of the work done while <see cref="Activate"/> is in force; drained on the caller's thread.</summary>
public sealed class LogCapture
{
    private readonly LogForwarding _forwarding = new();

    public IDisposable Activate() => _forwarding.Activate();

    public IEnumerable<ModuleLogEvent> Drain() => _forwarding.Drain();
}
