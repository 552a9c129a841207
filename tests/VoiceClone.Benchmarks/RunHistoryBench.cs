using System.Diagnostics;
using System.Text.Json;
using VoiceClone.Core.Runs;
using VoiceClone.Core.Tests.Runs;

namespace VoiceClone.Benchmarks;

/// <summary>
/// The anomaly detector on made-up nightly histories (false alarms on steady runs; what share of regressions it catches)
/// and what run logs cost a command and the query cmdlets: per item, at the end of a run, reading and reporting history.
/// </summary>
internal static class RunHistoryBench
{
    private const int Seeds = 200;

    public static int Run()
    {
        Detection();
        Overhead();
        return 0;
    }

    private static void Detection()
    {
        int judged = 0, falseRuns = 0;
        var falseMetrics = new Dictionary<string, int>();
        (string Name, Func<Random, RunLogDocument> Make, string Metric)[] cases =
        [
            ("latency x3", r => SyntheticRuns.Clone(r, 20, slowdown: 3), "latency_p95_ms"),
            ("latency x2", r => SyntheticRuns.Clone(r, 20, slowdown: 2), "latency_p95_ms"),
            ("latency x1.5", r => SyntheticRuns.Clone(r, 20, slowdown: 1.5), "latency_p95_ms"),
            ("pass rate 95 % -> 50 % (12 clones)", r => SyntheticRuns.Clone(r, 20, passRate: 0.5), "validation_pass_rate"),
            ("pass rate 95 % -> 70 % (12 clones)", r => SyntheticRuns.Clone(r, 20, passRate: 0.7), "validation_pass_rate"),
            ("pass rate 95 % -> 70 % (50 clones)", r => SyntheticRuns.Clone(r, 20, passRate: 0.7, clones: 50), "validation_pass_rate"),
            ("memory +60 %", r => SyntheticRuns.Clone(r, 20, memoryMb: 672), "peak_memory_mb"),
            ("pitch error 2 % -> 8 %", r => SyntheticRuns.Clone(r, 20, pitchError: 0.08), "pitch_error_median"),
            ("4 io errors in 12 clones", r => SyntheticRuns.Clone(r, 20, ioErrors: 4), "errors.io"),
        ];
        var caught = new int[cases.Length];
        for (int seed = 1; seed <= Seeds; seed++)
        {
            var history = Enumerable.Range(0, 20).Select(n => SyntheticRuns.Clone(new Random(seed * 1000 + n), n)).ToList();
            foreach (RunLogDocument run in history.Skip(AnomalyDetector.MinimumBaselineRuns))
            {
                judged++;
                var raised = SyntheticRuns.JudgeInTurn(history, run);
                if (raised.Count > 0) falseRuns++;
                foreach (var a in raised) falseMetrics[a.Metric] = falseMetrics.GetValueOrDefault(a.Metric) + 1;
            }
            for (int c = 0; c < cases.Length; c++)
            {
                RunLogDocument regressed = cases[c].Make(new Random(seed * 7919 + c));
                if (SyntheticRuns.JudgeInTurn([.. history, regressed], regressed).Any(a => a.Metric == cases[c].Metric)) caught[c]++;
            }
        }
        Console.WriteLine($"Anomaly detector on {Seeds} made-up nightly histories (12 clones a night, stage times +-10 %, pass rate 95 %):");
        Console.WriteLine("| case | caught |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| steady runs judged (after the first {AnomalyDetector.MinimumBaselineRuns}) with any anomaly: false alarms | " +
            $"{falseRuns} of {judged} ({falseRuns / (double)judged:P2}){(falseMetrics.Count > 0 ? " — " + string.Join(", ", falseMetrics.Select(m => $"{m.Key} {m.Value}")) : "")} |");
        for (int c = 0; c < cases.Length; c++) Console.WriteLine($"| {cases[c].Name} on night 21 | {caught[c]} of {Seeds} ({caught[c] / (double)Seeds:P0}) |");
    }

    private static void Overhead()
    {
        string logs = Path.Combine(Path.GetTempPath(), $"voiceclone-bench-runs-{Guid.NewGuid():N}");
        try
        {
            // Per item: what BatchRun does for every file of a batch (start, record, checkpoint).
            const int items = 20_000;
            var tracker = new RunTracker(new RunLog("Get-VoiceFeature", new Dictionary<string, string?>()), () => logs, RunWritePolicy.Batch);
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < items; i++)
            {
                tracker.ItemStarted();
                tracker.Log.Item(new RunItem { Name = $"/data/recording-{i}.wav", Status = "completed", AudioSeconds = 6, DurationMs = 40,
                    Measures = new() { ["speech_fraction"] = 0.8, ["clipped_fraction"] = 0, ["clipped"] = 0 } });
                tracker.Checkpoint();
            }
            double perItemUs = watch.Elapsed.TotalMilliseconds * 1000 / items;
            string runs = Path.Combine(logs, RunLog.Folder);
            // A history of 500 nightly clone runs on disk, and in the index.
            for (int night = 0; night < 500; night++)
            {
                RunLogDocument run = SyntheticRuns.Clone(new Random(night), night);
                File.WriteAllText(Path.Combine(runs, run.RunId + ".json"), JsonSerializer.Serialize(run, RunLogJson));
                RunIndex.Append(runs, RunIndexEntry.From(run, RunMetrics.Compute(run)));
            }
            watch.Restart();
            tracker.Finish("completed");
            double finishMs = watch.Elapsed.TotalMilliseconds;
            long logBytes = new FileInfo(tracker.LogPath!).Length;
            watch.Restart();
            var all = RunHistory.Read(runs, new RunFilter());
            double readMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var last = RunHistory.Read(runs, new RunFilter { Last = 20 });
            double lastMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            RunReportPage page = RunReport.Build(all.TakeLast(200).ToList(), DateTimeOffset.UtcNow, runs);
            double reportMs = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine();
            Console.WriteLine("| cost | measured |");
            Console.WriteLine("|---|---|");
            Console.WriteLine($"| per item of a batch (record + checkpoint every 2 s), {items:N0} items | {perItemUs:F1} µs |");
            Console.WriteLine($"| end of that batch: metrics, baseline from index.jsonl ({RunIndex.ReadTail(runs).Count} runs), judging, final write ({logBytes / 1024.0:N0} KB) | {finishMs:F0} ms |");
            Console.WriteLine($"| Get-VoiceCloneRun over {all.Count} run logs (read, parse, metrics: RunHistory) | {readMs:F0} ms |");
            Console.WriteLine($"| Get-VoiceCloneRun -Last 20 ({last.Count} read newest first) | {lastMs:F0} ms |");
            Console.WriteLine($"| Export-VoiceCloneReport of 200 runs ({page.Images} plots, {page.Html.Length / 1024.0:N0} KB) | {reportMs:F0} ms |");
        }
        finally
        {
            if (Directory.Exists(logs)) Directory.Delete(logs, recursive: true);
        }
    }

    private static readonly JsonSerializerOptions RunLogJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
