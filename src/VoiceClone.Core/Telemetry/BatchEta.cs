using System.Diagnostics;
using System.Globalization;

namespace VoiceClone.Core.Telemetry;

/// <summary>
/// The one estimate of time left for a batch (files analysed, clones, training folds, bytes downloaded): what is left at
/// the pace so far, done over elapsed time, which already counts the work running in parallel. <see cref="Log"/> writes
/// an INFO line with "ETA" once the batch has run for <see cref="FirstLogAfter"/> and then every <see cref="LogEvery"/>,
/// so a batch of a few seconds stays quiet.
/// </summary>
public sealed class BatchEta
{
    public static readonly TimeSpan FirstLogAfter = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(15);
    private readonly long _startTicks = Stopwatch.GetTimestamp();
    private readonly string _source;
    private readonly TimeSpan _firstLogAfter, _logEvery;
    private long _lastLogTicks;

    public BatchEta(string source) : this(source, FirstLogAfter, LogEvery) { }

    internal BatchEta(string source, TimeSpan firstLogAfter, TimeSpan logEvery)
    {
        _source = source;
        _firstLogAfter = firstLogAfter;
        _logEvery = logEvery;
    }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_startTicks);

    /// <summary>Whole seconds left at the pace so far; -1 while nothing is done or the total is unknown.</summary>
    public int SecondsRemaining(double done, double total)
    {
        if (done <= 0 || total <= 0) return -1;
        double seconds = Elapsed.TotalSeconds / done * Math.Max(0, total - done);
        return (int)Math.Min(int.MaxValue, Math.Ceiling(seconds));
    }

    /// <summary>Logs "<paramref name="status"/>; ETA …" when the batch is long enough and the last such line is old enough.</summary>
    public void Log(string status, int secondsRemaining)
    {
        if (secondsRemaining < 0 || Elapsed < _firstLogAfter) return;
        long last = Interlocked.Read(ref _lastLogTicks);
        if (last != 0 && Stopwatch.GetElapsedTime(last) < _logEvery) return;
        if (Interlocked.CompareExchange(ref _lastLogTicks, Stopwatch.GetTimestamp(), last) != last) return; // another thread just logged
        ModuleLog.Write(ModuleLogLevel.Information, _source, $"{status}; ETA {Format(secondsRemaining)}");
    }

    /// <summary>A duration as people read it: "unknown", "45 s", "3 min 05 s", "2 h 07 min".</summary>
    public static string Format(int seconds) => seconds switch
    {
        < 0 => "unknown",
        < 60 => $"{seconds} s",
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min {seconds % 60:00} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600} h {seconds % 3600 / 60:00} min"),
    };
}
