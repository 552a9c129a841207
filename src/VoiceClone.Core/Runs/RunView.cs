namespace VoiceClone.Core.Runs;

/// <summary>A run log as the typed object Get-VoiceCloneRun emits.</summary>
public static class RunView
{
    public static VoiceCloneRun From(RunLogRecord record)
    {
        RunLogDocument run = record.Document;
        Dictionary<string, double> metrics = RunMetrics.Compute(run);
        double Metric(string name) => metrics.GetValueOrDefault(name, double.NaN);
        var (validated, passed) = RunMetrics.Validation(run);
        var stages = RunMetrics.TimedStages(run).GroupBy(s => s.Name).ToList();
        var folds = run.Training?.Folds ?? [];
        return new VoiceCloneRun
        {
            Id = run.RunId, Command = run.Command, Status = record.Status, Started = run.Started, Ended = run.Ended,
            DurationSeconds = run.Ended is { } ended ? (ended - run.Started).TotalSeconds : run.Compute.WallSeconds,
            Engine = run.Engine ?? run.Parameters.GetValueOrDefault("engine"), Model = run.Model, Device = run.Device,
            Host = run.Machine.GetValueOrDefault("host"),
            Items = (int)metrics.GetValueOrDefault("items"), Clones = run.Clones.Count, Errors = run.Errors.Sum(e => e.Occurrences),
            Retries = run.Retries.Count, ValidationFailures = validated - passed,
            AudioSeconds = run.Compute.AudioSeconds, CpuSeconds = run.Compute.CpuSeconds,
            RealTimeFactor = run.Compute.RealTimeFactor ?? double.NaN, ThroughputRealTime = Metric("throughput_x_realtime"),
            LatencyP50Ms = Metric("latency_p50_ms"), LatencyP95Ms = Metric("latency_p95_ms"), PeakMemoryMb = Metric("peak_memory_mb"),
            StageSeconds = stages.ToDictionary(g => g.Key, g => g.Sum(s => s.DurationMs) / 1000),
            StageP50Ms = stages.ToDictionary(g => g.Key, g => Metric($"{RunMetrics.StagePrefix}{g.Key}.p50_ms")),
            StageP95Ms = stages.ToDictionary(g => g.Key, g => Metric($"{RunMetrics.StagePrefix}{g.Key}.p95_ms")),
            ErrorsByCategory = run.Errors.GroupBy(e => e.Category).ToDictionary(g => g.Key, g => g.Sum(e => e.Occurrences)),
            ValidationPassRate = Metric("validation_pass_rate"), AttemptsPerClone = Metric("attempts_per_clone"),
            PitchErrorMedian = Metric("pitch_error_median"), PitchErrorP90 = Metric("pitch_error_p90"),
            RateErrorMedian = Metric("rate_error_median"), RateErrorP90 = Metric("rate_error_p90"),
            TimbreDistanceMedian = Metric("timbre_distance_median"), TimbreVsBaseMedian = Metric("timbre_vs_base_median"),
            SpeechFractionMedian = Metric("speech_fraction_median"), ClippingShare = Metric("clipping_share"),
            UnweightedAccuracy = Metric("unweighted_accuracy"), ExpectedCalibrationError = Metric("expected_calibration_error"),
            FoldUnweightedAccuracy = folds.ToDictionary(f => f.HeldOut, f => f.UnweightedAccuracy),
            FoldExpectedCalibrationError = folds.ToDictionary(f => f.HeldOut, f => f.ExpectedCalibrationError),
            Metrics = metrics,
            Anomalies = run.Anomalies.Select(a => Anomaly(run, a)).ToList(),
            Path = record.Path, SchemaVersion = run.SchemaVersion, Note = record.Note,
        };
    }

    public static RunAnomaly Anomaly(RunLogDocument run, RunAnomalyRecord a) => new()
    {
        RunId = run.RunId, Started = run.Started, Metric = a.Metric, Value = a.Value, Baseline = a.Baseline, Threshold = a.Threshold,
        Direction = a.Direction, BaselineRuns = a.BaselineRuns, Item = a.Item,
    };
}
