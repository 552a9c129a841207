using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Tests.Dsp;

public sealed class SyntheticReverbTests
{
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
}
