namespace VoiceClone.Core.Dsp;

/// <summary>
/// Iterative radix-2 Cooley-Tukey FFT (Cooley & Tukey 1965) on split real/imaginary arrays, with
/// precomputed twiddles and bit-reversal for one size. Not thread-safe: one instance per thread.
/// </summary>
public sealed class Fft
{
    private readonly double[] _cos;
    private readonly double[] _sin;
    private readonly int[] _bitReversed;

    public Fft(int size)
    {
        if (size < 2 || (size & (size - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(size), size, "FFT size must be a power of two.");
        Size = size;
        _cos = new double[size / 2];
        _sin = new double[size / 2];
        for (int k = 0; k < size / 2; k++)
        {
            _cos[k] = Math.Cos(2 * Math.PI * k / size);
            _sin[k] = -Math.Sin(2 * Math.PI * k / size);
        }
        _bitReversed = new int[size];
        int bits = System.Numerics.BitOperations.Log2((uint)size);
        for (int i = 0; i < size; i++) _bitReversed[i] = (int)(ReverseBits((uint)i) >> (32 - bits));
    }

    public int Size { get; }

    /// <summary>In-place forward transform (e^{-i 2 pi k n / N}).</summary>
    public void Forward(Span<double> re, Span<double> im) => Transform(re, im, inverse: false);

    /// <summary>In-place inverse transform, scaled by 1/N.</summary>
    public void Inverse(Span<double> re, Span<double> im)
    {
        Transform(re, im, inverse: true);
        double scale = 1.0 / Size;
        for (int i = 0; i < Size; i++) { re[i] *= scale; im[i] *= scale; }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Transform(Span<double> re, Span<double> im, bool inverse)
    {
        int n = Size;
        for (int i = 0; i < n; i++)
        {
            int j = _bitReversed[i];
            if (j > i) { (re[i], re[j]) = (re[j], re[i]); (im[i], im[j]) = (im[j], im[i]); }
        }
        double sign = inverse ? -1 : 1;
        for (int half = 1; half < n; half *= 2)
        {
            int step = n / (2 * half);
            for (int start = 0; start < n; start += 2 * half)
            {
                for (int k = 0; k < half; k++)
                {
                    double wr = _cos[k * step], wi = sign * _sin[k * step];
                    int a = start + k, b = a + half;
                    double tr = wr * re[b] - wi * im[b];
                    double ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr; im[b] = im[a] - ti;
                    re[a] += tr; im[a] += ti;
                }
            }
        }
    }

    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        return (v >> 16) | (v << 16);
    }
}
