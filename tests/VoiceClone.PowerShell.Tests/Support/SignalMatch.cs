using System.Numerics;

namespace VoiceClone.PowerShell.Tests.Support;

/// <summary>Finds a known signal inside a recording of it and compares the two: correlation, level and audible length.</summary>
internal static class SignalMatch
{
    /// <summary>
    /// The lag of <paramref name="recording"/> at which <paramref name="known"/> matches best, by normalised cross-correlation
    /// (1 = the same waveform at any gain).
    /// </summary>
    public static (int Lag, double Correlation) Align(float[] known, float[] recording)
    {
        double knownEnergy = Energy(known);
        double windowEnergy = Energy(recording.AsSpan(0, Math.Min(known.Length, recording.Length)));
        (int Lag, double Correlation) best = (0, double.MinValue);
        for (int lag = 0; lag + known.Length <= recording.Length; lag++)
        {
            if (lag > 0) windowEnergy += (double)recording[lag + known.Length - 1] * recording[lag + known.Length - 1]
                - (double)recording[lag - 1] * recording[lag - 1];
            double c = Dot(known, recording.AsSpan(lag, known.Length)) / Math.Sqrt(knownEnergy * Math.Max(windowEnergy, 1e-20));
            if (c > best.Correlation) best = (lag, c);
        }
        return best;
    }

    /// <summary>RMS level in dB full scale.</summary>
    public static double LevelDb(ReadOnlySpan<float> x) => 10 * Math.Log10(Energy(x) / Math.Max(1, x.Length) + 1e-20);

    /// <summary>
    /// Seconds from the first to the last 10 ms frame within 30 dB of the loudest frame and above -60 dBFS: how long the signal
    /// is heard (0 for silence).
    /// </summary>
    public static double AudibleSeconds(ReadOnlySpan<float> x, int sampleRateHz)
    {
        int hop = sampleRateHz / 100;
        var levels = new List<double>();
        for (int start = 0; start + hop <= x.Length; start += hop) levels.Add(LevelDb(x.Slice(start, hop)));
        double threshold = Math.Max(levels.Max() - 30, -60);
        if (levels.Max() <= threshold) return 0;
        int first = levels.FindIndex(l => l > threshold), last = levels.FindLastIndex(l => l > threshold);
        return (last - first + 1) * 0.01;
    }

    private static double Energy(ReadOnlySpan<float> x) => Dot(x, x);

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        int width = Vector<float>.Count, i = 0;
        for (; i <= a.Length - width; i += width) sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        double total = Vector.Sum(sum);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }
}
