using System.Collections.Concurrent;
using System.Diagnostics;
using Serilog;

namespace VoiceClone.Core.Telemetry;

/// <summary>
/// Wraps one major operation: logs [ExecutionStart], then [ExecutionComplete] with latency, RSS
/// delta and a description of what it returned (or how it failed).
/// </summary>
public sealed class ExecutionMetrics : IDisposable
{
    private static readonly ConcurrentDictionary<string, bool> ComplexityStated = new();
    private readonly ILogger _log;
    private readonly string _operation;
    private readonly long _startTicks = Stopwatch.GetTimestamp();
    private readonly double _startRssMb = ProcessMetrics.ResidentMegabytes;
    private bool _finished;

    private ExecutionMetrics(string operation, string source, string inputs)
    {
        _operation = operation;
        _log = ModuleLog.For(source).ForContext(ForwardingSink.MetricsProperty, true);
        _log.Information("[ExecutionStart] {Operation} {Inputs}", operation, inputs);
    }

    public static ExecutionMetrics Start(string operation, string source, string inputs = "") => new(operation, source, inputs);

    /// <summary>Logs the theoretical cost of an operation, once per process.</summary>
    public static void StateComplexity(string operation, string source, string cost)
    {
        if (ComplexityStated.TryAdd(operation, true))
        {
            ModuleLog.For(source).Debug("[Complexity] {Operation}: {Cost}", operation, cost);
        }
    }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_startTicks);

    public void Complete(string resultShape) => Finish("ok", resultShape);

    public void Fail(string errorId) => Finish("failed", $"error={errorId}");

    public void Dispose()
    {
        if (!_finished) Finish("stopped", "none");
    }

    private void Finish(string status, string result)
    {
        if (_finished) return;
        _finished = true;
        _log.Information("[ExecutionComplete] {Operation} status={Status} latency_ms={LatencyMs:F1} rss_delta_mb={RssDeltaMb:F2} " +
            "result={Result}",
            _operation, status, Elapsed.TotalMilliseconds, ProcessMetrics.ResidentMegabytes - _startRssMb, result);
    }
}
