using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace VoiceClone.Core.Telemetry;

/// <summary>The Serilog sink that hands events to the active <see cref="LogForwarding"/> queue, if any.</summary>
internal sealed class ForwardingSink : ILogEventSink
{
    public const string MetricsProperty = "IsMetric";
    // ':lj' renders strings without quotes, as in the log file.
    private static readonly MessageTemplateTextFormatter MessageOnly = new("{Message:lj}", CultureInfo.InvariantCulture);

    public void Emit(LogEvent logEvent)
    {
        LogForwarding? target = LogForwarding.Current;
        if (target is null) return;
        string source = logEvent.Properties.TryGetValue(LogLevelNames.SourceProperty, out var s) && s is ScalarValue { Value: string text }
            ? text : LogLevelNames.DefaultSource;
        bool isMetric = logEvent.Properties.ContainsKey(MetricsProperty);
        ModuleLogLevel level = logEvent.Level switch
        {
            LogEventLevel.Verbose or LogEventLevel.Debug => ModuleLogLevel.Debug,
            LogEventLevel.Information => isMetric ? ModuleLogLevel.Metric : ModuleLogLevel.Information,
            LogEventLevel.Warning => ModuleLogLevel.Warning,
            _ => ModuleLogLevel.Error,
        };
        var message = new StringWriter(CultureInfo.InvariantCulture);
        MessageOnly.Format(logEvent, message);
        target.Enqueue(new ModuleLogEvent(level, source, message.ToString(), logEvent.Exception?.ToString()));
    }
}
