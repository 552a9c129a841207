using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Runs;

/// <summary>
/// Robust anomaly detection (median and MAD, Hampel's identifier; Leys et al. 2013): a run's metrics against a rolling
/// baseline of earlier comparable runs, and each stage's durations within one run against the rest of that stage. The
/// scale is 1.4826 x MAD (the standard deviation of a normal distribution with that MAD), so one outlier in the baseline
/// barely moves it; each metric's floor (<see cref="RunMetricCatalog"/>) keeps a very steady history from alarming on noise.
/// </summary>
public static class AnomalyDetector
{
    /// <summary>No run is judged before this many earlier comparable runs have a value of the metric.</summary>
    public const int MinimumBaselineRuns = 5;
    /// <summary>The baseline is the newest this many comparable runs.</summary>
    public const int BaselineWindow = 20;
    /// <summary>How many robust standard deviations from the baseline median a value must be (in the worse direction).</summary>
    public const double RobustSigmas = 4;
    /// <summary>MAD to standard deviation for normally distributed data: 1 / Phi^-1(3/4).</summary>
    public const double MadToSigma = 1.4826;
    /// <summary>A stage is judged within its run once it ran this many times.</summary>
    public const int MinimumStageSamples = 8;
    /// <summary>A stage instance is an outlier beyond this many robust standard deviations AND beyond 3x the stage's median.</summary>
    public const double StageRobustSigmas = 6;
    public const double StageRelativeFloor = 2;
    /// <summary>At most this many outliers are reported per stage (the slowest), so one bad run does not flood the log.</summary>
    public const int MaxOutliersPerStage = 3;

    /// <summary>The robust centre and scale of <paramref name="values"/>: (median, 1.4826 x MAD).</summary>
    public static (double Median, double Sigma) Robust(IReadOnlyCollection<double> values)
    {
        double median = Statistics.Percentile(values, 50);
        double mad = Statistics.Percentile(values.Select(v => Math.Abs(v - median)), 50);
        return (median, MadToSigma * mad);
    }

    /// <summary>The metrics of <paramref name="current"/> that lie beyond their thresholds against <paramref name="baseline"/>.</summary>
    public static List<RunAnomalyRecord> AgainstBaseline(IReadOnlyDictionary<string, double> current, IReadOnlyList<IReadOnlyDictionary<string, double>> baseline)
    {
        var anomalies = new List<RunAnomalyRecord>();
        if (baseline.Count < MinimumBaselineRuns) return anomalies;
        foreach (var (metric, value) in current)
        {
            if (RunMetricCatalog.Find(metric) is not { Rule: { } rule } definition || definition.Better == BetterDirection.Neither) continue;
            double[] history = baseline.Where(b => b.ContainsKey(metric)).Select(b => b[metric]).ToArray();
            if (history.Length < MinimumBaselineRuns) continue;
            if (rule.MinimumCount > 0 && value * current.GetValueOrDefault("items") < rule.MinimumCount) continue;
            var (median, sigma) = Robust(history);
            double margin = Math.Max(RobustSigmas * sigma, rule.Relative ? rule.Floor * Math.Abs(median) : rule.Floor);
            bool higherIsWorse = definition.Better == BetterDirection.Lower;
            double threshold = higherIsWorse ? median + margin : median - margin;
            if (higherIsWorse ? value > threshold : value < threshold)
            {
                anomalies.Add(new RunAnomalyRecord
                {
                    Metric = metric, Value = value, Baseline = median, Threshold = threshold, Direction = higherIsWorse ? "above" : "below",
                    BaselineRuns = history.Length,
                });
            }
        }
        return anomalies;
    }

    /// <summary>Stage instances far slower than the rest of their stage in the same run.</summary>
    public static List<RunAnomalyRecord> WithinRun(RunLogDocument run)
    {
        var anomalies = new List<RunAnomalyRecord>();
        foreach (var stage in run.Stages.Where(s => s.Status == "completed").GroupBy(s => s.Name))
        {
            var durations = stage.Select(s => s.DurationMs).ToArray();
            if (durations.Length < MinimumStageSamples) continue;
            var (median, sigma) = Robust(durations);
            double threshold = median + Math.Max(StageRobustSigmas * sigma, StageRelativeFloor * median);
            anomalies.AddRange(stage.Where(s => s.DurationMs > threshold).OrderByDescending(s => s.DurationMs).Take(MaxOutliersPerStage)
                .Select(s => new RunAnomalyRecord
                {
                    Metric = $"{RunMetrics.StagePrefix}{stage.Key}.duration_ms", Value = s.DurationMs, Baseline = median, Threshold = threshold,
                    Direction = "above", BaselineRuns = 0, Item = s.Item,
                }));
        }
        return anomalies;
    }

    /// <summary>The one line an anomaly is logged as: [Anomaly] &lt;metric&gt; value=… baseline=… threshold=…, then what it was judged against.</summary>
    public static string Describe(RunAnomalyRecord a, string runId) =>
        FormattableString.Invariant($"[Anomaly] {a.Metric} value={a.Value:G4} baseline={a.Baseline:G4} threshold={a.Threshold:G4} ") +
        (a.BaselineRuns > 0
            ? $"(run {runId}; {(a.Direction == "above" ? "higher" : "lower")} is worse; median of {a.BaselineRuns} earlier comparable runs)"
            : $"(run {runId}; {a.Item} took far longer than the rest of its stage in this run)");
}
