using VoiceClone.Core.Runs;
using VoiceClone.Core.Telemetry;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Runs;

public sealed class RunTrackerTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string Runs => Path.Combine(_dir.Path, RunLog.Folder);

    public void Dispose() => _dir.Dispose();

    private RunTracker Tracker(RunWritePolicy policy, string command = "Get-VoiceFeature")
    {
        var log = new RunLog(command, new Dictionary<string, string?>());
        log.Describe("Default/Energy", "cpu");
        return new RunTracker(log, () => _dir.Path, policy);
    }

    /// <summary>One batch of <paramref name="files"/> files of 3 s each, taking <paramref name="ms"/> each.</summary>
    private RunTracker Batch(int files, double ms)
    {
        RunTracker run = Tracker(RunWritePolicy.Batch);
        for (int i = 0; i < files; i++)
        {
            run.ItemStarted();
            run.Log.Item(new RunItem { Name = $"f{i}.wav", Status = "completed", AudioSeconds = 3, DurationMs = ms * (1 + 0.01 * (i % 5)) });
            run.Checkpoint();
        }
        return run;
    }

    [Fact]
    public void One_quick_file_leaves_no_run_log_and_a_batch_does_from_its_second_file()
    {
        RunTracker single = Batch(1, 10);
        single.Finish("completed");
        Assert.Null(single.LogPath);
        Assert.False(Directory.Exists(Runs));

        RunTracker batch = Tracker(RunWritePolicy.Batch);
        batch.ItemStarted();
        Assert.Null(batch.LogPath);
        batch.ItemStarted();
        Assert.Equal("running", RunLogReader.Read(batch.LogPath!).Document.Status); // a kill from here on leaves it
        batch.Finish("completed");
        batch.Finish("failed"); // the first finish wins
        Assert.Equal("completed", RunLogReader.Read(batch.LogPath!).Document.Status);
        RunIndexEntry entry = Assert.Single(RunIndex.ReadTail(Runs));
        Assert.Equal((batch.RunId, "completed", "Default/Energy"), (entry.RunId, entry.Status, entry.Engine));
    }

    [Fact]
    public void A_cloning_call_is_written_when_its_first_item_starts_and_nothing_started_writes_nothing()
    {
        RunTracker clone = Tracker(RunWritePolicy.FirstItem, "New-VoiceClone");
        clone.ItemStarted();
        Assert.True(File.Exists(clone.LogPath));
        RunTracker whatIf = Tracker(RunWritePolicy.FirstItem, "New-VoiceClone");
        whatIf.Finish("completed");
        Assert.Null(whatIf.LogPath);
    }

    [Fact]
    public void A_regression_after_a_steady_history_is_logged_as_a_warning_kept_in_the_run_log_and_listed_as_anomalous()
    {
        var capture = new LogForwarding();
        using (capture.Activate())
        {
            for (int night = 0; night < 6; night++) Batch(10, 100).Finish("completed");
            // (Throughput and memory here are the test process's own, too jittery to assert on.)
            Assert.DoesNotContain(capture.Drain(), e => e.Message.Contains("[Anomaly] latency"));
            RunTracker slow = Batch(10, 400);
            slow.Finish("completed");
            ModuleLogEvent warning = Assert.Single(capture.Drain(), e => e.Message.StartsWith("[Anomaly] latency_p95_ms value=", StringComparison.Ordinal));
            Assert.Equal(ModuleLogLevel.Warning, warning.Level);
            Assert.Matches(@"value=\d+(\.\d+)? baseline=\d+(\.\d+)? threshold=\d+(\.\d+)? \(run " + slow.RunId, warning.Message);
            Assert.Contains(slow.Anomalies, a => a.Metric == "latency_p50_ms");
            Assert.Equal(slow.Anomalies.Count, RunLogReader.Read(slow.LogPath!).Document.Anomalies.Count);
        }
        var anomalous = RunHistory.Read(Runs, new RunFilter { AnomalousOnly = true });
        Assert.Single(anomalous);
        Assert.Equal(7, RunIndex.ReadTail(Runs).Count);
    }

    [Fact]
    public void A_stopped_run_is_neither_judged_nor_part_of_a_baseline()
    {
        for (int night = 0; night < 6; night++) Batch(10, 100).Finish("stopped");
        RunTracker slow = Batch(10, 900);
        slow.Finish("stopped");
        Assert.Empty(slow.Anomalies);
        RunTracker next = Batch(10, 900);
        next.Finish("completed");
        Assert.Empty(next.Anomalies); // the stopped runs make no baseline
    }

    [Fact]
    public void A_log_folder_that_cannot_be_written_is_a_warning_not_a_failure()
    {
        string blocked = _dir.File("blocked");
        File.WriteAllText(blocked, "a file where the log folder should be");
        var log = new RunLog("New-VoiceClone", new Dictionary<string, string?>());
        var run = new RunTracker(log, () => blocked, RunWritePolicy.FirstItem);
        var capture = new LogForwarding();
        using (capture.Activate())
        {
            run.ItemStarted();
            run.Finish("completed");
        }
        Assert.Null(run.LogPath);
        Assert.Contains(capture.Drain(), e => e.Level == ModuleLogLevel.Warning && e.Message.Contains("could not be written"));
    }

    [Fact]
    public void The_index_keeps_its_newest_half_when_it_grows_too_large_and_skips_torn_lines()
    {
        Directory.CreateDirectory(Runs);
        string path = Path.Combine(Runs, RunIndex.FileName);
        string filler = new('x', 1000);
        using (var writer = new StreamWriter(path))
        {
            for (int i = 0; writer.BaseStream.Length < RunIndex.MaxBytes; i++) writer.Write($"{{\"run_id\": \"old{i}\", \"command\": \"{filler}\"}}\n");
        }
        File.AppendAllText(path, "{\"run_id\": \"torn");
        File.AppendAllText(path, "\n");
        RunIndex.Append(Runs, new RunIndexEntry { RunId = "newest", Command = "New-VoiceClone", Status = "completed" });
        Assert.InRange(new FileInfo(path).Length, RunIndex.MaxBytes / 2 - 4096, RunIndex.MaxBytes / 2 + 4096);
        List<RunIndexEntry> tail = RunIndex.ReadTail(Runs);
        Assert.Equal("newest", tail[^1].RunId);
        Assert.DoesNotContain(tail, e => e.RunId == "torn");
    }
}
