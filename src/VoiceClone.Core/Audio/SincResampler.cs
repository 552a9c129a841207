namespace VoiceClone.Core.Audio;

/// <summary>
/// Band-limited sample-rate conversion by windowed-sinc interpolation (Smith, "Digital Audio
/// Resampling", CCRMA 2002) with a Kaiser window (Kaiser 1974); polyphase tables when the rate ratio
/// reduces to at most <see cref="MaxTabulatedPhases"/> phases.
/// Passband flat to 0.84 of the lower Nyquist rate, stopband from the lower Nyquist rate, 100 dB.
/// </summary>
public static class SincResampler
{
    private const double StopbandAttenuationDb = 100;
    // Kaiser's beta for the attenuation above: 0.1102 (A - 8.7) (Kaiser 1974, for A > 50 dB).
    private static readonly double KaiserBeta = 0.1102 * (StopbandAttenuationDb - 8.7);
    // Cutoff and transition width as fractions of the lower of the two sample rates: the transition band
    // runs from 0.42 to 0.50 of that rate, so nothing above the lower Nyquist frequency survives.
    private const double CutoffFraction = 0.46;
    private const double TransitionFraction = 0.08;
    // Kaiser's length estimate N = (A - 7.95) / (14.36 * transition), in samples of the lower rate.
    private static readonly double HalfWidthAtLowerRate = (StopbandAttenuationDb - 7.95) / (14.36 * TransitionFraction) / 2;
    private const int MaxTabulatedPhases = 4096;

    public static AudioBuffer Resample(AudioBuffer input, int outputRateHz) =>
        input.SampleRateHz == outputRateHz
            ? input
            : new AudioBuffer(Resample(input.Samples, input.SampleRateHz, outputRateHz), outputRateHz);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static float[] Resample(ReadOnlySpan<float> input, int inputRateHz, int outputRateHz)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRateHz);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRateHz);
        if (inputRateHz == outputRateHz) return input.ToArray();

        int gcd = Gcd(inputRateHz, outputRateHz);
        long upFactor = outputRateHz / gcd;   // L: output samples per "period"
        long downFactor = inputRateHz / gcd;  // M: input samples per "period"
        double lowerRateOverInput = Math.Min(inputRateHz, outputRateHz) / (double)inputRateHz;
        double cutoffCyclesPerInputSample = CutoffFraction * lowerRateOverInput;
        double halfWidthInputSamples = HalfWidthAtLowerRate / lowerRateOverInput;
        int halfTaps = (int)Math.Ceiling(halfWidthInputSamples);

        var kernel = new KernelDesign(cutoffCyclesPerInputSample, halfWidthInputSamples, halfTaps);
        float[][]? phaseTable = upFactor <= MaxTabulatedPhases ? kernel.Tabulate((int)upFactor) : null;

        long outputLength = (input.Length * upFactor + downFactor - 1) / downFactor;
        var output = new float[outputLength];
        float[] scratch = phaseTable is null ? new float[2 * halfTaps] : [];
        for (long n = 0; n < outputLength; n++)
        {
            long numerator = n * downFactor;
            long centre = numerator / upFactor;           // the input sample at or before the output instant
            int phase = (int)(numerator % upFactor);       // how far past it, in 1/L input samples
            float[] h = phaseTable?[phase] ?? kernel.Compute(phase / (double)upFactor, scratch);
            long first = centre - halfTaps + 1;
            int k0 = (int)Math.Max(0, -first);
            int k1 = (int)Math.Min(h.Length, input.Length - first);
            output[n] = k1 > k0 ? Dot(h.AsSpan(k0, k1 - k0), input.Slice((int)(first + k0), k1 - k0)) : 0;
        }
        return output;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var acc = System.Numerics.Vector<float>.Zero;
        int width = System.Numerics.Vector<float>.Count, i = 0;
        for (; i <= a.Length - width; i += width) acc += new System.Numerics.Vector<float>(a[i..]) * new System.Numerics.Vector<float>(b[i..]);
        float sum = System.Numerics.Vector.Sum(acc);
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    /// <summary>The interpolation kernel h(x) = 2 fc sinc(2 fc x) w(x), sampled for one fractional offset.</summary>
    private sealed class KernelDesign(double cutoffCyclesPerSample, double halfWidthSamples, int halfTaps)
    {
        public float[][] Tabulate(int phases)
        {
            var table = new float[phases][];
            for (int p = 0; p < phases; p++) table[p] = Compute(p / (double)phases, new float[2 * halfTaps]);
            return table;
        }

        /// <summary>Taps for input samples centre-halfTaps+1 .. centre+halfTaps when the output lies <paramref name="fraction"/> past centre.</summary>
        public float[] Compute(double fraction, float[] taps)
        {
            double sum = 0;
            for (int k = 0; k < taps.Length; k++)
            {
                double x = (halfTaps - 1 - k) + fraction; // distance from input sample to output instant
                double value = Math.Abs(x) >= halfWidthSamples ? 0 : 2 * cutoffCyclesPerSample * Sinc(2 * cutoffCyclesPerSample * x) * Kaiser(x / halfWidthSamples);
                taps[k] = (float)value;
                sum += value;
            }
            // Unit DC gain per phase, so a constant stays constant whatever the fractional position.
            for (int k = 0; k < taps.Length; k++) taps[k] = (float)(taps[k] / sum);
            return taps;
        }

        private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

        private static double Kaiser(double relativePosition) =>
            BesselI0(KaiserBeta * Math.Sqrt(1 - relativePosition * relativePosition)) / BesselI0(KaiserBeta);

        /// <summary>Modified Bessel function of the first kind, order 0, by its power series.</summary>
        private static double BesselI0(double x)
        {
            double sum = 1, term = 1, halfX = x / 2;
            for (int k = 1; k < 50 && term > 1e-12 * sum; k++)
            {
                term *= halfX / k * (halfX / k);
                sum += term;
            }
            return sum;
        }
    }
}
