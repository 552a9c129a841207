using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Runs;

/// <summary>
/// A run's summary as named numbers (<see cref="RunMetricCatalog"/>): cost (RTF, throughput, latency p50/p95 per item and
/// per stage, peak memory), quality (validation pass rate, attempts, pitch and rate match errors, timbre), errors per item
/// by category, analysis measures (speech fraction, clipping) and training results (UA, ECE). A metric a run cannot
/// measure is left out. Schema-1 clones, which carry no scores, are read from their last validation's checks.
/// </summary>
public static class RunMetrics
{
    public const string ErrorPrefix = "errors.";
    public const string StagePrefix = "stage.";
    /// <summary>The error categories of the module's error table, in its order.</summary>
    public static readonly IReadOnlyList<string> Categories = ["input", "io", "model", "dependency", "timeout", "resource", "unknown"];

    public static Dictionary<string, double> Compute(RunLogDocument run)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        int items = run.Clones.Count + run.Items.Count + (run.Training?.Folds.Count ?? 0);
        metrics["items"] = items;
        metrics["wall_seconds"] = run.Compute.WallSeconds;
        metrics["cpu_seconds"] = run.Compute.CpuSeconds;
        metrics["audio_seconds"] = run.Compute.AudioSeconds;
        // Schema 1 kept only the process's high-water mark at each stage.
        double peak = run.Compute.PeakMemoryMb ?? run.Stages.Select(s => s.PeakMemoryMb).DefaultIfEmpty(0).Max();
        if (peak > 0) metrics["peak_memory_mb"] = peak;
        if (run.Clones.Count > 0) AddCloning(run, metrics);
        if (run.Items.Count > 0) AddItems(run, metrics);
        if (run.Training is { } training) AddTraining(training, metrics);
        foreach (var stage in TimedStages(run).GroupBy(s => s.Name))
        {
            double[] ms = stage.Select(s => s.DurationMs).ToArray();
            metrics[$"{StagePrefix}{stage.Key}.p50_ms"] = Statistics.Percentile(ms, 50);
            metrics[$"{StagePrefix}{stage.Key}.p95_ms"] = Statistics.Percentile(ms, 95);
        }
        if (items > 0)
        {
            metrics["error_rate"] = run.Errors.Sum(e => e.Occurrences) / (double)items;
            foreach (string category in Categories)
                metrics[ErrorPrefix + category] = run.Errors.Where(e => e.Category == category).Sum(e => e.Occurrences) / (double)items;
        }
        foreach (string name in metrics.Where(m => !double.IsFinite(m.Value)).Select(m => m.Key).ToList()) metrics.Remove(name);
        return metrics;
    }

    /// <summary>Clones whose kept attempt was validated, and how many of them passed.</summary>
    public static (int Validated, int Passed) Validation(RunLogDocument run)
    {
        int validated = 0, passed = 0;
        foreach (RunClone clone in run.Clones)
        {
            bool? ok = clone.ValidationPassed ?? LastValidation(run, clone.Id)?.Passed;
            if (ok is null) continue;
            validated++;
            if (ok == true && clone.Status == "completed") passed++;
        }
        return (validated, passed);
    }

    /// <summary>|ratio - 1| of each written clone's F0 and articulation rate (schema 1: the values its last validation checked).</summary>
    public static (double[] Pitch, double[] Rate) MatchErrors(RunLogDocument run)
    {
        var written = run.Clones.Where(c => c.Status == "completed").ToList();
        double[] pitch = written.Select(c => c.PitchRatio ?? CheckValue(run, c.Id, "pitch_match")).Where(v => v is not null)
            .Select(v => Math.Abs(v!.Value - 1)).ToArray();
        double[] rate = written.Select(c => c.ArticulationRateRatio ?? CheckValue(run, c.Id, "rate_match")).Where(v => v is not null)
            .Select(v => Math.Abs(v!.Value - 1)).ToArray();
        return (pitch, rate);
    }

    /// <summary>Stages that did their work: completed, and not served from a cache.</summary>
    public static IEnumerable<RunStage> TimedStages(RunLogDocument run) => run.Stages.Where(s => s.Status == "completed" && s.Detail != "cached");

    private static void AddCloning(RunLogDocument run, Dictionary<string, double> metrics)
    {
        var written = run.Clones.Where(c => c.Status == "completed").ToList();
        if (run.Compute.RealTimeFactor is { } rtf) metrics["rtf"] = rtf;
        double[] latency = written.Select(c => c.Seconds is { } s ? s * 1000 : StageSum(run, c.Id)).ToArray();
        AddLatency(latency, metrics);
        var (validated, passed) = Validation(run);
        if (validated > 0)
        {
            metrics["validated"] = validated;
            metrics["validation_pass_rate"] = passed / (double)validated;
        }
        if (written.Count > 0) metrics["attempts_per_clone"] = written.Average(c => c.Attempts ?? Attempts(run, c.Id));
        var (pitch, rate) = MatchErrors(run);
        metrics["pitch_error_median"] = Statistics.Percentile(pitch, 50);
        metrics["pitch_error_p90"] = Statistics.Percentile(pitch, 90);
        metrics["rate_error_median"] = Statistics.Percentile(rate, 50);
        metrics["rate_error_p90"] = Statistics.Percentile(rate, 90);
        metrics["timbre_distance_median"] = Statistics.Percentile(written.Select(c => c.TimbreDistance ?? double.NaN), 50);
        metrics["timbre_vs_base_median"] = Statistics.Percentile(written
            .Where(c => c.TimbreDistance is not null && c.BaseTimbreDistance is > 0).Select(c => c.TimbreDistance!.Value / c.BaseTimbreDistance!.Value), 50);
        var heard = written.Where(c => c.CloneEmotion is not null && c.ReferenceEmotion is not null).ToList();
        if (heard.Count > 0) metrics["emotion_match_rate"] = heard.Count(c => c.CloneEmotion == c.ReferenceEmotion) / (double)heard.Count;
    }

    private static void AddItems(RunLogDocument run, Dictionary<string, double> metrics)
    {
        var done = run.Items.Where(i => i.Status == "completed").ToList();
        AddLatency(done.Select(i => i.DurationMs).ToArray(), metrics);
        if (run.Compute.AudioSeconds > 0 && run.Compute.WallSeconds > 0) metrics["throughput_x_realtime"] = run.Compute.AudioSeconds / run.Compute.WallSeconds;
        double[] speech = done.Select(i => i.Measures.GetValueOrDefault("speech_fraction", double.NaN)).ToArray();
        metrics["speech_fraction_median"] = Statistics.Percentile(speech, 50);
        var clipped = done.Where(i => i.Measures.ContainsKey("clipped")).ToList();
        if (clipped.Count > 0) metrics["clipping_share"] = clipped.Count(i => i.Measures["clipped"] > 0) / (double)clipped.Count;
        double bytes = done.Sum(i => i.Measures.GetValueOrDefault("bytes")), seconds = done.Sum(i => i.DurationMs) / 1000;
        if (bytes > 0 && seconds > 0) metrics["download_mb_per_s"] = bytes / 1048576.0 / seconds;
    }

    private static void AddTraining(RunTraining training, Dictionary<string, double> metrics)
    {
        metrics["unweighted_accuracy"] = training.UnweightedAccuracy;
        metrics["weighted_accuracy"] = training.WeightedAccuracy;
        metrics["expected_calibration_error"] = training.ExpectedCalibrationError;
        if (training.Folds.Count == 0) return;
        metrics["fold_ua_min"] = training.Folds.Min(f => f.UnweightedAccuracy);
        AddLatency(training.Folds.Select(f => f.DurationMs).ToArray(), metrics);
    }

    private static void AddLatency(double[] ms, Dictionary<string, double> metrics)
    {
        if (ms.Length == 0) return;
        metrics["latency_p50_ms"] = Statistics.Percentile(ms, 50);
        metrics["latency_p95_ms"] = Statistics.Percentile(ms, 95);
    }

    private static RunValidation? LastValidation(RunLogDocument run, string item) =>
        run.Validations.Where(v => v.Item == item).MaxBy(v => v.Attempt);

    private static double? CheckValue(RunLogDocument run, string item, string check) =>
        LastValidation(run, item)?.Checks.FirstOrDefault(c => c.Name == check)?.Value;

    private static double StageSum(RunLogDocument run, string item) => run.Stages.Where(s => s.Item == item).Sum(s => s.DurationMs);

    private static int Attempts(RunLogDocument run, string item) =>
        run.Stages.Where(s => s.Item == item && s.Name == "synthesis").Select(s => s.Attempt).DefaultIfEmpty(1).Max();
}
