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
    /// <summary>A share of a count is anomalous when the baseline's rate makes a count this far out less likely than this.</summary>
    public const double ProportionSignificance = 0.001;
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
            bool higherIsWorse = definition.Better == BetterDirection.Lower;
            var (baselineValue, threshold) = rule.CountMetric is { } count
                ? ProportionThreshold(rule, higherIsWorse, (int)current.GetValueOrDefault(count), baseline.Where(b => b.ContainsKey(metric) && b.ContainsKey(count))
                    .Select(b => (b[metric], b[count])).ToList())
                : RobustThreshold(rule, higherIsWorse, history);
            if (higherIsWorse ? value > threshold : value < threshold)
            {
                anomalies.Add(new RunAnomalyRecord
                {
                    Metric = metric, Value = value, Baseline = baselineValue, Threshold = threshold, Direction = higherIsWorse ? "above" : "below",
                    BaselineRuns = history.Length,
                });
            }
        }
        return anomalies;
    }

    /// <summary>The baseline median, and beyond it 4 robust standard deviations or the floor, whichever is wider.</summary>
    private static (double Median, double Threshold) RobustThreshold(AnomalyRule rule, bool higherIsWorse, double[] history)
    {
        var (median, sigma) = Robust(history);
        double margin = Math.Max(RobustSigmas * sigma, rule.Relative ? rule.Floor * Math.Abs(median) : rule.Floor);
        return (median, higherIsWorse ? median + margin : median - margin);
    }

    /// <summary>
    /// The baseline's pooled rate, and the rate beyond which a run of <paramref name="n"/> has both left the floor and a
    /// tail probability under <see cref="ProportionSignificance"/> given the baseline's counts (<see cref="BetaBinomialTail"/>,
    /// which allows for a short baseline's own uncertainty), and, above, at least the rule's minimum count.
    /// </summary>
    private static (double Rate, double Threshold) ProportionThreshold(AnomalyRule rule, bool higherIsWorse, int n, List<(double Rate, double Count)> history)
    {
        double trials = history.Sum(h => h.Count), events = history.Sum(h => Math.Clamp(h.Rate, 0, 1) * h.Count);
        double p = trials > 0 ? events / trials : 0;
        if (n <= 0) return (p, higherIsWorse ? double.PositiveInfinity : double.NegativeInfinity);
        if (higherIsWorse)
        {
            double[] upper = BetaBinomialTail.AtLeast(n, events, trials - events);
            int first = Enumerable.Range(0, n + 1).FirstOrDefault(k => upper[k] < ProportionSignificance, n + 1);
            // Flagged when value > threshold: counts from `first` on, at least MinimumCount, and past the floor.
            return (p, Math.Max(Math.Max(first - 1, rule.MinimumCount - 1) / (double)n, p + rule.Floor));
        }
        double[] lower = BetaBinomialTail.AtMost(n, events, trials - events);
        int last = Enumerable.Range(0, n + 1).Reverse().FirstOrDefault(k => lower[k] < ProportionSignificance, -1);
        return (p, Math.Min((last + 1) / (double)n, p - rule.Floor));
    }

    /// <summary>
    /// Stage instances far slower than the rest of their stage in the same run. A stage that knows how much audio it
    /// produced or read is timed per second of it (a long text is not an anomaly); one served from a cache is not timed.
    /// </summary>
    public static List<RunAnomalyRecord> WithinRun(RunLogDocument run)
    {
        var anomalies = new List<RunAnomalyRecord>();
        foreach (var stage in RunMetrics.TimedStages(run).GroupBy(s => (s.Name, PerSecond: s.AudioSeconds is not null)))
        {
            var cost = stage.Select(s => (Stage: s, Value: s.DurationMs / (s.AudioSeconds ?? 1))).ToArray();
            if (cost.Length < MinimumStageSamples) continue;
            var (median, sigma) = Robust(cost.Select(c => c.Value).ToArray());
            double threshold = median + Math.Max(StageRobustSigmas * sigma, StageRelativeFloor * median);
            string metric = $"{RunMetrics.StagePrefix}{stage.Key.Name}.{(stage.Key.PerSecond ? "ms_per_audio_s" : "duration_ms")}";
            anomalies.AddRange(cost.Where(c => c.Value > threshold).OrderByDescending(c => c.Value).Take(MaxOutliersPerStage)
                .Select(c => new RunAnomalyRecord
                {
                    Metric = metric, Value = c.Value, Baseline = median, Threshold = threshold, Direction = "above", BaselineRuns = 0, Item = c.Stage.Item,
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
