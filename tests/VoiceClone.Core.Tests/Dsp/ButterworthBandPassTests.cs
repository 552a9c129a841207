using VoiceClone.Core.Dsp;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Dsp;

public sealed class ButterworthBandPassTests
{
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
}
