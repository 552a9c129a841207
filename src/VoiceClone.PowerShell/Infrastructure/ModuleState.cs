using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell;

/// <summary>
/// The process-wide module state every runspace that imports the module shares: the one <see cref="VoiceCloneRuntime"/>.
/// Imports are counted so that the last Remove-Module, not the first, disposes it.
/// </summary>
internal static class ModuleState
{
    private static readonly object Gate = new();
    private static int _imports;
    private static VoiceCloneRuntime? _runtime;

    public static string ModuleRoot { get; private set; } = "";
    public static string Version { get; } = typeof(ModuleState).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static VoiceCloneRuntime Runtime =>
        _runtime ?? throw new InvalidOperationException("The VoiceClone module is not imported (Import-Module VoiceClone).");

    public static void OnImport(string moduleRoot)
    {
        int import;
        lock (Gate)
        {
            ModuleRoot = moduleRoot;
            _runtime ??= new VoiceCloneRuntime(moduleRoot);
            import = ++_imports;
        }
        _runtime.Logs.Write(ModuleLogLevel.Debug, "module",
            $"VoiceClone {Version} imported (import #{import} in this process) from {moduleRoot}; runtime {Environment.Version}");
    }

    public static void OnRemove()
    {
        lock (Gate)
        {
            if (_imports == 0) return;
            if (--_imports > 0) return;
            _runtime?.Dispose();
            _runtime = null;
        }
    }
}
