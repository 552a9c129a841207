namespace VoiceClone.Core.Emotion;

/// <summary>
/// Statistics that turn a descriptor series into fixed-length features (openSMILE-style functionals): mean, standard
/// deviation, 10th and 90th percentiles, interquartile range, skewness and the least-squares slope per second, over
/// the series' defined (non-NaN) values; and the regression delta of a series (HTK, over two frames each side).
/// </summary>
internal static class Functionals
{
    public static IReadOnlyList<string> Names { get; } = ["mean", "std", "p10", "p90", "iqr", "skewness", "slope"];
    private const double FramesPerSecond = 100;

    public static void Append(double[] series, List<float> features)
    {
        double[] v = series.Where(x => !double.IsNaN(x)).ToArray();
        if (v.Length < 3)
        {
            features.AddRange(Enumerable.Repeat(float.NaN, Names.Count));
            return;
        }
        double mean = v.Average();
        double sd = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / v.Length);
        double[] sorted = v.Order().ToArray();
        double Percentile(double p) => sorted[(int)Math.Round(p * (sorted.Length - 1))];
        double skewness = sd > 0 ? v.Sum(x => Math.Pow((x - mean) / sd, 3)) / v.Length : 0;
        double centre = (v.Length - 1) / 2.0, covariance = 0, variance = 0;
        for (int i = 0; i < v.Length; i++)
        {
            covariance += (i - centre) * (v[i] - mean);
            variance += (i - centre) * (i - centre);
        }
        double[] values =
        [
            mean, sd, Percentile(0.1), Percentile(0.9), Percentile(0.75) - Percentile(0.25), skewness,
            covariance / variance * FramesPerSecond,
        ];
        features.AddRange(values.Select(x => (float)x));
    }

    /// <summary>d[i] = (2 (x[i+2] - x[i-2]) + (x[i+1] - x[i-1])) / 10; NaN at the two frames of each edge.</summary>
    public static double[] Delta(double[] x)
    {
        var d = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            d[i] = i >= 2 && i + 2 < x.Length ? (2 * (x[i + 2] - x[i - 2]) + (x[i + 1] - x[i - 1])) / 10 : double.NaN;
        }
        return d;
    }
}
