using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Runs;

/// <summary>
/// Two runs, or two groups of runs (engine A against engine B, before against after an upgrade), metric by metric: a
/// group stands for the median of its runs; the verdict says whether the difference side is better or worse, in the
/// metric's own better direction, or unchanged when the two are within <see cref="UnchangedShare"/> of each other.
/// </summary>
public static class RunComparer
{
    public const double UnchangedShare = 0.02;

    public static List<RunComparison> Compare(IReadOnlyList<IReadOnlyDictionary<string, double>> reference,
        IReadOnlyList<IReadOnlyDictionary<string, double>> difference)
    {
        var names = reference.SelectMany(r => r.Keys).Intersect(difference.SelectMany(d => d.Keys)).ToList();
        var rows = new List<RunComparison>();
        foreach (string metric in names.OrderBy(Rank).ThenBy(n => n, StringComparer.Ordinal))
        {
            double a = Statistics.Percentile(reference.Where(r => r.ContainsKey(metric)).Select(r => r[metric]), 50);
            double b = Statistics.Percentile(difference.Where(d => d.ContainsKey(metric)).Select(d => d[metric]), 50);
            if (a == 0 && b == 0) continue; // an error category neither side met
            RunMetricDefinition? definition = RunMetricCatalog.Find(metric);
            BetterDirection better = definition?.Better ?? BetterDirection.Neither;
            double delta = b - a;
            bool same = Math.Abs(delta) <= UnchangedShare * Math.Max(Math.Abs(a), Math.Abs(b));
            rows.Add(new RunComparison
            {
                Metric = metric, Reference = a, Difference = b, Delta = delta, RelativeChange = a != 0 ? delta / Math.Abs(a) : double.NaN,
                Better = better.ToString().ToLowerInvariant(), Unit = definition?.Unit ?? "",
                Verdict = same ? "unchanged" : better switch
                {
                    BetterDirection.Lower => delta < 0 ? "better" : "worse",
                    BetterDirection.Higher => delta > 0 ? "better" : "worse",
                    _ => "changed",
                },
                ReferenceRuns = reference.Count(r => r.ContainsKey(metric)), DifferenceRuns = difference.Count(d => d.ContainsKey(metric)),
            });
        }
        return rows;
    }

    // The catalogue's order (cost, then quality, then errors), each stage family after its place.
    private static int Rank(string metric) =>
        RunMetricCatalog.Find(metric) is { } definition ? IndexOf(definition) : int.MaxValue;

    private static int IndexOf(RunMetricDefinition definition)
    {
        for (int i = 0; i < RunMetricCatalog.All.Count; i++) if (RunMetricCatalog.All[i] == definition) return i;
        return int.MaxValue;
    }
}
