using System.Globalization;
using System.Net;
using System.Text;
using VoiceClone.Core.Emotion;

namespace VoiceClone.Core.Runs;

/// <summary>What <see cref="RunReport.Build"/> made: the page and what it holds.</summary>
public sealed record RunReportPage(string Html, int Images, int Anomalies);

/// <summary>
/// The operator's report: one self-contained HTML page (inline CSS, plots as PNG data URIs, no script, and a
/// Content-Security-Policy that forbids loading anything else) with the runs over time (RTF, latency p95, peak memory,
/// throughput), validation pass rate and match-error distributions, errors by category with their suggested fixes, the
/// anomalies, the emotions of references and clones, and the newest emotion training's confusion matrix and folds.
/// </summary>
public static class RunReport
{
    /// <summary>At most this many runs are listed one per row (the plots show them all).</summary>
    public const int MaxRunRows = 200;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static RunReportPage Build(IReadOnlyList<RunLogRecord> records, DateTimeOffset generated, string source)
    {
        var runs = records.OrderBy(r => r.Document.Started).Select(r => (Record: r, Metrics: RunMetrics.Compute(r.Document))).ToList();
        var page = new Page();
        page.Html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">")
            .Append("<title>VoiceClone runs</title><style>").Append(Style).Append("</style></head><body>\n<h1>VoiceClone runs</h1>\n");
        string span = runs.Count == 0 ? "No runs match this selection."
            : $"{runs.Count} run(s) from {Time(runs[0].Record.Document.Started)} to {Time(runs[^1].Record.Document.Started)} UTC.";
        page.Html.Append($"<p class=\"meta\">{Encode(span)} Generated {Time(generated)} UTC from {Encode(source)}.</p>\n");
        RunsTable(page, runs);
        OverTime(page, runs);
        Validation(page, runs);
        Errors(page, runs.Select(r => r.Record.Document).ToList());
        Anomalies(page, runs.Select(r => r.Record.Document).ToList());
        Emotions(page, runs.Select(r => r.Record.Document).ToList());
        Training(page, runs.Select(r => r.Record.Document).ToList());
        page.Html.Append("</body></html>\n");
        return new RunReportPage(page.Html.ToString(), page.Images, runs.Sum(r => r.Record.Document.Anomalies.Count));
    }

    private sealed class Page
    {
        public StringBuilder Html { get; } = new();
        public int Images { get; private set; }

        public void Image(byte[] png, string alt, int width, int height)
        {
            Html.Append($"<figure><img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" alt=\"{Encode(alt)}\" ")
                .Append($"width=\"{width}\" height=\"{height}\"></figure>\n");
            Images++;
        }

        public void None(string text) => Html.Append($"<p class=\"none\">{Encode(text)}</p>\n");
    }

    private static void RunsTable(Page page, List<(RunLogRecord Record, Dictionary<string, double> Metrics)> runs)
    {
        page.Html.Append("<h2>Runs</h2>\n");
        if (runs.Count == 0) return;
        page.Html.Append("<table><tr><th>Started (UTC)</th><th>Run</th><th>Command</th><th>Engine</th><th>Status</th><th>Items</th>")
            .Append("<th>Errors</th><th>RTF</th><th>Latency p95</th><th>Peak MB</th><th>Anomalies</th></tr>\n");
        foreach (var (record, metrics) in runs.TakeLast(MaxRunRows).Reverse())
        {
            RunLogDocument run = record.Document;
            string status = record.Status is "completed" ? "ok" : record.Status is "completed_with_errors" or "stopped" ? "warn" : "bad";
            page.Html.Append($"<tr><td>{Time(run.Started)}</td><td class=\"id\">{Encode(run.RunId)}</td><td>{Encode(run.Command)}</td>")
                .Append($"<td>{Encode(run.Engine ?? "")}</td><td class=\"{status}\">{Encode(record.Status)}</td>")
                .Append($"<td>{metrics.GetValueOrDefault("items"):0}</td><td>{run.Errors.Sum(e => e.Occurrences)}</td>")
                .Append($"<td>{Number(metrics, "rtf", "0.000")}</td><td>{Number(metrics, "latency_p95_ms", "0")} ms</td>")
                .Append($"<td>{Number(metrics, "peak_memory_mb", "0")}</td>")
                .Append($"<td class=\"{(run.Anomalies.Count > 0 ? "bad" : "")}\">{run.Anomalies.Count}</td></tr>\n");
        }
        page.Html.Append("</table>\n");
        if (runs.Count > MaxRunRows) page.None($"The {runs.Count - MaxRunRows} oldest runs are in the plots only.");
    }

    private static void OverTime(Page page, List<(RunLogRecord Record, Dictionary<string, double> Metrics)> runs)
    {
        page.Html.Append("<h2>Over time</h2>\n");
        (string Metric, string Title, string Unit, Func<RunLogDocument, string> Series, Func<RunLogDocument, bool> Shown)[] plots =
        [
            ("rtf", "Real-time factor of clone runs (lower is better)", "wall s per audio s", r => r.Engine ?? "clone", r => r.Clones.Count > 0),
            // Folds (minutes) and downloads would flatten the per-clone and per-file lines; their tables show them.
            ("latency_p95_ms", "Latency p95 per clone or file (lower is better)", "ms", r => r.Command, r => r.Training is null && !IsInstall(r)),
            ("peak_memory_mb", "Peak memory (lower is better)", "MB", r => r.Command, _ => true),
            ("throughput_x_realtime", "Analysis throughput (higher is better)", "x real time", r => r.Command, _ => true),
        ];
        bool any = false;
        foreach (var (metric, title, unit, seriesOf, shown) in plots)
        {
            var points = runs.Where(r => r.Metrics.ContainsKey(metric) && shown(r.Record.Document)).ToList();
            if (points.Count == 0) continue;
            any = true;
            var series = points.GroupBy(p => seriesOf(p.Record.Document)).Select(g => new PlotSeries(g.Key,
                g.Select(p => p.Record.Document.Started.UtcDateTime.ToOADate()).ToArray(), g.Select(p => p.Metrics[metric]).ToArray())).ToList();
            var flagged = points.Where(p => p.Record.Document.Anomalies.Any(a => a.Metric == metric)).ToList();
            page.Image(RunReportPlots.OverTime(title, unit, series, new PlotSeries("anomaly",
                flagged.Select(p => p.Record.Document.Started.UtcDateTime.ToOADate()).ToArray(), flagged.Select(p => p.Metrics[metric]).ToArray())),
                title, RunReportPlots.Width, RunReportPlots.Height);
        }
        if (!any) page.None("No run has finished yet.");
    }

    private static void Validation(Page page, List<(RunLogRecord Record, Dictionary<string, double> Metrics)> runs)
    {
        page.Html.Append("<h2>Validation and voice match</h2>\n");
        var cloneRuns = runs.Where(r => r.Metrics.ContainsKey("validation_pass_rate")).ToList();
        if (cloneRuns.Count == 0)
        {
            page.None("No clone runs in this selection.");
            return;
        }
        var flagged = cloneRuns.Where(r => r.Record.Document.Anomalies.Any(a => a.Metric == "validation_pass_rate")).ToList();
        page.Image(RunReportPlots.OverTime("Validation pass rate of clone runs (higher is better)", "share of clones", cloneRuns
                .GroupBy(r => r.Record.Document.Engine ?? "clone")
                .Select(g => new PlotSeries(g.Key, g.Select(r => r.Record.Document.Started.UtcDateTime.ToOADate()).ToArray(),
                    g.Select(r => r.Metrics["validation_pass_rate"]).ToArray())).ToList(),
            new PlotSeries("anomaly", flagged.Select(r => r.Record.Document.Started.UtcDateTime.ToOADate()).ToArray(),
                flagged.Select(r => r.Metrics["validation_pass_rate"]).ToArray())),
            "Validation pass rate over time", RunReportPlots.Width, RunReportPlots.Height);
        var errors = cloneRuns.Select(r => RunMetrics.MatchErrors(r.Record.Document)).ToList();
        double[] pitch = errors.SelectMany(e => e.Pitch).ToArray(), rate = errors.SelectMany(e => e.Rate).ToArray();
        if (pitch.Length + rate.Length == 0) return;
        // Bins of 1 %; the validator's tolerances as the checks recorded them ("1 +- 0.05").
        var limits = new[] { ("F0 tolerance", Tolerance(cloneRuns, "pitch_match")), ("rate tolerance", Tolerance(cloneRuns, "rate_match")) }
            .Where(l => l.Item2 is not null).Select(l => (l.Item1, l.Item2!.Value)).ToList();
        page.Image(RunReportPlots.Histogram($"Match error of {pitch.Length} clone(s): |clone / reference - 1|", "error (share)",
                [("median F0", pitch), ("articulation rate", rate)], 0.01, limits),
            "Distribution of pitch and rate match errors", RunReportPlots.Width, RunReportPlots.Height);
    }

    private static void Errors(Page page, List<RunLogDocument> runs)
    {
        page.Html.Append("<h2>Errors</h2>\n");
        var errors = runs.SelectMany(r => r.Errors.Select(e => (Run: r, Error: e))).ToList();
        if (errors.Count == 0)
        {
            page.None("No errors.");
            return;
        }
        string[] categories = [.. RunMetrics.Categories];
        page.Image(RunReportPlots.GroupedBars("Error occurrences by category", "occurrences", categories,
                [("errors", categories.Select(c => (double)errors.Where(e => e.Error.Category == c).Sum(e => e.Error.Occurrences)).ToArray())]),
            "Error occurrences by category", RunReportPlots.Width, RunReportPlots.Height);
        page.Html.Append("<table><tr><th>Category</th><th>Error</th><th>Occurrences</th><th>Runs</th><th>Recovered</th>")
            .Append("<th>Example</th><th>Suggested fix</th></tr>\n");
        foreach (var group in errors.GroupBy(e => (e.Error.Category, e.Error.ErrorId)).OrderByDescending(g => g.Sum(e => e.Error.Occurrences)))
        {
            RunError first = group.First().Error;
            string example = first.Message.Length > 200 ? first.Message[..197] + "..." : first.Message;
            page.Html.Append($"<tr><td>{Encode(group.Key.Category)}</td><td class=\"id\">{Encode(group.Key.ErrorId)}</td>")
                .Append($"<td>{group.Sum(e => e.Error.Occurrences)}</td><td>{group.Select(e => e.Run.RunId).Distinct().Count()}</td>")
                .Append($"<td>{group.Where(e => e.Error.AutoRecoverable).Sum(e => e.Error.Occurrences)}</td><td>{Encode(example)}</td>")
                .Append($"<td>{Encode(first.SuggestedFix)}</td></tr>\n");
        }
        page.Html.Append("</table>\n");
    }

    private static void Anomalies(Page page, List<RunLogDocument> runs)
    {
        page.Html.Append("<h2>Anomalies</h2>\n");
        var anomalies = runs.SelectMany(r => r.Anomalies.Select(a => (Run: r, Anomaly: a))).Reverse().ToList();
        if (anomalies.Count == 0)
        {
            page.None($"None: no run strayed from its baseline (judged once {AnomalyDetector.MinimumBaselineRuns} comparable runs are known).");
            return;
        }
        page.Html.Append("<table><tr><th>Started (UTC)</th><th>Run</th><th>Command</th><th>Metric</th><th>Value</th><th>Baseline</th>")
            .Append("<th>Threshold</th><th>Judged against</th></tr>\n");
        foreach (var (run, a) in anomalies)
        {
            string against = a.BaselineRuns > 0 ? $"{a.BaselineRuns} earlier runs" : $"its own stage ({a.Item})";
            page.Html.Append($"<tr><td>{Time(run.Started)}</td><td class=\"id\">{Encode(run.RunId)}</td><td>{Encode(run.Command)}</td>")
                .Append($"<td class=\"bad\">{Encode(a.Metric)}</td><td>{a.Value.ToString("G4", Invariant)}</td>")
                .Append($"<td>{a.Baseline.ToString("G4", Invariant)}</td><td>{a.Threshold.ToString("G4", Invariant)}</td>")
                .Append($"<td>{Encode(against)}</td></tr>\n");
        }
        page.Html.Append("</table>\n");
    }

    private static void Emotions(Page page, List<RunLogDocument> runs)
    {
        page.Html.Append("<h2>Emotions</h2>\n");
        var clones = runs.SelectMany(r => r.Clones).Where(c => c.Status == "completed").ToList();
        var series = new List<(string Name, string[] Labels)>
        {
            ("references", clones.Where(c => c.ReferenceEmotion is not null).DistinctBy(c => c.Reference).Select(c => c.ReferenceEmotion!).ToArray()),
            ("clones", clones.Where(c => c.CloneEmotion is not null).Select(c => c.CloneEmotion!).ToArray()),
            ("recordings analysed", runs.Where(r => r.Command == "Get-VoiceEmotion").SelectMany(r => r.Items)
                .Where(i => i.Label is not null).Select(i => i.Label!).ToArray()),
        };
        series.RemoveAll(s => s.Labels.Length == 0);
        if (series.Count == 0)
        {
            page.None("No emotions were recognised in this selection.");
            return;
        }
        string[] labels = [.. EmotionLabels.All];
        page.Image(RunReportPlots.GroupedBars("Emotion distribution (share of each group)", "share", labels, series
                .Select(s => ($"{s.Name} ({s.Labels.Length})", labels.Select(l => s.Labels.Count(x => x == l) / (double)s.Labels.Length).ToArray()))
                .ToList()),
            "Emotion distribution of references and clones", RunReportPlots.Width, RunReportPlots.Height);
    }

    private static void Training(Page page, List<RunLogDocument> runs)
    {
        RunLogDocument? trained = runs.LastOrDefault(r => r.Training is { ConfusionMatrix.Length: > 0 });
        if (trained?.Training is not { } training) return;
        page.Html.Append($"<h2>Emotion model</h2>\n<p class=\"meta\">Run {Encode(trained.RunId)} ({Time(trained.Started)} UTC): ")
            .Append(Encode($"{training.Clips} clips of {training.Speakers} speakers; leave-one-speaker-out unweighted accuracy " +
                $"{training.UnweightedAccuracy.ToString("P1", Invariant)}, expected calibration error {training.ExpectedCalibrationError.ToString("F3", Invariant)}."))
            .Append("</p>\n");
        page.Image(ConfusionMatrixPlot.Png(training.Labels, training.ConfusionMatrix, training.UnweightedAccuracy, 620, 520),
            "Confusion matrix of the emotion model", 620, 520);
        if (training.Folds.Count == 0) return;
        page.Html.Append("<table><tr><th>Held-out speaker</th><th>Clips</th><th>Unweighted accuracy</th><th>ECE</th><th>Seconds</th></tr>\n");
        foreach (RunFold fold in training.Folds)
        {
            page.Html.Append($"<tr><td>{Encode(fold.HeldOut)}</td><td>{fold.Clips}</td><td>{fold.UnweightedAccuracy.ToString("P1", Invariant)}</td>")
                .Append($"<td>{fold.ExpectedCalibrationError.ToString("F3", Invariant)}</td><td>{(fold.DurationMs / 1000).ToString("F1", Invariant)}</td></tr>\n");
        }
        page.Html.Append("</table>\n");
    }

    private static bool IsInstall(RunLogDocument run) => run.Items.Any(i => i.Measures.ContainsKey("bytes"));

    private static double? Tolerance(List<(RunLogRecord Record, Dictionary<string, double> Metrics)> runs, string check)
    {
        string? limit = runs.SelectMany(r => r.Record.Document.Validations).SelectMany(v => v.Checks).FirstOrDefault(c => c.Name == check)?.Limit;
        int at = limit?.IndexOf("+-", StringComparison.Ordinal) ?? -1;
        return at >= 0 && double.TryParse(limit![(at + 2)..].Trim(), NumberStyles.Float, Invariant, out double tolerance) ? tolerance : null;
    }

    private static string Number(Dictionary<string, double> metrics, string name, string format) =>
        metrics.TryGetValue(name, out double value) ? value.ToString(format, Invariant) : "-";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string Style =
        "body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em;" +
        "border-bottom:1px solid #ccc}table{border-collapse:collapse;font-size:.85em;margin:.5em 0}th,td{border:1px solid #ddd;" +
        "padding:3px 6px;text-align:left;vertical-align:top}th{background:#f3f3f3}.id{font-family:monospace}.ok{color:#1a7f37}" +
        ".warn{color:#9a6700}.bad{color:#cf222e;font-weight:bold}.meta,.none{color:#555}figure{margin:.6em 0}img{max-width:100%;height:auto}";
}
