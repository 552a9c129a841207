using Microsoft.ML.OnnxRuntime;
using Serilog;
using Serilog.Events;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Models;

/// <summary>
/// The process-wide ONNX Runtime environment, created once with its native log routed into the module log (source
/// "onnxruntime") instead of the process's stderr: a scheduled task's error stream and a background job see only
/// the module's own warnings, and app.log keeps every line ONNX Runtime wrote. Telemetry is off: a module must not
/// phone home from users' scheduled tasks.
/// </summary>
public static class OnnxEnvironment
{
    private static readonly ILogger Log = ModuleLog.For("onnxruntime");
    // Held for the process's lifetime: native code calls it until the environment goes away.
    private static readonly DOrtLoggingFunction Callback = Write;
    private static readonly Lazy<OrtEnv> Environment = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static OrtEnv Instance => Environment.Value;

    private static OrtEnv Create()
    {
        OrtEnv env;
        if (OrtEnv.IsCreated)
        {
            env = OrtEnv.Instance(); // another component of this load context got there first; its logging stays
        }
        else
        {
            var options = new EnvironmentCreationOptions
            {
                logId = "VoiceClone",
                logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING,
                loggingFunction = Callback,
            };
            env = OrtEnv.CreateInstanceWithOptions(ref options);
        }
        env.DisableTelemetryEvents();
        return env;
    }

    // ONNX Runtime's warnings and errors are about its own choices (a provider that will not load, a node placed on
    // the CPU); the module reports what they mean to the user itself, so they are Debug lines in app.log.
    private static void Write(IntPtr param, OrtLoggingLevel severity, string category, string logId, string codeLocation, string message)
    {
        LogEventLevel level = severity >= OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL ? LogEventLevel.Warning : LogEventLevel.Debug;
        string severityName = severity.ToString().Replace("ORT_LOGGING_LEVEL_", "", StringComparison.Ordinal);
        Log.Write(level, "ONNX Runtime {OrtSeverity} ({OrtCategory}): {OrtMessage}", severityName, category, message);
    }
}
