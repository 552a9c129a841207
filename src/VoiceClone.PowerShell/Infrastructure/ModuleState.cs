using VoiceClone.Core.Models;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.PowerShell;

/// <summary>
/// Process-wide module state shared by every runspace that imports the module: the logger's folder,
/// the session configuration and (later) the warm model cache. Imports are counted so the last
/// Remove-Module, not the first, releases resources.
/// </summary>
internal static class ModuleState
{
    private static readonly object Gate = new();
    private static int _imports;

    public static string ModuleRoot { get; private set; } = "";
    public static string? ConfiguredLogDirectory { get; private set; }
    public static string Version { get; } = typeof(ModuleState).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static void OnImport(string moduleRoot)
    {
        lock (Gate)
        {
            ModuleRoot = moduleRoot;
            ModelLocator.ModuleRoot = moduleRoot;
            _imports++;
            ModuleLog.Configure(moduleRoot, ConfiguredLogDirectory);
        }
        ModuleLog.Write(VoiceClone.ModuleLogLevel.Debug, "module",
            $"VoiceClone {Version} imported (import #{_imports} in this process) from {moduleRoot}; runtime {Environment.Version}");
    }

    public static void OnRemove()
    {
        lock (Gate)
        {
            if (_imports == 0) return;
            _imports--;
            if (_imports > 0) return;
            ModuleLog.Write(VoiceClone.ModuleLogLevel.Debug, "module", $"VoiceClone removed; disposing {OnnxSessionCache.Count} model session(s), flushing logs");
            OnnxSessionCache.DisposeAll();
            VoiceClone.Core.Emotion.EmotionModelCache.Clear();
            VoiceClone.Core.Cloning.ReferenceAnalysisCache.Clear();
            VoiceClone.Core.Synthesis.ReferenceSpectra.Clear();
            VoiceClone.Core.Synthesis.Qwen3.Qwen3EngineCache.Clear();
            ModuleLog.Shutdown();
        }
    }

    /// <summary>Re-points the log files; null returns to the default location.</summary>
    public static void SetLogDirectory(string? directory)
    {
        lock (Gate)
        {
            string? previous = ConfiguredLogDirectory;
            ConfiguredLogDirectory = directory;
            try
            {
                ModuleLog.Configure(ModuleRoot, directory);
            }
            catch
            {
                ConfiguredLogDirectory = previous;
                throw;
            }
        }
    }
}
