using Serilog.Core;
using Serilog.Events;

namespace VoiceClone.Core.Telemetry;

/// <summary>
/// A sink whose target (the file loggers) can be replaced when the log folder changes, without touching loggers already handed out.
/// </summary>
internal sealed class SwitchableSink : ILogEventSink, IDisposable
{
    private Logger? _target;

    public void Emit(LogEvent logEvent) => Volatile.Read(ref _target)?.Write(logEvent);

    public void Swap(Logger? next) => Interlocked.Exchange(ref _target, next)?.Dispose();

    public void Dispose() => Swap(null);
}
