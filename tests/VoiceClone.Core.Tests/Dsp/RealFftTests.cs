using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Tests.Dsp;

/// <summary>The half-size real FFT against the complex FFT of the same frame with a zero imaginary part.</summary>
public sealed class RealFftTests
{
    [Theory]
    [InlineData(4, 4)]
    [InlineData(8, 5)]
    [InlineData(64, 64)]
    [InlineData(512, 400)]
    public void Equals_the_complex_transform_of_the_zero_padded_frame(int size, int frameSamples)
    {
        var random = new Random(size + frameSamples);
        double[] frame = Enumerable.Range(0, frameSamples).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        double[] re = new double[size], im = new double[size];
        frame.CopyTo(re, 0);
        new Fft(size).Forward(re, im);

        double[] realRe = new double[size / 2 + 1], realIm = new double[size / 2 + 1];
        new RealFft(size).Forward(frame, realRe, realIm);
        for (int k = 0; k <= size / 2; k++)
        {
            Assert.Equal(re[k], realRe[k], 9);
            Assert.Equal(im[k], realIm[k], 9);
        }
    }

    [Fact]
    public void A_cosine_on_a_bin_lands_in_that_bin_alone()
    {
        const int size = 256, bin = 19;
        double[] x = Enumerable.Range(0, size).Select(n => Math.Cos(2 * Math.PI * bin * n / size)).ToArray();
        double[] re = new double[size / 2 + 1], im = new double[size / 2 + 1];
        new RealFft(size).Forward(x, re, im);
        for (int k = 0; k <= size / 2; k++) Assert.Equal(k == bin ? size / 2.0 : 0, Math.Sqrt(re[k] * re[k] + im[k] * im[k]), 9);
    }

    [Fact]
    public void Refuses_a_size_that_is_not_a_power_of_two_and_a_frame_that_does_not_fit()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RealFft(100));
        Assert.Throws<ArgumentException>(() => new RealFft(8).Forward(new double[9], new double[5], new double[5]));
    }
}
