using VoiceClone.Core.Runs;

namespace VoiceClone.Core.Tests.Runs;

/// <summary>
/// The detector on nightly histories: silent while the history is short or steady, and catching a 3x latency
/// regression, a validation pass-rate drop, memory growth, an error surge, pitch drift and one stalled stage.
/// </summary>
public sealed class AnomalyDetectorTests
{
    private static List<RunLogDocument> Steady(int seed, int nights) =>
        Enumerable.Range(0, nights).Select(n => SyntheticRuns.Clone(new Random(seed * 1000 + n), n)).ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Twenty_steady_runs_raise_nothing(int seed)
    {
        List<RunLogDocument> history = Steady(seed, 20);
        var raised = history.SelectMany(run => SyntheticRuns.JudgeInTurn(history, run).Select(a => $"{run.RunId} {a.Metric}")).ToList();
        Assert.Empty(raised);
    }

    [Fact]
    public void The_first_runs_are_not_judged_even_when_they_differ_wildly()
    {
        var history = new List<RunLogDocument>();
        for (int night = 0; night < AnomalyDetector.MinimumBaselineRuns; night++)
        {
            // Each run twice as slow and less often passing than the last: nothing to compare with yet.
            history.Add(SyntheticRuns.Clone(new Random(night), night, slowdown: Math.Pow(2, night), passRate: 1 - 0.15 * night));
            Assert.Empty(SyntheticRuns.JudgeInTurn(history, history[^1]));
        }
    }

    [Fact]
    public void A_3x_latency_regression_is_caught_in_latency_stages_and_RTF()
    {
        List<RunLogDocument> history = Steady(7, 20);
        RunLogDocument slow = SyntheticRuns.Clone(new Random(99), 20, slowdown: 3);
        history.Add(slow);
        var metrics = SyntheticRuns.JudgeInTurn(history, slow).Select(a => a.Metric).ToList();
        Assert.Contains("latency_p95_ms", metrics);
        Assert.Contains("latency_p50_ms", metrics);
        Assert.Contains("rtf", metrics);
        Assert.Contains("stage.synthesis.p95_ms", metrics);
        Assert.DoesNotContain("validation_pass_rate", metrics); // only what changed
        RunAnomalyRecord p95 = SyntheticRuns.JudgeInTurn(history, slow).Single(a => a.Metric == "latency_p95_ms");
        Assert.Equal("above", p95.Direction);
        Assert.Equal(20, p95.BaselineRuns);
        Assert.InRange(p95.Value / p95.Baseline, 2.5, 3.5);
        Assert.InRange(p95.Threshold, p95.Baseline * 1.5, p95.Value);
    }

    [Fact]
    public void A_validation_pass_rate_drop_is_caught_below_its_baseline()
    {
        List<RunLogDocument> history = Steady(8, 20);
        RunLogDocument worse = SyntheticRuns.Clone(new Random(98), 20, passRate: 0.4, clones: 20);
        history.Add(worse);
        RunAnomalyRecord drop = Assert.Single(SyntheticRuns.JudgeInTurn(history, worse), a => a.Metric == "validation_pass_rate");
        Assert.Equal("below", drop.Direction);
        Assert.True(drop.Value < drop.Threshold && drop.Threshold < drop.Baseline);
        Assert.InRange(drop.Baseline - drop.Threshold, 0.15 - 1e-9, 0.5); // the floor of 15 points, or 4 robust sigmas if wider
    }

    [Fact]
    public void Memory_growth_an_error_surge_and_pitch_drift_are_caught()
    {
        List<RunLogDocument> history = Steady(9, 12);
        RunLogDocument run = SyntheticRuns.Clone(new Random(97), 12, memoryMb: 700, pitchError: 0.09, ioErrors: 5);
        history.Add(run);
        var metrics = SyntheticRuns.JudgeInTurn(history, run).Select(a => a.Metric).ToList();
        Assert.Contains("peak_memory_mb", metrics);
        Assert.Contains("errors.io", metrics);
        Assert.Contains("error_rate", metrics);
        Assert.Contains("pitch_error_median", metrics);
    }

