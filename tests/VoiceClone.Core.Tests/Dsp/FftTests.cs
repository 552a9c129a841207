using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Tests.Dsp;

public sealed class FftTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(64)]
    [InlineData(512)]
    public void Forward_equals_the_direct_DFT_sum_and_Inverse_undoes_it(int size)
    {
        var random = new Random(size);
        double[] x = Enumerable.Range(0, size).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] y = Enumerable.Range(0, size).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] re = (double[])x.Clone(), im = (double[])y.Clone();
        var fft = new Fft(size);

        fft.Forward(re, im);
        for (int k = 0; k < size; k++)
        {
            double sumRe = 0, sumIm = 0;
            for (int n = 0; n < size; n++)
            {
                double angle = -2 * Math.PI * k * n / size;
                sumRe += x[n] * Math.Cos(angle) - y[n] * Math.Sin(angle);
                sumIm += x[n] * Math.Sin(angle) + y[n] * Math.Cos(angle);
            }
            Assert.Equal(sumRe, re[k], 1e-9);
            Assert.Equal(sumIm, im[k], 1e-9);
        }

        fft.Inverse(re, im);
        for (int n = 0; n < size; n++)
        {
            Assert.Equal(x[n], re[n], 12);
            Assert.Equal(y[n], im[n], 12);
        }
    }

    [Fact]
    public void A_cosine_on_bin_k_puts_half_its_energy_in_bins_k_and_N_minus_k()
    {
        const int size = 256, bin = 10;
        double[] re = Enumerable.Range(0, size).Select(n => Math.Cos(2 * Math.PI * bin * n / size)).ToArray();
        var im = new double[size];

        new Fft(size).Forward(re, im);

        Assert.Equal(size / 2.0, re[bin], 9);
        Assert.Equal(size / 2.0, re[size - bin], 9);
        for (int k = 0; k < size; k++)
        {
            if (k != bin && k != size - bin) Assert.True(Math.Abs(re[k]) + Math.Abs(im[k]) < 1e-9, $"bin {k}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    public void Sizes_that_are_not_a_power_of_two_are_refused(int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Fft(size));
}
