namespace VoiceClone.Core.Runs;

/// <summary>Which way a metric gets better.</summary>
public enum BetterDirection { Lower, Higher, Neither }

/// <summary>
/// When a run's metric is anomalous against its baseline: further from the baseline median, in the worse direction, than
/// <see cref="AnomalyDetector.RobustSigmas"/> robust standard deviations (1.4826 x MAD) AND than the floor, which is
/// <see cref="Floor"/> itself (<see cref="Relative"/> false) or that share of the baseline median (true). The floor keeps a
/// very steady history (MAD near 0) from turning noise into alarms. A share of a count (<see cref="CountMetric"/>: clones
/// validated, items) is judged against the baseline's pooled counts instead, by a beta-binomial tail at
/// <see cref="AnomalyDetector.ProportionSignificance"/>, since a run of twelve clones moves its pass rate in steps of 8
/// points by chance alone; it also needs the floor, and <see cref="MinimumCount"/> events, so two errors are no surge.
/// </summary>
public sealed record AnomalyRule(double Floor, bool Relative, int MinimumCount = 0, string? CountMetric = null);

/// <summary>One metric of a run: its name, which way is better, its unit, its anomaly rule (none: never judged) and meaning.</summary>
public sealed record RunMetricDefinition(string Name, BetterDirection Better, string Unit, AnomalyRule? Rule, string Meaning);

/// <summary>
/// Every metric a run summary can hold (<see cref="RunMetrics"/>), with the direction that is better and the documented
/// anomaly thresholds. Names with a part in angle brackets stand for a family: stage.&lt;stage&gt;.p95_ms, errors.&lt;category&gt;.
/// </summary>
public static class RunMetricCatalog
{
    // Latency and real-time factor: half as slow again as usual; memory: a quarter more.
    private static readonly AnomalyRule Slower = new(0.5, Relative: true);
    private static readonly AnomalyRule EventSurge = new(0.10, Relative: false, MinimumCount: 3, CountMetric: "items");

    public static IReadOnlyList<RunMetricDefinition> All { get; } =
    [
        new("items", BetterDirection.Neither, "count", null, "clones, files or folds the run worked on"),
        new("wall_seconds", BetterDirection.Neither, "s", null, "wall time of the whole call"),
        new("cpu_seconds", BetterDirection.Neither, "s", null, "process CPU time during the call"),
        new("audio_seconds", BetterDirection.Neither, "s", null, "audio produced (cloning) or analysed"),
        new("rtf", BetterDirection.Lower, "x", Slower, "real-time factor: wall seconds per second of audio produced"),
        new("throughput_x_realtime", BetterDirection.Higher, "x", new(1.0 / 3, Relative: true), "seconds of audio analysed per wall second"),
        new("latency_p50_ms", BetterDirection.Lower, "ms", Slower, "median time per clone, file or fold"),
        new("latency_p95_ms", BetterDirection.Lower, "ms", Slower, "95th percentile time per clone, file or fold"),
        new("stage.<stage>.p50_ms", BetterDirection.Lower, "ms", Slower, "median time of one stage"),
        new("stage.<stage>.p95_ms", BetterDirection.Lower, "ms", Slower, "95th percentile time of one stage"),
        new("peak_memory_mb", BetterDirection.Lower, "MB", new(0.25, Relative: true), "the process's peak resident memory"),
        new("validated", BetterDirection.Neither, "count", null, "clones whose kept attempt was validated"),
        new("validation_pass_rate", BetterDirection.Higher, "share", new(0.15, Relative: false, CountMetric: "validated"),
            "clones whose kept attempt passed validation"),
        new("attempts_per_clone", BetterDirection.Lower, "count", new(0.5, Relative: false), "synthesis attempts per clone written"),
        new("pitch_error_median", BetterDirection.Lower, "share", new(0.03, Relative: false), "median |clone F0 / reference F0 - 1|"),
        new("pitch_error_p90", BetterDirection.Lower, "share", new(0.05, Relative: false), "90th percentile |F0 ratio - 1|"),
        new("rate_error_median", BetterDirection.Lower, "share", new(0.05, Relative: false), "median |articulation-rate ratio - 1|"),
        new("rate_error_p90", BetterDirection.Lower, "share", new(0.08, Relative: false), "90th percentile |articulation-rate ratio - 1|"),
        new("timbre_distance_median", BetterDirection.Lower, "dB", new(0.25, Relative: true), "median MFCC distance of clone to reference"),
        new("timbre_vs_base_median", BetterDirection.Lower, "ratio", new(0.15, Relative: false), "median clone distance over base-voice distance"),
        new("emotion_match_rate", BetterDirection.Higher, "share", null, "clones heard with their reference's emotion"),
        new("error_rate", BetterDirection.Lower, "per item", EventSurge, "error occurrences per item, recovered ones included"),
        new("errors.<category>", BetterDirection.Lower, "per item", EventSurge, "error occurrences of one category per item"),
        new("speech_fraction_median", BetterDirection.Neither, "share", null, "median share of each recording that is speech"),
        new("clipping_share", BetterDirection.Lower, "share", EventSurge, "recordings whose clipped-sample share is over 0.1 %"),
        new("unweighted_accuracy", BetterDirection.Higher, "share", new(0.05, Relative: false), "emotion training: mean recall over classes"),
        new("weighted_accuracy", BetterDirection.Higher, "share", new(0.05, Relative: false), "emotion training: share of clips right"),
        new("expected_calibration_error", BetterDirection.Lower, "share", new(0.03, Relative: false), "emotion training: ECE, 10 bins"),
        new("fold_ua_min", BetterDirection.Higher, "share", null, "emotion training: the worst speaker's unweighted accuracy"),
        new("download_mb_per_s", BetterDirection.Higher, "MB/s", null, "download speed (the network's, so never judged)"),
    ];

    private static readonly Dictionary<string, RunMetricDefinition> Exact = All.Where(d => !d.Name.Contains('<')).ToDictionary(d => d.Name);

    /// <summary>The definition of <paramref name="metric"/>, a family member included; null for a name no run writes.</summary>
    public static RunMetricDefinition? Find(string metric)
    {
        if (Exact.TryGetValue(metric, out RunMetricDefinition? exact)) return exact;
        if (metric.StartsWith("stage.", StringComparison.Ordinal))
            return All.FirstOrDefault(d => d.Name.StartsWith("stage.", StringComparison.Ordinal) && metric.EndsWith(d.Name[(d.Name.LastIndexOf('.'))..], StringComparison.Ordinal));
        return metric.StartsWith("errors.", StringComparison.Ordinal) ? All.First(d => d.Name == "errors.<category>") : null;
    }
}