    [Fact]
    public void Two_errors_are_no_surge()
    {
        List<RunLogDocument> history = Steady(10, 12);
        RunLogDocument run = SyntheticRuns.Clone(new Random(96), 12, ioErrors: 2);
        history.Add(run);
        Assert.DoesNotContain(SyntheticRuns.JudgeInTurn(history, run), a => a.Metric.StartsWith("error", StringComparison.Ordinal));
    }

    [Fact]
    public void A_perfectly_steady_baseline_still_needs_the_floor_before_it_alarms()
    {
        var baseline = Enumerable.Repeat<IReadOnlyDictionary<string, double>>(new Dictionary<string, double> { ["latency_p95_ms"] = 400 }, 10).ToList();
        // MAD is 0: without the floor any change would be "infinitely" many sigmas away.
        Assert.Empty(AnomalyDetector.AgainstBaseline(new Dictionary<string, double> { ["latency_p95_ms"] = 580 }, baseline));
        RunAnomalyRecord flagged = Assert.Single(AnomalyDetector.AgainstBaseline(new Dictionary<string, double> { ["latency_p95_ms"] = 620 }, baseline));
        Assert.Equal(600, flagged.Threshold, 9);
    }

    [Fact]
    public void Better_than_usual_is_never_an_anomaly_and_measures_without_a_direction_are_not_judged()
    {
        var baseline = Enumerable.Range(0, 10).Select(i => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>
        {
            ["latency_p95_ms"] = 400 + i, ["validation_pass_rate"] = 0.8, ["speech_fraction_median"] = 0.8,
        }).ToList();
        var current = new Dictionary<string, double> { ["latency_p95_ms"] = 100, ["validation_pass_rate"] = 1, ["speech_fraction_median"] = 0.1 };
        Assert.Empty(AnomalyDetector.AgainstBaseline(current, baseline));
    }

    [Fact]
    public void One_stalled_stage_in_a_run_is_flagged_per_second_of_audio_and_long_texts_or_cached_stages_are_not()
    {
        var random = new Random(3);
        RunLogDocument run = SyntheticRuns.Clone(random, 0, clones: 16);
        foreach (RunStage stage in run.Stages.Where(s => s.Name == "synthesis"))
        {
            // Texts from 1 to 8 s of audio: synthesis time follows, about 200 ms per second of audio.
            stage.AudioSeconds = 1 + run.Stages.IndexOf(stage) % 8;
            stage.DurationMs = 200 * stage.AudioSeconds.Value * SyntheticRuns.Noise(random, 0.1);
        }
        foreach (RunStage stage in run.Stages.Where(s => s.Name == "reference_analysis").Skip(4)) (stage.Detail, stage.DurationMs) = ("cached", 0.05);
        Assert.Empty(AnomalyDetector.WithinRun(run));

        RunStage stalled = run.Stages.First(s => s.Name == "synthesis");
        stalled.DurationMs *= 10;
        RunAnomalyRecord flagged = Assert.Single(AnomalyDetector.WithinRun(run));
        Assert.Equal("stage.synthesis.ms_per_audio_s", flagged.Metric);
        Assert.Equal(stalled.Item, flagged.Item);
        Assert.Equal(0, flagged.BaselineRuns);
    }

    [Fact]
    public void The_warning_line_has_the_documented_form()
    {
        var anomaly = new RunAnomalyRecord { Metric = "latency_p95_ms", Value = 1234.4, Baseline = 410.24, Threshold = 615.4, BaselineRuns = 20 };
        Assert.StartsWith("[Anomaly] latency_p95_ms value=1234 baseline=410.2 threshold=615.4 (run r1;",
            AnomalyDetector.Describe(anomaly, "r1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_comparable_runs_that_ended_normally_make_the_baseline()
    {
        RunIndexEntry Entry(string id, int night, string engine = "Default", string status = "completed", string host = "nightly") => new()
        {
            RunId = id, Command = "New-VoiceClone", Engine = engine, Device = "cpu", Host = host, Status = status,
            Started = SyntheticRuns.Epoch.AddDays(night),
        };
        var entries = new List<RunIndexEntry>
        {
            Entry("a", 0), Entry("b", 1, engine: "Qwen3"), Entry("c", 2, status: "stopped"), Entry("d", 3, host: "laptop"), Entry("e", 4),
            Entry("later", 9),
        };
        Assert.Equal(["e", "a"], RunIndex.Baseline(entries, Entry("now", 5)).Select(e => e.RunId));
    }
}
