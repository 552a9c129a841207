using System.Numerics;
using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Analysis.Quality;

/// <summary>
/// Mean F1-F3 from linear prediction (autocorrelation method, Levinson-Durbin; Markel & Gray 1976) on the
/// 16 kHz analysis signal: order 18 (Markel & Gray's rule of thumb 2 + fs/1 kHz), 25 ms Hamming windows after
/// pre-emphasis from 50 Hz; formants are the angles of the predictor's roots with bandwidth under 400 Hz.
/// </summary>
internal static class LpcFormants
{
    private const int RateHz = AnalysisFrames.SampleRateHz;
    private const int Order = 2 + RateHz / 1000;
    private const int WindowSamples = AnalysisFrames.WindowSamples;
    private const double MinFormantHz = 90;
    private const double MaxBandwidthHz = 400;
    // Analyse every third voiced frame (30 ms apart): formant means converge long before every frame is used.
    private const int FrameStride = 3;

    public static void Accumulate(AudioBuffer audio16k, PitchTrack pitch, QualityTotals totals)
    {
        float[] x = audio16k.Samples;
        // Pre-emphasis y[n] = x[n] - a x[n-1], a = exp(-2 pi 50 / fs): +6 dB/octave above 50 Hz.
        double emphasis = Math.Exp(-2 * Math.PI * 50 / RateHz);
        var frame = new double[WindowSamples];
        double[] hamming = Windows.Hamming(WindowSamples);
        var r = new double[Order + 1];
        var coefficients = new double[Order + 1];
        int voiced = 0;
        for (int i = 0; i < pitch.FrameCount; i++)
        {
            if (float.IsNaN(pitch.FrequencyHz[i]) || voiced++ % FrameStride != 0) continue;
            int start = (int)(pitch.TimeSeconds(i) * RateHz) - WindowSamples / 2;
            if (start < 1 || start + WindowSamples >= x.Length) continue;
            for (int n = 0; n < WindowSamples; n++) frame[n] = (x[start + n] - emphasis * x[start + n - 1]) * hamming[n];
            for (int lag = 0; lag <= Order; lag++)
            {
                double s = 0;
                for (int n = lag; n < WindowSamples; n++) s += frame[n] * frame[n - lag];
                r[lag] = s;
            }
            if (r[0] <= 0 || !LevinsonDurbin(r, coefficients)) continue;
            var formants = PolynomialRoots.DurandKerner(coefficients)
                .Where(z => z.Imaginary > 0)
                .Select(z => (Hz: z.Phase * RateHz / (2 * Math.PI), Bandwidth: -Math.Log(z.Magnitude) * RateHz / Math.PI))
                .Where(f => f.Hz > MinFormantHz && f.Hz < RateHz / 2.0 - MinFormantHz && f.Bandwidth < MaxBandwidthHz)
                .Select(f => f.Hz).Order().Take(3).ToArray();
            for (int k = 0; k < formants.Length; k++) { totals.FormantSums[k] += formants[k]; totals.FormantCounts[k]++; }
        }
    }

    /// <summary>Solves for a[0..p] (a[0] = 1) with A(z) = sum a_k z^-k; false when the recursion is unstable.</summary>
    private static bool LevinsonDurbin(double[] r, double[] a)
    {
        Array.Clear(a);
        a[0] = 1;
        double error = r[0];
        var previous = new double[a.Length];
        for (int i = 1; i < a.Length; i++)
        {
            double acc = r[i];
            for (int j = 1; j < i; j++) acc += a[j] * r[i - j];
            double k = -acc / error;
            Array.Copy(a, previous, a.Length);
            for (int j = 1; j < i; j++) a[j] = previous[j] + k * previous[i - j];
            a[i] = k;
            error *= 1 - k * k;
            if (error <= 0) return false;
        }
        return true;
    }
}

/// <summary>Roots of a real polynomial by the Durand-Kerner (Weierstrass) iteration.</summary>
internal static class PolynomialRoots
{
    private const int MaxIterations = 200;
    // Roots to 1e-8 in z: about 1e-4 Hz at 16 kHz, far finer than any formant needs.
    private const double Tolerance = 1e-8;

    /// <summary>Roots of z^p + c[1] z^(p-1) + ... + c[p] (c[0] must be 1).</summary>
    public static Complex[] DurandKerner(double[] c)
    {
        int p = c.Length - 1;
        var roots = new Complex[p];
        var seed = new Complex(0.4, 0.9); // not a root of unity, so the starting points are distinct
        for (int i = 0; i < p; i++) roots[i] = Complex.Pow(seed, i);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            double change = 0;
            for (int i = 0; i < p; i++)
            {
                Complex value = 1, denominator = 1;
                for (int k = 1; k <= p; k++) value = value * roots[i] + c[k];
                for (int j = 0; j < p; j++) if (j != i) denominator *= roots[i] - roots[j];
                if (denominator == Complex.Zero) continue;
                Complex step = value / denominator;
                roots[i] -= step;
                change = Math.Max(change, step.Magnitude);
            }
            if (change < Tolerance) break;
        }
        return roots;
    }
}
