using ScottPlot;

namespace VoiceClone.Core.Emotion;

/// <summary>
/// The confusion matrix as a PNG heat map (ScottPlot): rows are the true emotion, columns the predicted one, cells
/// the share of the row.
/// </summary>
public static class ConfusionMatrixPlot
{
    public static void Save(EmotionMetrics metrics, string pngPath) =>
        File.WriteAllBytes(pngPath, Png(metrics.Labels, metrics.ConfusionMatrix, metrics.UnweightedAccuracy, 820, 700));

    /// <summary>The heat map of <paramref name="confusion"/> (rows: true label) as PNG bytes.</summary>
    public static byte[] Png(IReadOnlyList<string> labels, int[][] confusion, double unweightedAccuracy, int width, int height)
    {
        int k = labels.Count;
        var share = new double[k, k];
        for (int r = 0; r < k; r++)
        {
            double total = Math.Max(1, confusion[r].Sum());
            // Heat map row 0 is drawn at the top, so the first label reads first, as in a printed table.
            for (int c = 0; c < k; c++) share[r, c] = confusion[r][c] / total;
        }
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(share);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        for (int r = 0; r < k; r++)
        {
            for (int c = 0; c < k; c++)
            {
                var text = plot.Add.Text($"{share[r, c]:P0}", c, k - 1 - r);
                text.LabelFontColor = share[r, c] > 0.5 ? Colors.Black : Colors.White;
                text.LabelAlignment = Alignment.MiddleCenter;
            }
        }
        double[] positions = Enumerable.Range(0, k).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, [.. labels]);
        plot.Axes.Left.SetTicks(positions.Select(p => k - 1 - p).ToArray(), [.. labels]);
        plot.Axes.Bottom.Label.Text = "predicted";
        plot.Axes.Left.Label.Text = "true emotion";
        plot.Title($"Leave-one-speaker-out: unweighted accuracy {unweightedAccuracy:P1}");
        plot.Add.ColorBar(heatmap);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
