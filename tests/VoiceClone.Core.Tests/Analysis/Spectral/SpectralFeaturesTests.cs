using VoiceClone.Core.Analysis.Spectral;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Analysis.Spectral;

/// <summary>The eGeMAPS spectral functionals on signals whose spectrum is known.</summary>
public sealed class SpectralFeaturesTests
{
    private static SpectralFeatures Measure(float[] x, bool voiced = true)
    {
        var features = new SpectralFeatures();
        var window = new float[AnalysisFrames.WindowSamples];
        for (int frame = 2; frame < AnalysisFrames.FrameCount(x.Length) - 2; frame++)
        {
            AnalysisFrames.Window(x, frame, window);
            features.AddFrame(window, voiced);
        }
        return features;
    }

    [Fact]
    public void Alpha_ratio_is_positive_for_energy_below_1_kHz_and_negative_above()
    {
        double low = Measure(Signals.Sine(300, Voices.Rate, Voices.Rate)).AlphaRatioDb;
        double high = Measure(Signals.Sine(3000, Voices.Rate, Voices.Rate)).AlphaRatioDb;

        Assert.True(low > 20, $"alpha ratio of a 300 Hz tone {low:F1} dB");
        Assert.True(high < -20, $"alpha ratio of a 3 kHz tone {high:F1} dB");
    }

    [Fact]
    public void White_noise_has_a_flat_slope_and_pink_noise_falls()
    {
        SpectralFeatures white = Measure(Voices.WhiteNoise(Voices.Rate * 2, 0.1));
        SpectralFeatures pink = Measure(Voices.PinkNoise(Voices.Rate * 2, 0.1));

        Assert.InRange(white.SlopeHigh, -0.002, 0.002);
        Assert.True(pink.SlopeHigh < -0.002, $"pink 500-1500 Hz slope {pink.SlopeHigh:F4} dB/Hz");
    }

    [Fact]
    public void MFCC_1_to_4_do_not_move_with_level()
    {
        float[] voice = Voices.Vowel(150, 1.0);
        double[] loud = Measure(voice).MfccMeans;
        double[] quiet = Measure(voice.Select(v => v * 0.05f).ToArray()).MfccMeans;

        Assert.Equal(SpectralFeatures.MfccCount, loud.Length);
        for (int c = 0; c < loud.Length; c++) Assert.Equal(loud[c], quiet[c], 3);
    }

    [Fact]
    public void Unvoiced_frames_count_for_MFCC_only()
    {
        SpectralFeatures unvoiced = Measure(Voices.Vowel(150, 0.5), voiced: false);

        Assert.All(unvoiced.MfccMeans, m => Assert.False(double.IsNaN(m)));
        Assert.True(double.IsNaN(unvoiced.AlphaRatioDb));
        Assert.True(double.IsNaN(unvoiced.HammarbergIndexDb));
        Assert.True(double.IsNaN(unvoiced.SlopeLow));
    }
}
