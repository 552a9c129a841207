namespace VoiceClone.Core.Dsp;

/// <summary>
/// The DCT-II, X[k] = s sum_m x[m] cos(pi k (m + 1/2) / M) (Ahmed, Natarajan &amp; Rao 1974), for coefficients
/// first..first+count-1 of M inputs: applied to log mel energies it gives the mel-frequency cepstrum (Davis &amp;
/// Mermelstein 1980). Orthonormal scaling s = sqrt(2 / M) (k &gt; 0), or none. The basis is tabulated once.
/// </summary>
public sealed class DctII
{
    private readonly double[][] _basis;
    private readonly double _scale;

    public DctII(int inputLength, int firstCoefficient, int count, bool orthonormal)
    {
        _basis = new double[count][];
        for (int c = 0; c < count; c++)
        {
            int k = firstCoefficient + c;
            _basis[c] = new double[inputLength];
            for (int m = 0; m < inputLength; m++) _basis[c][m] = Math.Cos(Math.PI * k * (m + 0.5) / inputLength);
        }
        _scale = orthonormal ? Math.Sqrt(2.0 / inputLength) : 1;
    }

    public int Count => _basis.Length;

    public void Transform(ReadOnlySpan<double> input, Span<double> output)
    {
        for (int c = 0; c < _basis.Length; c++)
        {
            double[] row = _basis[c];
            double sum = 0;
            for (int m = 0; m < row.Length; m++) sum += input[m] * row[m];
            output[c] = _scale * sum;
        }
    }

    public double[] Transform(ReadOnlySpan<double> input)
    {
        var output = new double[_basis.Length];
        Transform(input, output);
        return output;
    }
}
