using System.Diagnostics;
using System.Runtime.InteropServices;

namespace VoiceClone.Benchmarks;

/// <summary>
/// Part of the `features` mode: CPU seconds (user + system) of whole processes, side by side on the same LibriSpeech files.
/// One is the user's command: the pinned pwsh starting, importing the built module and running Get-VoiceFeature with the full
/// feature set on every file, one at a time (-ThrottleLimit 1). The other is Praat's pitch alone (praat-pitch.praat, To Pitch
/// (ac), 50-800 Hz, 10 ms, nothing printed). Each pair runs <see cref="Runs"/> times, alternating; the medians and their
/// ratio are printed. CPU time, not wall time, so the two cores and other users' jobs matter less. The children's CPU is
/// read with getrusage(RUSAGE_CHILDREN) (POSIX) before and after each run: a reaped child counts with all its reaped
/// descendants.
/// </summary>
internal static class WholeProcessCpu
{
    private const int Runs = 3;
    private const int RusageChildren = -1;

    public static void Run(string libriFolder, string repositoryRoot)
    {
        Console.WriteLine();
        string? praat = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, "praat"))
            .FirstOrDefault(File.Exists);
        string pwsh = Path.Combine(repositoryRoot, "pwsh.sh");
        if (OperatingSystem.IsWindows()) { Console.WriteLine("whole-process CPU skipped: getrusage is POSIX only"); return; }
        if (praat is null) { Console.WriteLine("whole-process CPU skipped: praat not installed (./build.sh Bench installs it)"); return; }
        if (!File.Exists(pwsh) || !Directory.Exists(Path.Combine(repositoryRoot, "out", "VoiceClone")))
        {
            Console.WriteLine($"whole-process CPU skipped: no module under {repositoryRoot}/out (run ./build.sh Build first)");
            return;
        }
        string files = Path.Combine(Path.GetFullPath(libriFolder), "*.wav");
        int count = Directory.GetFiles(libriFolder, "*.wav").Length;
        string script = $"Import-Module VoiceClone; Get-VoiceFeature -Path '{files}' -ThrottleLimit 1 | "
            + "Group-Object VadMethod, PitchAlgorithm | ForEach-Object { \"$($_.Count) files, $($_.Name)\" }";
        string praatScript = Path.Combine(AppContext.BaseDirectory, "praat-pitch.praat");

        var ours = new List<double>();
        var theirs = new List<double>();
        string analysed = "";
        for (int run = 0; run < Runs; run++)
        {
            (double seconds, string output) = ChildCpuSeconds(pwsh, ["-c", script], repositoryRoot);
            // The run history may warn of anomalies (a loaded machine): keep only the summary lines.
            analysed = string.Join("; ", output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(" files, ")));
            ours.Add(seconds);
            theirs.Add(ChildCpuSeconds(praat, ["--run", praatScript, Path.GetFullPath(libriFolder), "0"], repositoryRoot).Seconds);
        }
        double oursMedian = Median(ours), praatMedian = Median(theirs);
        Console.WriteLine($"Whole process, {count} LibriSpeech files, CPU seconds (user + system), median of {Runs} alternating runs:");
        Console.WriteLine("| process | CPU s (each run) | median |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| pwsh: start, Import-Module, Get-VoiceFeature full feature set, -ThrottleLimit 1 ({analysed}) "
            + $"| {string.Join(" / ", ours.Select(s => s.ToString("F2")))} | {oursMedian:F2} |");
        Console.WriteLine($"| {PraatVersion(praat)}: To Pitch (ac) alone "
            + $"| {string.Join(" / ", theirs.Select(s => s.ToString("F2")))} | {praatMedian:F2} |");
        Console.WriteLine($"Full feature set / Praat pitch alone: {oursMedian / praatMedian:F2}x CPU");
    }

    private static (double Seconds, string Output) ChildCpuSeconds(string program, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory,
        };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        double before = ChildrenCpuSeconds();
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double seconds = ChildrenCpuSeconds() - before;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {errors.Result}");
        return (seconds, output);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string PraatVersion(string praat)
    {
        var start = new ProcessStartInfo(praat) { RedirectStandardOutput = true };
        start.ArgumentList.Add("--version");
        using var process = Process.Start(start)!;
        return process.StandardOutput.ReadToEnd().Trim();
    }

    // struct rusage on 64-bit Linux and macOS: ru_utime and ru_stime (struct timeval: seconds, microseconds), then 14 longs.
    private const int RusageLongs = 18;

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetResourceUsage(int who, [Out] long[] usage);

    private static double ChildrenCpuSeconds()
    {
        var usage = new long[RusageLongs];
        if (GetResourceUsage(RusageChildren, usage) != 0) throw new InvalidOperationException("getrusage failed");
        return usage[0] + usage[1] / 1e6 + usage[2] + usage[3] / 1e6;
    }
}
