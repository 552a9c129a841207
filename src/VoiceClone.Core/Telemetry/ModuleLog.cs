using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace VoiceClone.Core.Telemetry;

/// <summary>
/// The module's one logger (never Serilog's static Log.Logger). Files get DEBUG and above in
/// logs/app.log ([yyyy-MM-dd HH:mm:ss.fff] [LEVEL] [Source] Message), 10 MB per file, 5 files, older
/// files gzipped into logs/archive/; several processes may share the file. Cmdlets receive the
/// same events through <see cref="LogForwarding"/>.
/// </summary>
public static class ModuleLog
{
    public const string FileName = "app.log";
    public const string JsonFileName = "app.clef";
    public const string JsonEnvironmentVariable = "VOICECLONE_LOG_JSON";
    public const long FileSizeLimitBytes = 10L * 1024 * 1024;
    public const int RetainedFileCount = 5;
    public const string OutputTemplate =
        "[{Timestamp:yyyy-MM-dd HH:mm:ss.fff}] [{" + LogLevelNames.LevelProperty + "}] [{" + LogLevelNames.SourceProperty + "}] {Message:lj}{NewLine}{Exception}";

    private static readonly object Gate = new();
    private static readonly SwitchableSink FileSinks = new();
    private static readonly Logger Root = new LoggerConfiguration()
        .MinimumLevel.Verbose()
        .Enrich.With<LogLevelNames>()
        .WriteTo.Sink(FileSinks)
        .WriteTo.Sink(new ForwardingSink())
        .CreateLogger();

    static ModuleLog()
    {
        // Remove-Module does not run at process exit; flush the files then.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => FileSinks.Dispose();
    }

    public static string? Directory { get; private set; }
    public static string? DirectoryReason { get; private set; }
    public static string? FilePath => Directory is null ? null : Path.Combine(Directory, FileName);

    /// <summary>Points the file sinks at the folder <see cref="LogDirectoryResolver"/> picks. Safe to call again.</summary>
    public static void Configure(string moduleRoot, string? configuredDirectory)
    {
        var (directory, reason) = LogDirectoryResolver.Resolve(moduleRoot, configuredDirectory);
        lock (Gate)
        {
            if (directory == Directory) return;
            try
            {
                System.IO.Directory.CreateDirectory(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new VoiceCloneException(VoiceCloneErrors.ConfigurationInvalid,
                    $"Cannot use '{directory}' as the log folder ({reason}): {e.Message}", directory, e);
            }
            FileSinks.Swap(CreateFileLogger(directory));
            Directory = directory;
            DirectoryReason = reason;
        }
        For("logging").Debug("Logging to {LogFile} ({Reason})", Path.Combine(directory, FileName), reason);
    }

    /// <summary>Flushes and closes the files; later events go to cmdlets only until <see cref="Configure"/> runs again.</summary>
    public static void Shutdown()
    {
        lock (Gate)
        {
            FileSinks.Swap(null);
            Directory = null;
            DirectoryReason = null;
        }
    }

    /// <summary>A logger whose lines carry <paramref name="source"/> as their [Source] tag.</summary>
    public static ILogger For(string source) => Root.ForContext(LogLevelNames.SourceProperty, source);

    /// <summary>For callers outside Core (the cmdlets), which must not see Serilog's types.</summary>
    public static void Write(ModuleLogLevel level, string source, string message, Exception? exception = null)
    {
        LogEventLevel serilogLevel = level switch
        {
            ModuleLogLevel.Debug => LogEventLevel.Debug,
            ModuleLogLevel.Information or ModuleLogLevel.Metric => LogEventLevel.Information,
            ModuleLogLevel.Warning => LogEventLevel.Warning,
            _ => LogEventLevel.Error,
        };
        // The text is the caller's, not a template: escape braces so it is written verbatim.
        For(source).Write(serilogLevel, exception, message.Replace("{", "{{").Replace("}", "}}"));
    }

    private static Logger CreateFileLogger(string directory)
    {
        var archive = new LogArchiver(Path.Combine(directory, "archive"));
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.File(Path.Combine(directory, FileName),
                outputTemplate: OutputTemplate,
                formatProvider: CultureInfo.InvariantCulture,
                fileSizeLimitBytes: FileSizeLimitBytes,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: RetainedFileCount,
                shared: true,
                hooks: archive);
        if (Environment.GetEnvironmentVariable(JsonEnvironmentVariable) is "1" or "true")
        {
            configuration = configuration.WriteTo.File(new CompactJsonFormatter(), Path.Combine(directory, JsonFileName),
                fileSizeLimitBytes: FileSizeLimitBytes, rollOnFileSizeLimit: true, retainedFileCountLimit: RetainedFileCount,
                shared: true, hooks: archive);
        }
        return configuration.CreateLogger();
    }
}
