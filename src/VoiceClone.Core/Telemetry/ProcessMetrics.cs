using System.Diagnostics;
using Serilog;

namespace VoiceClone.Core.Telemetry;

/// <summary>Process-level resource readings: resident memory and CPU use between checkpoints.</summary>
public static class ProcessMetrics
{
    private static readonly ILogger Log = ModuleLog.For("metrics").ForContext(ForwardingSink.MetricsProperty, true);
    private static readonly object Gate = new();
    private static TimeSpan _lastCpu = CurrentCpuTime();
    private static long _lastTicks = Stopwatch.GetTimestamp();

    public static double ResidentMegabytes => Environment.WorkingSet / (1024.0 * 1024.0);

    public static TimeSpan CurrentCpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Logs [Metrics] [MemoryFootprint] with CPU% (of all cores) since the previous checkpoint and RAM in MB.</summary>
    public static void Checkpoint(string name)
    {
        double cpuPercent;
        lock (Gate)
        {
            TimeSpan cpu = CurrentCpuTime();
            long now = Stopwatch.GetTimestamp();
            double wallSeconds = Stopwatch.GetElapsedTime(_lastTicks, now).TotalSeconds;
            cpuPercent = wallSeconds > 0 ? (cpu - _lastCpu).TotalSeconds / wallSeconds / Environment.ProcessorCount * 100 : 0;
            _lastCpu = cpu;
            _lastTicks = now;
        }
        Log.Debug("[Metrics] [MemoryFootprint] checkpoint={Checkpoint} cpu_percent={CpuPercent:F1} ram_mb={RamMb:F1} " +
            "managed_mb={ManagedMb:F1}",
            name, cpuPercent, ResidentMegabytes, GC.GetTotalMemory(false) / (1024.0 * 1024.0));
    }
}
