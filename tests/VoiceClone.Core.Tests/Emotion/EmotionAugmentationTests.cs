using VoiceClone.Core.Audio;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Emotion;

/// <summary>The level normaliser and the recording chains training is augmented with: each does what its name says, measurably.</summary>
public sealed class EmotionAugmentationTests
{
    private static AudioBuffer Speechlike() =>
        new(Voices.Concat(Voices.Silence(0.3), Voices.Vowel(140, 0.8), Voices.Silence(0.2), Voices.Vowel(190, 0.6, formantsHz: [400, 2000, 2800])), Voices.Rate);

    [Fact]
    public void Active_speech_level_moves_exactly_with_gain_and_ignores_the_silences()
    {
        AudioBuffer audio = Speechlike();
        double level = ActiveSpeechLevel.Dbfs(audio.Samples);
        Assert.Equal(level - 20, ActiveSpeechLevel.Dbfs(audio.Samples.Select(s => s * 0.1f).ToArray()), 3);
        // The vowels alone: the silences between them do not dilute the level.
        float[] vowel = Voices.Vowel(140, 0.8);
        Assert.InRange(level, ActiveSpeechLevel.Dbfs(vowel) - 2, ActiveSpeechLevel.Dbfs(vowel) + 2);
        Assert.Equal(ActiveSpeechLevel.TargetDbfs, ActiveSpeechLevel.Dbfs(ActiveSpeechLevel.Normalise(audio).Samples), 3);
    }

    [Fact]
    public void Digital_silence_has_no_level_and_is_left_alone()
    {
        var silence = new AudioBuffer(new float[16000], 16000);
        Assert.True(double.IsNegativeInfinity(ActiveSpeechLevel.Dbfs(silence.Samples)));
        Assert.All(ActiveSpeechLevel.Normalise(silence).Samples, s => Assert.Equal(0f, s));
    }

    [Fact]
    public void Noise_is_mixed_at_the_asked_snr_with_the_asked_spectral_slope()
    {
        AudioBuffer audio = Speechlike();
        AudioBuffer noisy = ColouredNoise.Add(audio, ColouredNoise.Pink, 10, new Random(1));
        float[] noise = noisy.Samples.Select((s, i) => s - audio.Samples[i]).ToArray();
        double noiseDb = 20 * Math.Log10(Signals.Rms(noise));
        Assert.Equal(ActiveSpeechLevel.Dbfs(audio.Samples) - 10, noiseDb, 1);

        // Power per octave band: flat for pink (1/f), rising 3 dB per octave for white, falling 3 dB for brown.
        foreach (var (beta, slopeDbPerOctave) in new[] { (ColouredNoise.White, 3.0), (ColouredNoise.Pink, 0.0), (ColouredNoise.Brown, -3.0) })
        {
            float[] x = ColouredNoise.Generate(1 << 16, 16000, beta, new Random(2));
            Assert.Equal(1, Signals.Rms(x), 3);
            double low = OctavePowerDb(x, 500, 1000), high = OctavePowerDb(x, 2000, 4000);
            Assert.InRange((high - low) / 2, slopeDbPerOctave - 0.7, slopeDbPerOctave + 0.7);
        }
    }

    [Fact]
    public void The_telephone_band_passes_1_kHz_and_stops_100_Hz_and_6_kHz()
    {
        double Gain(double hz)
        {
            float[] tone = Signals.Sine(hz, 16000, 16000);
            float[] output = ButterworthBandPass.Apply(new AudioBuffer(tone, 16000), 300, 3400).Samples;
            return Signals.Db(Signals.Rms(output.AsSpan(4000)) / Signals.Rms(tone.AsSpan(4000)));
        }
        Assert.InRange(Gain(1000), -0.5, 0.1);
        Assert.InRange(Gain(300), -3.5, -2.5);   // -3 dB at each corner: Butterworth
        Assert.InRange(Gain(3400), -3.5, -2.5);
        Assert.True(Gain(100) < -35, "two octaves under the 4th-order high-pass corner: 48 dB down in theory");
        Assert.True(Gain(6000) < -18, "an octave over the 4th-order low-pass corner: 24 dB down in theory");
    }

    [Fact]
    public void Reverberation_decays_60_dB_in_the_asked_RT60()
    {
        var impulse = new float[32000];
        impulse[100] = 1;
        float[] response = SyntheticReverb.Apply(new AudioBuffer(impulse, 16000), 0.5, 0, new Random(3)).Samples;
        Assert.Equal(1, response[100], 3);
        // Schroeder backward integration (Schroeder 1965) of the tail: -5 to -35 dB, extrapolated to -60 dB.
        double[] energy = response.Skip(101).Select(v => (double)v * v).ToArray();
        double[] remaining = new double[energy.Length];
        for (int i = energy.Length - 1; i >= 0; i--) remaining[i] = (i + 1 < energy.Length ? remaining[i + 1] : 0) + energy[i];
        double Db(int i) => 10 * Math.Log10(remaining[i] / remaining[0]);
        int t5 = Array.FindIndex(remaining, r => r < remaining[0] * Math.Pow(10, -0.5));
        int t35 = Array.FindIndex(remaining, r => r < remaining[0] * Math.Pow(10, -3.5));
        double rt60 = (t35 - t5) / 16000.0 * 60 / (Db(t5) - Db(t35));
        Assert.InRange(rt60, 0.45, 0.55);
        Assert.Equal(0, 10 * Math.Log10(energy.Sum()), 0.5); // tail energy = direct energy at 0 dB direct-to-reverberant
    }

    [Fact]
    public void Augmented_views_are_reproducible_from_the_seed_and_differ_between_seeds()
    {
        AudioBuffer prepared = EmotionFeatures.Prepare(Speechlike());
        float[][] a = EmotionAugmentation.Default.Views(prepared, seed: 5);
        float[][] b = EmotionAugmentation.Default.Views(prepared, seed: 5);
        float[][] c = EmotionAugmentation.Default.Views(prepared, seed: 6);
        Assert.Equal(EmotionAugmentation.Default.ViewsPerClip, a.Length);
        Assert.All(a, v => Assert.Equal(EmotionFeatures.Names.Count, v.Length));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Empty(EmotionAugmentation.None.Views(prepared, seed: 5));
    }

    private static double OctavePowerDb(float[] x, double lowHz, double highHz)
    {
        const int size = 1024;
        var fft = new Fft(size);
        double power = 0;
        for (int start = 0; start + size <= x.Length; start += size)
        {
            var re = x.Skip(start).Take(size).Select(v => (double)v).ToArray();
            var im = new double[size];
            fft.Forward(re, im);
            for (int k = (int)(lowHz * size / 16000); k < (int)(highHz * size / 16000); k++) power += re[k] * re[k] + im[k] * im[k];
        }
        return 10 * Math.Log10(power);
    }
}
