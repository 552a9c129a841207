using System.Collections.Concurrent;

namespace VoiceClone.Core.Telemetry;

/// <summary>
/// Carries log events to the cmdlet whose code raised them. A cmdlet activates its queue around each
/// of its own calls (and worker tasks inherit it), and drains the queue on the pipeline thread into
/// PowerShell's Verbose/Debug/Warning/Information streams.
/// </summary>
public sealed class LogForwarding
{
    private static readonly AsyncLocal<LogForwarding?> CurrentQueue = new();
    // A runaway loop must not grow the queue without bound before the pipeline thread drains it.
    private const int MaxQueuedEvents = 10_000;
    private readonly ConcurrentQueue<ModuleLogEvent> _events = new();
    private int _dropped;

    internal static LogForwarding? Current => CurrentQueue.Value;

    /// <summary>Makes this queue the target of log events on this thread (and tasks it starts) until disposed.</summary>
    public IDisposable Activate()
    {
        LogForwarding? previous = CurrentQueue.Value;
        CurrentQueue.Value = this;
        return new Restore(previous);
    }

    internal void Enqueue(ModuleLogEvent logEvent)
    {
        if (_events.Count >= MaxQueuedEvents) { Interlocked.Increment(ref _dropped); return; }
        _events.Enqueue(logEvent);
    }

    /// <summary>Everything queued so far; call on the pipeline thread.</summary>
    public IEnumerable<ModuleLogEvent> Drain()
    {
        while (_events.TryDequeue(out ModuleLogEvent? logEvent)) yield return logEvent;
        int dropped = Interlocked.Exchange(ref _dropped, 0);
        if (dropped > 0)
        {
            yield return new ModuleLogEvent(ModuleLogLevel.Warning, LogLevelNames.DefaultSource,
                $"{dropped} log events were not shown here (too many at once); the log file has them all.", null);
        }
    }

    private sealed class Restore(LogForwarding? previous) : IDisposable
    {
        public void Dispose() => CurrentQueue.Value = previous;
    }
}
