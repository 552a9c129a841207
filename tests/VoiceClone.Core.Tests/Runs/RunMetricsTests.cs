using VoiceClone.Core.Runs;

namespace VoiceClone.Core.Tests.Runs;

public sealed class RunMetricsTests
{
    private static RunLogDocument Run(params RunClone[] clones) => new()
    {
        RunId = "r", Command = "New-VoiceClone", Clones = [.. clones],
        Compute = new RunCompute { WallSeconds = 10, AudioSeconds = 8, RealTimeFactor = 1.25, PeakMemoryMb = 512 },
    };

    [Fact]
    public void Clone_quality_comes_from_the_clones_scores()
    {
        RunLogDocument run = Run(
            new RunClone { Id = "a", Status = "completed", PitchRatio = 1.02, ArticulationRateRatio = 0.9, Attempts = 1, ValidationPassed = true, Seconds = 1,
                TimbreDistance = 8, BaseTimbreDistance = 16, ReferenceEmotion = "sad", CloneEmotion = "sad" },
            new RunClone { Id = "b", Status = "completed", PitchRatio = 0.94, ArticulationRateRatio = 1.05, Attempts = 2, ValidationPassed = false, Seconds = 3,
                TimbreDistance = 10, BaseTimbreDistance = 10, ReferenceEmotion = "sad", CloneEmotion = "calm" },
            new RunClone { Id = "c", Status = "failed" });
        run.Validations.Add(new RunValidation { Item = "c", Attempt = 3, Passed = false });
        run.Errors.Add(new RunError { Category = "timeout", ErrorId = "SynthesisFailed", Occurrences = 3 });
        Dictionary<string, double> m = RunMetrics.Compute(run);
        Assert.Equal(3, m["items"]);
        Assert.Equal(1.25, m["rtf"]);
        Assert.Equal(512, m["peak_memory_mb"]);
        Assert.Equal(1 / 3.0, m["validation_pass_rate"], 12); // the failed clone was validated and did not pass
        Assert.Equal(1.5, m["attempts_per_clone"]);
        Assert.Equal(0.04, m["pitch_error_median"], 12); // |1.02 - 1| and |0.94 - 1|
        Assert.Equal(0.075, m["rate_error_median"], 12);
        Assert.Equal(2000, m["latency_p50_ms"], 9);
        Assert.Equal(9, m["timbre_distance_median"], 12);
        Assert.Equal(0.75, m["timbre_vs_base_median"], 12);
        Assert.Equal(0.5, m["emotion_match_rate"]);
        Assert.Equal(1.0, m["errors.timeout"]);
        Assert.Equal(0.0, m["errors.io"]);
        Assert.False(m.ContainsKey("throughput_x_realtime"));
        Assert.False(m.ContainsKey("unweighted_accuracy"));
    }

    [Fact]
    public void Schema_1_clones_are_scored_from_their_last_validation_and_stages()
    {
        RunLogDocument run = Run(new RunClone { Id = "a", Status = "completed" });
        run.Stages.Add(new RunStage { Item = "a", Name = "synthesis", Attempt = 1, Status = "completed", DurationMs = 300 });
        run.Stages.Add(new RunStage { Item = "a", Name = "synthesis", Attempt = 2, Status = "completed", DurationMs = 500, PeakMemoryMb = 700 });
        run.Validations.Add(new RunValidation { Item = "a", Attempt = 1, Checks = [new RunCheck { Name = "pitch_match", Value = 1.2 }] });
        run.Validations.Add(new RunValidation { Item = "a", Attempt = 2, Passed = true, Checks = [new RunCheck { Name = "pitch_match", Value = 1.03 }] });
        run.Compute.PeakMemoryMb = null;
        Dictionary<string, double> m = RunMetrics.Compute(run);
        Assert.Equal(1.0, m["validation_pass_rate"]);
        Assert.Equal(0.03, m["pitch_error_median"], 12);
        Assert.Equal(2, m["attempts_per_clone"]);
        Assert.Equal(800, m["latency_p50_ms"], 9);
        Assert.Equal(700, m["peak_memory_mb"]); // schema 1 kept the high-water mark per stage
        Assert.Equal(400, m["stage.synthesis.p50_ms"], 9);
    }

    [Fact]
    public void Analysis_and_training_runs_have_their_own_measures()
    {
        RunLogDocument analysis = SyntheticRuns.Analysis(new Random(1), 0, files: 20);
        Dictionary<string, double> a = RunMetrics.Compute(analysis);
        Assert.Equal(80, a["throughput_x_realtime"], 9); // 80 s of audio in 1 s
        Assert.Equal(0.05, a["clipping_share"], 12); // 1 of 20
        Assert.InRange(a["speech_fraction_median"], 0.76, 0.84);
        Assert.False(a.ContainsKey("validation_pass_rate"));

        Dictionary<string, double> t = RunMetrics.Compute(SyntheticRuns.Training(0));
        Assert.Equal(0.61, t["unweighted_accuracy"]);
        Assert.Equal(0.04, t["expected_calibration_error"]);
        Assert.Equal(0.55, t["fold_ua_min"], 12);
        Assert.Equal(4, t["items"]);
    }

    [Fact]
    public void Cached_stages_are_not_timed()
    {
        RunLogDocument run = Run();
        run.Stages.Add(new RunStage { Item = "a", Name = "reference_analysis", Status = "completed", Detail = "analysed", DurationMs = 100 });
        run.Stages.Add(new RunStage { Item = "b", Name = "reference_analysis", Status = "completed", Detail = "cached", DurationMs = 0.01 });
        Assert.Equal(100, RunMetrics.Compute(run)["stage.reference_analysis.p50_ms"]);
    }

    [Fact]
    public void Every_metric_a_run_writes_is_in_the_catalogue()
    {
        var runs = new[] { SyntheticRuns.Clone(new Random(1), 0, ioErrors: 1), SyntheticRuns.Analysis(new Random(1), 0), SyntheticRuns.Training(0) };
        foreach (string metric in runs.SelectMany(r => RunMetrics.Compute(r).Keys)) Assert.NotNull(RunMetricCatalog.Find(metric));
        Assert.Equal(BetterDirection.Lower, RunMetricCatalog.Find("stage.persist.p95_ms")!.Better);
        Assert.Equal(BetterDirection.Higher, RunMetricCatalog.Find("validation_pass_rate")!.Better);
        Assert.Null(RunMetricCatalog.Find("no_such_metric"));
    }
}
