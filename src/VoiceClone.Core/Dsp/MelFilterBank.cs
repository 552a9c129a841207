namespace VoiceClone.Core.Dsp;

/// <summary>Triangular filters equally spaced on the HTK mel scale, mel(f) = 2595 log10(1 + f / 700) (Young et al., HTK Book).</summary>
public sealed class MelFilterBank
{
    private readonly (int Start, float[] Weights)[] _filters;

    public MelFilterBank(int filterCount, int fftSize, int sampleRateHz, double lowHz, double highHz)
    {
        double binHz = (double)sampleRateHz / fftSize;
        double[] edgesHz = EdgesHz(filterCount, lowHz, highHz);
        _filters = new (int, float[])[filterCount];
        for (int m = 0; m < filterCount; m++)
        {
            double left = edgesHz[m], centre = edgesHz[m + 1], right = edgesHz[m + 2];
            int start = (int)Math.Ceiling(left / binHz), end = (int)Math.Floor(right / binHz);
            var weights = new float[Math.Max(0, end - start + 1)];
            for (int k = start; k <= end; k++)
            {
                double f = k * binHz;
                weights[k - start] = (float)(f <= centre ? (f - left) / (centre - left) : (right - f) / (right - centre));
            }
            _filters[m] = (start, weights);
        }
    }

    public int Count => _filters.Length;

    public static double HzToMel(double hz) => 2595 * Math.Log10(1 + hz / 700);

    public static double MelToHz(double mel) => 700 * (Math.Pow(10, mel / 2595) - 1);

    /// <summary>The centre frequencies of <paramref name="filterCount"/> filters between <paramref name="lowHz"/> and <paramref name="highHz"/>.</summary>
    public static double[] CentresHz(int filterCount, double lowHz, double highHz) => EdgesHz(filterCount, lowHz, highHz)[1..^1];

    public void Apply(ReadOnlySpan<double> powerSpectrum, Span<double> energies)
    {
        for (int m = 0; m < _filters.Length; m++)
        {
            var (start, weights) = _filters[m];
            double sum = 0;
            for (int k = 0; k < weights.Length && start + k < powerSpectrum.Length; k++) sum += weights[k] * powerSpectrum[start + k];
            energies[m] = sum;
        }
    }

    // filterCount + 2 points equally spaced in mel: each filter rises from one point to the next and falls to the third.
    private static double[] EdgesHz(int filterCount, double lowHz, double highHz)
    {
        double lowMel = HzToMel(lowHz), highMel = HzToMel(highHz);
        return Enumerable.Range(0, filterCount + 2).Select(i => MelToHz(lowMel + i * (highMel - lowMel) / (filterCount + 1))).ToArray();
    }
}
