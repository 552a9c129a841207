using System.Numerics;
using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Analysis.Quality;

/// <summary>
/// Mean F1-F3 from linear prediction (autocorrelation method, Levinson-Durbin; Markel & Gray 1976) on the
/// 16 kHz analysis signal: order 18 (Markel & Gray's rule of thumb 2 + fs/1 kHz), 25 ms Hamming windows after
/// pre-emphasis from 50 Hz; formants are the angles of the predictor's roots with bandwidth under 400 Hz. The roots
/// of each frame start from the previous frame's (30 ms earlier in the same voiced stretch): formants move little in
/// 30 ms, so the iteration converges in a few steps instead of dozens.
/// </summary>
internal static class LpcFormants
{
    private const int RateHz = AnalysisFrames.SampleRateHz;
    private const int Order = 2 + RateHz / 1000;
    private const int WindowSamples = AnalysisFrames.WindowSamples;
    private const double MinFormantHz = 90;
    private const double MaxBandwidthHz = 400;
    // Analyse voiced frames 30 ms apart: formant means converge long before every frame is used.
    private const double StepSeconds = 0.030;
    // Frame times carry rounding; a frame this close to the next due time counts as on time.
    private const double StrideTolerance = 1e-6;

    public static void Accumulate(AudioBuffer audio16k, PitchTrack pitch, QualityTotals totals)
    {
        float[] x = audio16k.Samples;
        // Pre-emphasis y[n] = x[n] - a x[n-1], a = exp(-2 pi 50 / fs): +6 dB/octave above 50 Hz.
        double emphasis = Math.Exp(-2 * Math.PI * 50 / RateHz);
        var frame = new double[WindowSamples];
        double[] hamming = Windows.Hamming(WindowSamples);
        var r = new double[Order + 1];
        var coefficients = new double[Order + 1];
        double next = double.NegativeInfinity;
        Complex[]? roots = null;
        for (int i = 0; i < pitch.FrameCount; i++)
        {
            if (float.IsNaN(pitch.FrequencyHz[i])) { roots = null; continue; } // a new voiced stretch starts afresh
            if (pitch.TimeSeconds(i) < next - StrideTolerance) continue;
            next = pitch.TimeSeconds(i) + StepSeconds;
            int start = (int)(pitch.TimeSeconds(i) * RateHz) - WindowSamples / 2;
            if (start < 1 || start + WindowSamples >= x.Length) continue;
            for (int n = 0; n < WindowSamples; n++) frame[n] = (x[start + n] - emphasis * x[start + n - 1]) * hamming[n];
            for (int lag = 0; lag <= Order; lag++) r[lag] = VectorSums.Dot(frame.AsSpan(lag), frame.AsSpan(0, WindowSamples - lag));
            if (r[0] <= 0 || !LevinsonDurbin(r, coefficients)) { roots = null; continue; }
            roots = PolynomialRoots.DurandKerner(coefficients, roots);
            var formants = roots
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

    /// <summary>
    /// Roots of z^p + c[1] z^(p-1) + ... + c[p] (c[0] must be 1), starting from <paramref name="start"/> (a nearby
    /// polynomial's roots, left untouched) when given, otherwise from powers of a complex seed.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static Complex[] DurandKerner(double[] c, Complex[]? start = null)
    {
        int p = c.Length - 1;
        // Real and imaginary parts apart: the complex products and the division written out (v / d = v conj(d) / |d|^2)
        // spare System.Numerics.Complex its overflow-safe (Smith) division and hypot in the innermost loop.
        var re = new double[p];
        var im = new double[p];
        var seed = new Complex(0.4, 0.9); // not a root of unity, so the starting points are distinct
        for (int i = 0; i < p; i++)
        {
            Complex z = start is { Length: var n } && n == p ? start[i] : Complex.Pow(seed, i);
            re[i] = z.Real;
            im[i] = z.Imaginary;
        }
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            double largestStepSquared = 0;
            for (int i = 0; i < p; i++)
            {
                double zr = re[i], zi = im[i];
                double vr = 1, vi = 0; // Horner: the polynomial's value at z
                for (int k = 1; k <= p; k++) (vr, vi) = (vr * zr - vi * zi + c[k], vr * zi + vi * zr);
                double dr = 1, di = 0; // prod_{j != i} (z - z_j)
                for (int j = 0; j < p; j++)
                {
                    if (j == i) continue;
                    double ar = zr - re[j], ai = zi - im[j];
                    (dr, di) = (dr * ar - di * ai, dr * ai + di * ar);
                }
                double norm = dr * dr + di * di;
                if (norm == 0) continue;
                double stepRe = (vr * dr + vi * di) / norm, stepIm = (vi * dr - vr * di) / norm;
                re[i] = zr - stepRe;
                im[i] = zi - stepIm;
                largestStepSquared = Math.Max(largestStepSquared, stepRe * stepRe + stepIm * stepIm);
            }
            if (largestStepSquared < Tolerance * Tolerance) break;
        }
        var roots = new Complex[p];
        for (int i = 0; i < p; i++) roots[i] = new Complex(re[i], im[i]);
        return roots;
    }
}
