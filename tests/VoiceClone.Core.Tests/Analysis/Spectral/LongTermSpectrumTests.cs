using VoiceClone.Core.Analysis.Spectral;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Analysis.Spectral;

public sealed class LongTermSpectrumTests
{
    private static LongTermSpectrum Measure(float[] x) => LongTermSpectrum.Measure(new AudioBuffer(x, Voices.Rate), LongTermSpectrum.HighestHz);

    private static float[] Scaled(float[] x, double gainDb) => x.Select(v => (float)(v * Math.Pow(10, gainDb / 20))).ToArray();

    private static float[] Faded(float[] x, double fadeSeconds)
    {
        int fade = (int)(fadeSeconds * Voices.Rate);
        var y = (float[])x.Clone();
        for (int i = 0; i < fade; i++)
        {
            float gain = (float)(0.5 - 0.5 * Math.Cos(Math.PI * i / fade));
            y[i] *= gain;
            y[^(i + 1)] *= gain;
        }
        return y;
    }

    [Fact]
    public void Timbre_distance_ignores_level_and_grows_with_a_formant_shift()
    {
        float[] voice = Voices.Vowel(120, 1.0);
        float[] shifted = Voices.Vowel(120, 1.0, formantsHz: [850, 1450, 3100]);

        LongTermSpectrum reference = Measure(voice);
        double quieter = reference.TimbreDistance(Measure(Scaled(voice, -20)));
        double otherVowel = reference.TimbreDistance(Measure(shifted));

        Assert.True(quieter < 0.1, $"distance after a 20 dB level change {quieter:F3} dB");
        Assert.True(otherVowel > 3, $"distance to shifted formants {otherVowel:F3} dB");
        Assert.Equal(reference.ActiveLevelDb - 20, Measure(Scaled(voice, -20)).ActiveLevelDb, 1);
    }

    [Fact]
    public void Silence_around_the_voice_does_not_change_the_envelope_or_the_active_level()
    {
        float[] voice = Faded(Voices.Vowel(120, 1.0), fadeSeconds: 0.05); // a voice starts and stops smoothly, not with a click
        LongTermSpectrum alone = Measure(voice);
        LongTermSpectrum padded = Measure(Voices.Concat(Voices.Silence(1.5), voice, Voices.Silence(1.5)));

        // Only the few frames that straddle the edges (within 35 dB of the loudest) pull the means.
        Assert.Equal(alone.ActiveLevelDb, padded.ActiveLevelDb, 0.25);
        Assert.True(alone.TimbreDistance(padded) < 0.5, $"distance {alone.TimbreDistance(padded):F3} dB");
    }

    [Fact]
    public void The_active_level_of_a_half_scale_sine_is_minus_9_dBFS() =>
        Assert.Equal(20 * Math.Log10(0.5 / Math.Sqrt(2)), Measure(Signals.Sine(440, Voices.Rate, Voices.Rate, amplitude: 0.5)).ActiveLevelDb, 0.05);

    [Fact]
    public void Spectra_over_different_bands_or_with_the_wrong_band_count_are_refused()
    {
        LongTermSpectrum wide = Measure(Signals.Sine(440, Voices.Rate, Voices.Rate));
        LongTermSpectrum narrow = LongTermSpectrum.Measure(new AudioBuffer(Signals.Sine(440, Voices.Rate, Voices.Rate), Voices.Rate), 3800);

        Assert.Throws<ArgumentException>(() => wide.TimbreDistance(narrow));
        Assert.Throws<ArgumentException>(() => LongTermSpectrum.FromStored(7600, new double[LongTermSpectrum.BandCount - 1], -20));
    }

    [Theory]
    [InlineData(16000, 48000, 7600)]
    [InlineData(8000, 44100, 3800)]
    [InlineData(11025, 11025, 5236.875)]
    public void The_common_band_stops_below_the_lower_Nyquist_frequency(int rateA, int rateB, double highHz) =>
        Assert.Equal(highHz, LongTermSpectrum.CommonHighHz(rateA, rateB), 6);
}
