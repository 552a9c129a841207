namespace VoiceClone.Core.Dsp;

/// <summary>
/// The windowed-sinc interpolation kernel of one rate conversion (Smith, "Digital Audio Resampling", CCRMA 2002) with
/// a Kaiser window (Kaiser 1974), and the output sample it gives at any output index: what <see cref="SincResampler"/>
/// and <see cref="StreamingResampler"/> share, so a signal resampled whole or in blocks comes out the same.
/// Passband flat to 0.84 of the lower Nyquist rate, stopband from the lower Nyquist rate, 100 dB.
/// Polyphase tables when the rate ratio reduces to at most <see cref="MaxTabulatedPhases"/> phases. Not thread-safe.
/// </summary>
internal sealed class ResamplingKernel
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

    private readonly long _upFactor;   // L: output samples per "period"
    private readonly long _downFactor; // M: input samples per "period"
    private readonly int _halfTaps;
    private readonly double _cutoffCyclesPerInputSample;
    private readonly double _halfWidthInputSamples;
    private readonly float[][]? _phaseTable;
    private readonly float[] _scratch;

    public ResamplingKernel(int inputRateHz, int outputRateHz)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRateHz);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRateHz);
        int gcd = Gcd(inputRateHz, outputRateHz);
        _upFactor = outputRateHz / gcd;
        _downFactor = inputRateHz / gcd;
        double lowerRateOverInput = Math.Min(inputRateHz, outputRateHz) / (double)inputRateHz;
        _cutoffCyclesPerInputSample = CutoffFraction * lowerRateOverInput;
        _halfWidthInputSamples = HalfWidthAtLowerRate / lowerRateOverInput;
        _halfTaps = (int)Math.Ceiling(_halfWidthInputSamples);
        _phaseTable = _upFactor <= MaxTabulatedPhases ? Tabulate((int)_upFactor) : null;
        _scratch = _phaseTable is null ? new float[2 * _halfTaps] : [];
    }

    /// <summary>Output samples a signal of <paramref name="inputLength"/> samples gives: ceil(n L / M).</summary>
    public long OutputLength(long inputLength) => (inputLength * _upFactor + _downFactor - 1) / _downFactor;

    /// <summary>The first input sample output <paramref name="n"/> reads.</summary>
    public long FirstInput(long n) => Centre(n) - _halfTaps + 1;

    /// <summary>The last input sample output <paramref name="n"/> reads (past the end of the signal, zeros are read).</summary>
    public long LastInput(long n) => Centre(n) + _halfTaps;

    /// <summary>
    /// Output sample <paramref name="n"/> of a signal of <paramref name="inputLength"/> samples, of which
    /// <paramref name="window"/> holds those from index <paramref name="windowStart"/> on (at least FirstInput..LastInput
    /// within the signal); samples before 0 and from <paramref name="inputLength"/> on are zero.
    /// </summary>
    public float Output(long n, ReadOnlySpan<float> window, long windowStart, long inputLength)
    {
        long numerator = n * _downFactor;
        long centre = numerator / _upFactor;          // the input sample at or before the output instant
        int phase = (int)(numerator % _upFactor);      // how far past it, in 1/L input samples
        float[] h = _phaseTable?[phase] ?? Compute(phase / (double)_upFactor, _scratch);
        long first = centre - _halfTaps + 1;
        int k0 = (int)Math.Max(0, -first);
        int k1 = (int)Math.Min(h.Length, inputLength - first);
        return k1 > k0 ? Dot(h.AsSpan(k0, k1 - k0), window.Slice((int)(first + k0 - windowStart), k1 - k0)) : 0;
    }

    private long Centre(long n) => n * _downFactor / _upFactor;

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

    private float[][] Tabulate(int phases)
    {
        var table = new float[phases][];
        for (int p = 0; p < phases; p++) table[p] = Compute(p / (double)phases, new float[2 * _halfTaps]);
        return table;
    }

    /// <summary>
    /// The kernel h(x) = 2 fc sinc(2 fc x) w(x) for input samples centre-halfTaps+1 .. centre+halfTaps when the output
    /// lies <paramref name="fraction"/> past centre.
    /// </summary>
    private float[] Compute(double fraction, float[] taps)
    {
        double sum = 0;
        for (int k = 0; k < taps.Length; k++)
        {
            double x = (_halfTaps - 1 - k) + fraction; // distance from input sample to output instant
            double value = Math.Abs(x) >= _halfWidthInputSamples ? 0
                : 2 * _cutoffCyclesPerInputSample * Sinc(2 * _cutoffCyclesPerInputSample * x) * Kaiser(x / _halfWidthInputSamples);
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
