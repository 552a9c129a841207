namespace VoiceClone.Core.Dsp;

/// <summary>Summary statistics that skip NaN and say NaN when nothing is left.</summary>
public static class Statistics
{
    public static double Mean(IEnumerable<double> values)
    {
        double sum = 0; int n = 0;
        foreach (double v in values) if (!double.IsNaN(v)) { sum += v; n++; }
        return n == 0 ? double.NaN : sum / n;
    }

    public static double StandardDeviation(IEnumerable<double> values)
    {
        var finite = values.Where(v => !double.IsNaN(v)).ToArray();
        if (finite.Length < 2) return double.NaN;
        double mean = finite.Average();
        return Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1));
    }

    /// <summary>Linear-interpolated percentile (0-100) of the non-NaN values.</summary>
    public static double Percentile(IEnumerable<double> values, double percent)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        double position = percent / 100 * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(sorted.Length - 1, low + 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
