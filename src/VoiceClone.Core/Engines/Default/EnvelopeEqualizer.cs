using VoiceClone.Core.Analysis.Spectral;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Engines.Default;

/// <summary>
/// Long-term spectral envelope matching: a linear-phase FIR filter, designed by frequency sampling with a Hann
/// window (Oppenheim &amp; Schafer, Discrete-Time Signal Processing, 7.6), whose gain is the reference's mean
/// log mel spectrum minus the clone's, with the overall level difference removed.
/// </summary>
public static class EnvelopeEqualizer
{
    public const int FilterTaps = 1024;
    /// <summary>No band is boosted or cut by more than this: beyond it an equalizer amplifies noise rather than moving timbre.</summary>
    public const double MaxGainDb = 12;
    // Band gains are averaged with their neighbours (3 bands) so single-band noise in the estimate is not imposed.
    private const int SmoothingBands = 3;

    /// <summary>Per-band gains (dB) that move <paramref name="clone"/>'s envelope onto <paramref name="reference"/>'s.</summary>
    public static double[] BandGainsDb(LongTermSpectrum clone, LongTermSpectrum reference, double strength = 1)
    {
        int n = LongTermSpectrum.BandCount;
        double[] difference = reference.BandDb.Zip(clone.BandDb, (r, c) => r - c).ToArray();
        double level = difference.Average();
        var gains = new double[n];
        for (int m = 0; m < n; m++)
        {
            int from = Math.Max(0, m - SmoothingBands / 2), to = Math.Min(n - 1, m + SmoothingBands / 2);
            double smoothed = 0;
            for (int j = from; j <= to; j++) smoothed += difference[j] - level;
            gains[m] = Math.Clamp(strength * smoothed / (to - from + 1), -MaxGainDb, MaxGainDb);
        }
        return gains;
    }

    /// <summary>Filters <paramref name="samples"/> with the gains at the band centres, interpolated between them and held beyond; output is time-aligned with the input.</summary>
    public static float[] Apply(float[] samples, int sampleRateHz, double[] bandGainsDb, double highHz)
    {
        double[] centresHz = LongTermSpectrum.BandCentresHz(highHz);
        double[] impulse = DesignFilter(sampleRateHz, centresHz, bandGainsDb);
        return Convolve(samples, impulse, delay: FilterTaps / 2);
    }

    private static double[] DesignFilter(int sampleRateHz, double[] centresHz, double[] gainsDb)
    {
        var re = new double[FilterTaps];
        var im = new double[FilterTaps];
        for (int k = 0; k <= FilterTaps / 2; k++)
        {
            double hz = (double)k * sampleRateHz / FilterTaps;
            double gain = Math.Pow(10, Interpolate(centresHz, gainsDb, hz) / 20);
            re[k] = gain;
            if (k > 0 && k < FilterTaps / 2) re[FilterTaps - k] = gain; // real, even spectrum: zero-phase
        }
        new Fft(FilterTaps).Inverse(re, im);
        // Centre the zero-phase response (delay N/2) and taper it with a Hann window.
        var impulse = new double[FilterTaps];
        double[] hann = Windows.Hann(FilterTaps);
        for (int i = 0; i < FilterTaps; i++) impulse[i] = re[(i + FilterTaps / 2) % FilterTaps] * hann[i];
        return impulse;
    }

    private static double Interpolate(double[] xs, double[] ys, double x)
    {
        if (x <= xs[0]) return ys[0];
        if (x >= xs[^1]) return ys[^1];
        int i = Array.BinarySearch(xs, x);
        if (i >= 0) return ys[i];
        i = ~i;
        double t = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
        return ys[i - 1] + t * (ys[i] - ys[i - 1]);
    }

    /// <summary>Linear convolution by one FFT of the whole signal (clips are seconds long), dropping <paramref name="delay"/> leading samples.</summary>
    private static float[] Convolve(float[] samples, double[] impulse, int delay)
    {
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(samples.Length + impulse.Length));
        var fft = new Fft(size);
        var xr = new double[size]; var xi = new double[size];
        var hr = new double[size]; var hi = new double[size];
        for (int i = 0; i < samples.Length; i++) xr[i] = samples[i];
        impulse.CopyTo(hr, 0);
        fft.Forward(xr, xi);
        fft.Forward(hr, hi);
        for (int k = 0; k < size; k++)
        {
            double r = xr[k] * hr[k] - xi[k] * hi[k];
            xi[k] = xr[k] * hi[k] + xi[k] * hr[k];
            xr[k] = r;
        }
        fft.Inverse(xr, xi);
        var output = new float[samples.Length];
        for (int i = 0; i < output.Length; i++) output[i] = (float)xr[i + delay];
        return output;
    }
}
