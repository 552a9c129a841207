using Serilog.Core;
using Serilog.Events;

namespace VoiceClone.Core.Telemetry;

/// <summary>
/// Adds the users' level names (DEBUG, INFO, WARNING, ERROR, CRITICAL) and a default Source tag,
/// for the file format [yyyy-MM-dd HH:mm:ss.fff] [LEVEL] [Source] Message.
/// </summary>
internal sealed class LogLevelNames : ILogEventEnricher
{
    public const string LevelProperty = "LevelName";
    public const string SourceProperty = "Source";
    public const string DefaultSource = "voiceclone";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory factory)
    {
        logEvent.AddOrUpdateProperty(factory.CreateProperty(LevelProperty, Name(logEvent.Level)));
        logEvent.AddPropertyIfAbsent(factory.CreateProperty(SourceProperty, DefaultSource));
    }

    public static string Name(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose or LogEventLevel.Debug => "DEBUG",
        LogEventLevel.Information => "INFO",
        LogEventLevel.Warning => "WARNING",
        LogEventLevel.Error => "ERROR",
        _ => "CRITICAL",
    };
}
