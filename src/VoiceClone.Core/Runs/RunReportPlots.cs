using ScottPlot;

namespace VoiceClone.Core.Runs;

/// <summary>One series of a plot: a name and its points.</summary>
public sealed record PlotSeries(string Name, double[] X, double[] Y);

/// <summary>
/// The report's plots as PNG bytes (ScottPlot, rendered with SkiaSharp's built-in font, so nothing is fetched when the
/// page opens): metrics over time, histograms with tolerance lines, grouped bars.
/// </summary>
public static class RunReportPlots
{
    public const int Width = 860, Height = 300;
    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    /// <summary>A metric per run against the run's start time; <paramref name="flagged"/> points are ringed in red.</summary>
    public static byte[] OverTime(string title, string yLabel, IReadOnlyList<PlotSeries> series, PlotSeries? flagged = null)
    {
        var plot = new Plot();
        for (int i = 0; i < series.Count; i++)
        {
            var scatter = plot.Add.Scatter(series[i].X, series[i].Y, Palette.GetColor(i));
            scatter.LegendText = series[i].Name;
            scatter.MarkerSize = 6;
            scatter.LineWidth = series[i].X.Length > 1 ? 1 : 0;
        }
        if (flagged is { X.Length: > 0 })
        {
            var ring = plot.Add.ScatterPoints(flagged.X, flagged.Y, Colors.Red);
            ring.MarkerShape = MarkerShape.OpenCircle;
            ring.MarkerSize = 16;
            ring.MarkerLineWidth = 2;
            ring.LegendText = flagged.Name;
        }
        plot.Axes.DateTimeTicksBottom();
        return Finish(plot, title, yLabel, legend: series.Count > 1 || flagged is { X.Length: > 0 });
    }

    /// <summary>Histograms of several samples on common bins of <paramref name="binWidth"/>, with vertical lines at <paramref name="limits"/>.</summary>
    public static byte[] Histogram(string title, string xLabel, IReadOnlyList<(string Name, double[] Values)> samples, double binWidth,
        IReadOnlyList<(string Name, double At)> limits)
    {
        var plot = new Plot();
        double top = samples.SelectMany(s => s.Values).Concat(limits.Select(l => l.At)).DefaultIfEmpty(binWidth).Max();
        int bins = Math.Max(1, (int)Math.Ceiling(top / binWidth) + 1);
        double slot = binWidth / Math.Max(1, samples.Count);
        var bars = new List<Bar>();
        for (int s = 0; s < samples.Count; s++)
        {
            var counts = new double[bins];
            foreach (double v in samples[s].Values) counts[Math.Min(bins - 1, (int)(v / binWidth))]++;
            for (int b = 0; b < bins; b++)
            {
                bars.Add(new Bar
                {
                    Position = b * binWidth + (s + 0.5) * slot, Value = counts[b], Size = slot * 0.9, FillColor = Palette.GetColor(s), LineWidth = 0,
                });
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = samples[s].Name, FillColor = Palette.GetColor(s) });
        }
        plot.Add.Bars(bars);
        foreach (var (name, at) in limits)
        {
            plot.Add.VerticalLine(at, 1.5f, Colors.Gray, LinePattern.Dashed);
            // The bars' legend is a manual one, so the lines join it by hand.
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = name, LineColor = Colors.Gray, LineWidth = 1.5f, LinePattern = LinePattern.Dashed });
        }
        plot.Axes.Margins(bottom: 0);
        plot.XLabel(xLabel);
        return Finish(plot, title, "clones", legend: samples.Count > 1 || limits.Count > 0);
    }

    /// <summary>Bars of several series over the same categories, side by side.</summary>
    public static byte[] GroupedBars(string title, string yLabel, IReadOnlyList<string> categories, IReadOnlyList<(string Name, double[] Values)> series)
    {
        var plot = new Plot();
        double slot = 0.8 / Math.Max(1, series.Count);
        var bars = new List<Bar>();
        for (int s = 0; s < series.Count; s++)
        {
            for (int c = 0; c < categories.Count; c++)
            {
                bars.Add(new Bar
                {
                    Position = c - 0.4 + (s + 0.5) * slot, Value = series[s].Values[c], Size = slot * 0.9, FillColor = Palette.GetColor(s), LineWidth = 0,
                });
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = Palette.GetColor(s) });
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray(), [.. categories]);
        plot.Axes.Margins(bottom: 0);
        return Finish(plot, title, yLabel, legend: series.Count > 1);
    }

    private static byte[] Finish(Plot plot, string title, string yLabel, bool legend)
    {
        plot.Title(title);
        plot.YLabel(yLabel);
        if (legend) plot.ShowLegend(Edge.Right); // beside the data, never over it
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
