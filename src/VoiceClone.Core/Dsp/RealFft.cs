namespace VoiceClone.Core.Dsp;

/// <summary>
/// The spectrum of a real frame through a complex FFT of half its size (the "two for one" packing; Brigham 1988,
/// The Fast Fourier Transform and Its Applications, sec. 9.3): z[m] = x[2m] + i x[2m+1], Z = FFT_{N/2}(z), then
/// X[k] = (Z[k] + conj Z[N/2-k]) / 2 - i e^{-2 pi i k / N} (Z[k] - conj Z[N/2-k]) / 2 for k = 0..N/2.
/// About half the work of a complex FFT of the zero-imaginary frame. Not thread-safe: one instance per thread.
/// </summary>
public sealed class RealFft
{
    private readonly Fft _half;
    private readonly double[] _re, _im, _cos, _sin;

    public RealFft(int size)
    {
        if (size < 4 || (size & (size - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "FFT size must be a power of two, at least 4.");
        }
        Size = size;
        _half = new Fft(size / 2);
        _re = new double[size / 2];
        _im = new double[size / 2];
        _cos = new double[size / 2 + 1];
        _sin = new double[size / 2 + 1];
        for (int k = 0; k <= size / 2; k++)
        {
            _cos[k] = Math.Cos(2 * Math.PI * k / size);
            _sin[k] = Math.Sin(2 * Math.PI * k / size);
        }
    }

    public int Size { get; }

    /// <summary>Bins 0..N/2 of the forward transform (e^{-i 2 pi k n / N}) of <paramref name="x"/>, zero-padded to N.</summary>
    public void Forward(ReadOnlySpan<double> x, Span<double> re, Span<double> im)
    {
        if (x.Length > Size) throw new ArgumentException($"{x.Length} samples do not fit a {Size}-point FFT.", nameof(x));
        int half = Size / 2;
        for (int m = 0; m < half; m++)
        {
            _re[m] = 2 * m < x.Length ? x[2 * m] : 0;
            _im[m] = 2 * m + 1 < x.Length ? x[2 * m + 1] : 0;
        }
        _half.Forward(_re, _im);
        for (int k = 0; k <= half; k++)
        {
            int j = k == 0 || k == half ? 0 : half - k;
            int i = k == half ? 0 : k;
            // Even part E = (Z[k] + conj Z[j]) / 2, odd part O = (Z[k] - conj Z[j]) / (2i); X[k] = E + e^{-2 pi i k/N} O.
            double evenRe = (_re[i] + _re[j]) / 2, evenIm = (_im[i] - _im[j]) / 2;
            double oddRe = (_im[i] + _im[j]) / 2, oddIm = -(_re[i] - _re[j]) / 2;
            double wr = _cos[k], wi = -_sin[k];
            re[k] = evenRe + wr * oddRe - wi * oddIm;
            im[k] = evenIm + wr * oddIm + wi * oddRe;
        }
    }
}
