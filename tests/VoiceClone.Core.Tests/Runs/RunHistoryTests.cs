using System.Text.Json;
using VoiceClone.Core.Runs;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Runs;

public sealed class RunHistoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string Runs => Path.Combine(_dir.Path, RunLog.Folder);

    public RunHistoryTests()
    {
        Directory.CreateDirectory(Runs);
        for (int night = 0; night < 6; night++)
        {
            RunLogDocument run = night == 4 ? SyntheticRuns.Analysis(new Random(night), night) : SyntheticRuns.Clone(new Random(night), night);
            if (night == 5) run.Anomalies.Add(new RunAnomalyRecord { Metric = "rtf", Value = 3, Baseline = 1, Threshold = 1.5, BaselineRuns = 5 });
            if (night == 3) run.Status = "stopped";
            File.WriteAllText(Path.Combine(Runs, run.RunId + ".json"), JsonSerializer.Serialize(run, RunLog.Json));
        }
        File.WriteAllText(Path.Combine(Runs, "zzz-notes.json"), "{ \"hello\": 1 }");
        File.WriteAllText(Path.Combine(Runs, RunIndex.FileName), "not read here\n");
    }

    public void Dispose() => _dir.Dispose();

    private List<RunLogRecord> Read(RunFilter filter, List<string>? unreadable = null) =>
        RunHistory.Read(Runs, filter, (file, _) => unreadable?.Add(Path.GetFileName(file)));

    [Fact]
    public void Reads_every_run_oldest_first_and_reports_what_is_not_a_run_log()
    {
        var unreadable = new List<string>();
        var runs = Read(new RunFilter(), unreadable);
        Assert.Equal(6, runs.Count);
        Assert.True(runs.Zip(runs.Skip(1)).All(p => p.First.Document.Started < p.Second.Document.Started));
        Assert.Equal(["zzz-notes.json"], unreadable);
    }

    [Fact]
    public void Filters_combine_and_Last_counts_after_them()
    {
        Assert.Equal([3, 4, 5], Read(new RunFilter { Since = SyntheticRuns.Epoch.AddDays(3) }).Select(Night));
        Assert.Equal([2, 5], Read(new RunFilter { Command = c => c == "New-VoiceClone", Statuses = ["completed"], Last = 2 }).Select(Night));
        Assert.Equal([3], Read(new RunFilter { Statuses = ["STOPPED"] }).Select(Night));
        Assert.Equal([5], Read(new RunFilter { AnomalousOnly = true }).Select(Night));
        Assert.Equal([4], Read(new RunFilter { Id = id => id.Contains("-a") }).Select(Night));
        Assert.Empty(Read(new RunFilter { Since = SyntheticRuns.Epoch.AddDays(30) }));
        Assert.Empty(RunHistory.Read(Path.Combine(_dir.Path, "none"), new RunFilter()));
    }

    private static int Night(RunLogRecord r) => (int)(r.Document.Started - SyntheticRuns.Epoch).TotalDays;
}
