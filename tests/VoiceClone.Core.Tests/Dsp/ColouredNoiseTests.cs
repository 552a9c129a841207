using VoiceClone.Core.Dsp;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Dsp;

public sealed class ColouredNoiseTests
{
    [Fact]
    public void Noise_is_mixed_at_the_asked_snr_with_the_asked_spectral_slope()
    {
        var audio = new AudioBuffer(Voices.Utterance(), Voices.Rate);
        AudioBuffer noisy = ColouredNoise.Add(audio, ColouredNoise.Pink, 10, new Random(1));
        float[] noise = noisy.Samples.Select((s, i) => s - audio.Samples[i]).ToArray();
        double noiseDb = 20 * Math.Log10(Signals.Rms(noise));
        Assert.Equal(ActiveSpeechLevel.Dbfs(audio.Samples) - 10, noiseDb, 1);

        // Power per octave band: flat for pink (1/f), rising 3 dB per octave for white, falling 3 dB for brown.
        var slopes = new[] { (ColouredNoise.White, 3.0), (ColouredNoise.Pink, 0.0), (ColouredNoise.Brown, -3.0) };
        foreach (var (beta, slopeDbPerOctave) in slopes)
        {
            float[] x = ColouredNoise.Generate(1 << 16, 16000, beta, new Random(2));
            Assert.Equal(1, Signals.Rms(x), 3);
            double low = OctavePowerDb(x, 500, 1000), high = OctavePowerDb(x, 2000, 4000);
            Assert.InRange((high - low) / 2, slopeDbPerOctave - 0.7, slopeDbPerOctave + 0.7);
        }
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
