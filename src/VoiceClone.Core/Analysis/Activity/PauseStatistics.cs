namespace VoiceClone.Core.Analysis.Activity;

/// <summary>
/// Pauses are the silent stretches between the first and the last speech frame that last at least the minimum
/// pause (0.25 s by default). Their variety is the normalised Shannon entropy of a histogram over
/// <see cref="BinEdgesSeconds"/>: 0 when every pause falls in one bin (or there are fewer than two), 1 when they
/// spread evenly over all eight.
/// </summary>
internal static class PauseStatistics
{
    /// <summary>Log-spaced (factor about 1.4) bin edges in seconds; the last bin is open-ended.</summary>
    public static readonly double[] BinEdgesSeconds = [0.25, 0.35, 0.5, 0.7, 1.0, 1.4, 2.0, 2.8];

    public static double[] Pauses(bool[] speech, double hopSeconds, double minimumPauseSeconds)
    {
        int first = Array.IndexOf(speech, true), last = Array.LastIndexOf(speech, true);
        var pauses = new List<double>();
        if (first < 0) return [];
        int run = 0;
        for (int i = first; i <= last; i++)
        {
            if (!speech[i]) { run++; continue; }
            if (run * hopSeconds >= minimumPauseSeconds) pauses.Add(Math.Round(run * hopSeconds, 3));
            run = 0;
        }
        return [.. pauses];
    }

    public static double Entropy(IReadOnlyList<double> pausesSeconds)
    {
        if (pausesSeconds.Count < 2) return 0;
        var counts = new int[BinEdgesSeconds.Length];
        foreach (double p in pausesSeconds)
        {
            int bin = BinEdgesSeconds.Length - 1;
            while (bin > 0 && p < BinEdgesSeconds[bin]) bin--;
            counts[bin]++;
        }
        double entropy = 0;
        foreach (int c in counts)
        {
            if (c == 0) continue;
            double p = (double)c / pausesSeconds.Count;
            entropy -= p * Math.Log(p);
        }
        return entropy / Math.Log(BinEdgesSeconds.Length);
    }
}
