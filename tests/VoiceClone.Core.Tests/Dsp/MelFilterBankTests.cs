using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Tests.Dsp;

public sealed class MelFilterBankTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(700, 781.17)]
    [InlineData(1000, 999.99)]
    [InlineData(4000, 2146.06)]
    public void The_HTK_mel_scale_maps_1000_Hz_to_about_1000_mel(double hz, double mel)
    {
        Assert.Equal(mel, MelFilterBank.HzToMel(hz), 1);
        Assert.Equal(hz, MelFilterBank.MelToHz(MelFilterBank.HzToMel(hz)), 9);
    }

    [Fact]
    public void Centres_are_equally_spaced_in_mel_between_the_edges()
    {
        double[] centres = MelFilterBank.CentresHz(10, 60, 7600);

        Assert.Equal(10, centres.Length);
        double step = (MelFilterBank.HzToMel(7600) - MelFilterBank.HzToMel(60)) / 11;
        for (int i = 0; i < centres.Length; i++)
        {
            Assert.Equal(MelFilterBank.HzToMel(60) + (i + 1) * step, MelFilterBank.HzToMel(centres[i]), 9);
        }
    }

    [Fact]
    public void A_spectral_line_on_a_filter_centre_weighs_one_there_and_nothing_in_filters_two_away()
    {
        const int fftSize = 4096, rate = 16000, filters = 20;
        var bank = new MelFilterBank(filters, fftSize, rate, 100, 7000);
        double[] centres = MelFilterBank.CentresHz(filters, 100, 7000);
        const int target = 8;
        int bin = (int)Math.Round(centres[target] * fftSize / rate);
        var power = new double[fftSize / 2 + 1];
        power[bin] = 1;
        var energies = new double[filters];

        bank.Apply(power, energies);

        Assert.InRange(energies[target], 0.95, 1.0);
        Assert.True(energies[target - 1] < 0.05 && energies[target + 1] < 0.05);
        for (int m = 0; m < filters; m++) if (Math.Abs(m - target) > 1) Assert.Equal(0, energies[m]);
    }
}
