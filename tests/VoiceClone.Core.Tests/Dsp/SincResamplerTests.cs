using VoiceClone.Core.Dsp;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Dsp;

/// <summary>The resampler judged by measurement: passband flatness, stopband rejection, no aliasing.</summary>
public sealed class SincResamplerTests
{
    // Skip the filter's start-up and tail when measuring steady-state levels.
    private static double SteadyRms(float[] x) => Signals.Rms(x.AsSpan(x.Length / 5, x.Length * 3 / 5));

    [Theory]
    [InlineData(48000, 16000)]
    [InlineData(44100, 16000)]
    [InlineData(16000, 24000)]
    [InlineData(22050, 24000)]
    [InlineData(24000, 16000)]
    [InlineData(8000, 24000)]
    public void Passband_ripple_is_below_0_05_dB_up_to_0_84_of_the_lower_Nyquist(int inRate, int outRate)
    {
        double lowerNyquist = Math.Min(inRate, outRate) / 2.0;
        foreach (double fraction in new[] { 0.01, 0.1, 0.3, 0.5, 0.7, 0.84 })
        {
            float[] x = Signals.Sine(fraction * lowerNyquist, inRate, inRate / 2);
            float[] y = SincResampler.Resample(x, inRate, outRate);
            double gainDb = Signals.Db(SteadyRms(y) / SteadyRms(x));
            Assert.True(Math.Abs(gainDb) < 0.05, $"{inRate}->{outRate}: gain {gainDb:F4} dB at {fraction:P0} of Nyquist");
        }
    }

    [Theory]
    [InlineData(48000, 16000)]
    [InlineData(44100, 16000)]
    [InlineData(24000, 16000)]
    public void Stopband_rejects_more_than_90_dB_above_the_output_Nyquist(int inRate, int outRate)
    {
        double outNyquist = outRate / 2.0;
        foreach (double hz in new[] { outNyquist * 1.02, outNyquist * 1.3, inRate * 0.45 })
        {
            float[] x = Signals.Sine(hz, inRate, inRate / 2);
            float[] y = SincResampler.Resample(x, inRate, outRate);
            double attenuationDb = Signals.Db(SteadyRms(y) / SteadyRms(x));
            Assert.True(attenuationDb < -90, $"{inRate}->{outRate}: {hz:F0} Hz leaks at {attenuationDb:F1} dB");
        }
    }

    [Fact]
    public void A_sweep_above_the_new_Nyquist_does_not_alias_into_the_output()
    {
        const int inRate = 48000, outRate = 16000;
        // Sweep 8.2 kHz -> 23 kHz: every component is above 8 kHz, so the ideal output is silence.
        float[] x = Signals.Sweep(8200, 23000, inRate, inRate * 2);
        float[] y = SincResampler.Resample(x, inRate, outRate);
        double leakDb = Signals.Db(SteadyRms(y) / SteadyRms(x));
        Assert.True(leakDb < -85, $"aliasing at {leakDb:F1} dB");

        // And a sweep within the passband comes through whole.
        float[] inBand = Signals.Sweep(100, 6000, inRate, inRate * 2);
        double passDb = Signals.Db(SteadyRms(SincResampler.Resample(inBand, inRate, outRate)) / SteadyRms(inBand));
        Assert.True(Math.Abs(passDb) < 0.1, $"in-band sweep gain {passDb:F3} dB");
    }

    [Theory]
    [InlineData(48000, 16000, 48000, 16000)]
    [InlineData(44100, 16000, 44101, 16001)]
    [InlineData(16000, 24000, 1001, 1502)]
    public void Output_length_is_the_input_duration_at_the_new_rate(int inRate, int outRate, int inLength, int expected)
    {
        Assert.Equal(expected, SincResampler.Resample(new float[inLength], inRate, outRate).Length);
    }

    [Fact]
    public void Keeps_a_constant_constant_and_is_identity_at_equal_rates()
    {
        float[] dc = Enumerable.Repeat(0.25f, 4000).ToArray();
        float[] y = SincResampler.Resample(dc, 44100, 16000);
        foreach (float v in y.AsSpan(200, y.Length - 400)) Assert.Equal(0.25f, v, 5);
        Assert.Equal(dc, SincResampler.Resample(dc, 16000, 16000));
    }

    [Fact]
    public void Ratios_too_fine_to_tabulate_still_resample_correctly()
    {
        // 44100 -> 44101 reduces to 44101 phases: computed per sample instead of from a table.
        float[] x = Signals.Sine(1000, 44100, 8000);
        float[] y = SincResampler.Resample(x, 44100, 44101);
        Assert.True(Math.Abs(Signals.Db(SteadyRms(y) / SteadyRms(x))) < 0.05);
    }
}
