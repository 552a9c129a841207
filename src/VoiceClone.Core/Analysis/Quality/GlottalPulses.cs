using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Analysis.Quality;

/// <summary>
/// Cycle-to-cycle perturbation: glottal pulses are found by peak search guided by the pitch track, each period is
/// then measured by cross-correlating a cycle with the next (as Praat's "To PointProcess (periodic, cc)" does,
/// Boersma 2001) to sub-sample precision, and jitter (local) and shimmer (local, dB) follow Praat's definitions and
/// defaults: periods 0.1-20 ms, consecutive periods within a factor 1.3, amplitudes within a factor 1.6.
/// </summary>
internal static class GlottalPulses
{
    private const double ShortestPeriodSeconds = 0.0001;
    private const double LongestPeriodSeconds = 0.02;
    private const double MaxPeriodFactor = 1.3;
    private const double MaxAmplitudeFactor = 1.6;
    // The next pulse is searched within +-20 % of the expected period.
    private const double SearchTolerance = 0.2;
    // Voiced runs shorter than this (three 10 ms frames) hold too few cycles to compare.
    private const double MinRunSeconds = 0.030;
    // The matching cycle is searched within +-10 % of the peak-to-peak estimate.
    private const double CorrelationSearch = 0.1;

    public static void Accumulate(ReadOnlySpan<float> x, int sampleRateHz, PitchTrack pitch, QualityTotals totals)
    {
        foreach (var (startFrame, endFrame) in VoicedRuns(pitch))
        {
            var pulses = FindPulses(x, sampleRateHz, pitch, startFrame, endFrame);
            var periods = new double[Math.Max(0, pulses.Count - 1)];
            for (int i = 0; i + 1 < pulses.Count; i++)
                periods[i] = CorrelatedPeriod(x, pulses[i].Time, pulses[i + 1].Time - pulses[i].Time, sampleRateHz);
            for (int i = 0; i + 1 < pulses.Count; i++)
            {
                double period = periods[i];
                if (period < ShortestPeriodSeconds || period > LongestPeriodSeconds) continue;
                totals.PeriodSum += period; totals.Periods++;
                if (i + 2 < pulses.Count)
                {
                    double next = periods[i + 1];
                    if (next >= ShortestPeriodSeconds && next <= LongestPeriodSeconds
                        && Math.Max(period, next) / Math.Min(period, next) <= MaxPeriodFactor)
                    {
                        totals.JitterSum += Math.Abs(period - next); totals.JitterPairs++;
                    }
                }
                double a = pulses[i].Amplitude, b = pulses[i + 1].Amplitude;
                if (a > 0 && b > 0 && Math.Max(a, b) / Math.Min(a, b) <= MaxAmplitudeFactor)
                {
                    totals.ShimmerSum += Math.Abs(20 * Math.Log10(b / a)); totals.ShimmerPairs++;
                }
            }
        }
    }

    /// <summary>
    /// The lag (seconds) that best aligns the cycle starting half a period before <paramref name="pulseSeconds"/> with
    /// the next one: normalised cross-correlation maximised over whole samples, then refined by a parabola.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static double CorrelatedPeriod(ReadOnlySpan<float> x, double pulseSeconds, double estimateSeconds, int rate)
    {
        int estimate = (int)Math.Round(estimateSeconds * rate);
        int start = (int)Math.Round(pulseSeconds * rate) - estimate / 2;
        int minLag = (int)Math.Floor(estimate * (1 - CorrelationSearch)), maxLag = (int)Math.Ceiling(estimate * (1 + CorrelationSearch));
        if (estimate < 4 || start < 0 || start + estimate + maxLag + 1 >= x.Length) return estimateSeconds;
        int best = estimate; double bestValue = double.MinValue;
        for (int lag = minLag; lag <= maxLag; lag++)
        {
            double c = NormalisedCorrelation(x, start, estimate, lag);
            if (c > bestValue) { bestValue = c; best = lag; }
        }
        double left = NormalisedCorrelation(x, start, estimate, best - 1), right = NormalisedCorrelation(x, start, estimate, best + 1);
        double denominator = left - 2 * bestValue + right;
        double offset = denominator < 0 ? 0.5 * (left - right) / denominator : 0;
        return (best + Math.Clamp(offset, -1, 1)) / rate;
    }

    private static double NormalisedCorrelation(ReadOnlySpan<float> x, int start, int length, int lag)
    {
        var (xy, xx, yy) = VectorSums.Correlation(x.Slice(start, length), x.Slice(start + lag, length));
        return xx > 0 && yy > 0 ? xy / Math.Sqrt(xx * yy) : 0;
    }

    internal static IEnumerable<(int Start, int End)> VoicedRuns(PitchTrack pitch)
    {
        int i = 0;
        while (i < pitch.FrameCount)
        {
            if (float.IsNaN(pitch.FrequencyHz[i])) { i++; continue; }
            int start = i;
            while (i < pitch.FrameCount && !float.IsNaN(pitch.FrequencyHz[i])) i++;
            if ((i - start) * pitch.HopSeconds >= MinRunSeconds - 1e-9) yield return (start, i - 1);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static List<(double Time, double Amplitude)> FindPulses(
        ReadOnlySpan<float> x, int rate, PitchTrack pitch, int startFrame, int endFrame)
    {
        var pulses = new List<(double, double)>();
        int begin = (int)(startFrame * pitch.HopSeconds * rate), end = Math.Min(x.Length - 2, (int)(endFrame * pitch.HopSeconds * rate));
        if (end - begin < 4) return pulses;
        // One polarity for the whole run: whichever extreme is larger.
        float max = 0, min = 0;
        for (int n = begin; n <= end; n++) { max = Math.Max(max, x[n]); min = Math.Min(min, x[n]); }
        int sign = max >= -min ? 1 : -1;

        double firstPeriod = 1.0 / pitch.FrequencyHz[startFrame];
        int position = PeakIn(x, begin, Math.Min(end, begin + (int)(firstPeriod * rate)), sign);
        while (position > 0 && position < end)
        {
            pulses.Add(Refine(x, position, sign, rate));
            double f0 = pitch.FrequencyAt((double)position / rate);
            if (double.IsNaN(f0)) break;
            double period = rate / f0;
            int from = position + (int)Math.Ceiling(period * (1 - SearchTolerance));
            int to = Math.Min(end, position + (int)Math.Floor(period * (1 + SearchTolerance)));
            if (from > to) break;
            position = PeakIn(x, from, to, sign);
        }
        return pulses;
    }

    private static int PeakIn(ReadOnlySpan<float> x, int from, int to, int sign)
    {
        int best = from;
        for (int n = from; n <= to; n++) if (sign * x[n] > sign * x[best]) best = n;
        return best;
    }

    /// <summary>Parabolic interpolation of the peak position and height.</summary>
    private static (double Time, double Amplitude) Refine(ReadOnlySpan<float> x, int n, int sign, int rate)
    {
        if (n <= 0 || n >= x.Length - 1) return ((double)n / rate, sign * x[n]);
        double a = sign * x[n - 1], b = sign * x[n], c = sign * x[n + 1];
        double denominator = a - 2 * b + c;
        double offset = denominator < 0 ? 0.5 * (a - c) / denominator : 0;
        return ((n + offset) / rate, b - 0.25 * (a - c) * offset);
    }
}
