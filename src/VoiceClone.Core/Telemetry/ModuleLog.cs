using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace VoiceClone.Core.Telemetry;

/// <summary>
/// The module's one logger (never Serilog's static Log.Logger). Files get DEBUG and above in
/// logs/app.log ([yyyy-MM-dd HH:mm:ss.fff] [LEVEL] [Source] Message), 10 MB per file, 5 files, older
/// files gzipped into logs/archive/ by <see cref="LogRetention"/>; several processes may share the
/// file. Cmdlets receive the same events through <see cref="LogForwarding"/>.
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

    private static readonly TimeSpan RetentionSweepInterval = TimeSpan.FromMinutes(1);
    private static readonly object Gate = new();
    private static Timer? _retentionTimer;
    private static long _fileSizeLimitBytes = FileSizeLimitBytes;
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
    /// <summary>The file lines go to now: app.log, or after it rolled the newest app_NNN.log.</summary>
    public static string? FilePath => Directory is null ? null : LogRetention.LiveFile(Directory, FileName);

    /// <summary>Points the file sinks at the folder <see cref="LogDirectoryResolver"/> picks. Safe to call again.</summary>
    public static void Configure(string moduleRoot, string? configuredDirectory)
    {
        ConfigureCore(moduleRoot, configuredDirectory, FileSizeLimitBytes);
    }

    /// <summary>As <see cref="Configure"/>, with a smaller roll size so tests can exercise rolling.</summary>
    internal static void ConfigureCore(string moduleRoot, string? configuredDirectory, long fileSizeLimitBytes)
    {
        var (directory, reason) = LogDirectoryResolver.Resolve(moduleRoot, configuredDirectory);
        lock (Gate)
        {
            if (directory == Directory && fileSizeLimitBytes == _fileSizeLimitBytes) return;
            try
            {
                System.IO.Directory.CreateDirectory(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new VoiceCloneException(VoiceCloneErrors.ConfigurationInvalid,
                    $"Cannot use '{directory}' as the log folder ({reason}): {e.Message}", directory, e);
            }
            _fileSizeLimitBytes = fileSizeLimitBytes;
            FileSinks.Swap(CreateFileLogger(directory, fileSizeLimitBytes));
            Directory = directory;
            DirectoryReason = reason;
            SweepRetention();
            _retentionTimer ??= new Timer(_ => SweepRetention(), null, RetentionSweepInterval, RetentionSweepInterval);
        }
        For("logging").Debug("Logging to {LogFile} ({Reason})", Path.Combine(directory, FileName), reason);
    }

    /// <summary>Flushes and closes the files; later events go to cmdlets only until <see cref="Configure"/> runs again.</summary>
    public static void Shutdown()
    {
        lock (Gate)
        {
            FileSinks.Swap(null);
            SweepRetention();
            _retentionTimer?.Dispose();
            _retentionTimer = null;
            Directory = null;
            DirectoryReason = null;
        }
    }

    /// <summary>Archives rolled files beyond the retention count (see <see cref="LogRetention"/>).</summary>
    public static void SweepRetention()
    {
        string? directory = Directory;
        if (directory is null) return;
        LogRetention.Sweep(directory, FileName, RetainedFileCount);
        LogRetention.Sweep(directory, JsonFileName, RetainedFileCount);
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

    // Serilog's retention would delete shared files outright, so it keeps them all (null) and LogRetention archives.
    private static Logger CreateFileLogger(string directory, long fileSizeLimitBytes)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.File(Path.Combine(directory, FileName),
                outputTemplate: OutputTemplate,
                formatProvider: CultureInfo.InvariantCulture,
                fileSizeLimitBytes: fileSizeLimitBytes,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: null,
                shared: true);
        if (Environment.GetEnvironmentVariable(JsonEnvironmentVariable) is "1" or "true")
        {
            configuration = configuration.WriteTo.File(new CompactJsonFormatter(), Path.Combine(directory, JsonFileName),
                fileSizeLimitBytes: fileSizeLimitBytes, rollOnFileSizeLimit: true, retainedFileCountLimit: null, shared: true);
        }
        return configuration.CreateLogger();
    }
}
