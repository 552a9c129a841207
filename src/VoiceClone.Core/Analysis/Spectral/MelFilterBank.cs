namespace VoiceClone.Core.Analysis.Spectral;

/// <summary>Triangular filters equally spaced on the HTK mel scale, mel(f) = 2595 log10(1 + f / 700) (Young et al., HTK Book).</summary>
internal sealed class MelFilterBank
{
    private readonly (int Start, float[] Weights)[] _filters;

    public MelFilterBank(int filterCount, int fftSize, int sampleRateHz, double lowHz, double highHz)
    {
        double Mel(double f) => 2595 * Math.Log10(1 + f / 700);
        double Hz(double m) => 700 * (Math.Pow(10, m / 2595) - 1);
        double binHz = (double)sampleRateHz / fftSize;
        var centresHz = Enumerable.Range(0, filterCount + 2).Select(i => Hz(Mel(lowHz) + i * (Mel(highHz) - Mel(lowHz)) / (filterCount + 1))).ToArray();
        _filters = new (int, float[])[filterCount];
        for (int m = 0; m < filterCount; m++)
        {
            double left = centresHz[m], centre = centresHz[m + 1], right = centresHz[m + 2];
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
}
