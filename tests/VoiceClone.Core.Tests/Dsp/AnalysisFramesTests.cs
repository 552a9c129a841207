using VoiceClone.Core.Dsp;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Dsp;

public sealed class AnalysisFramesTests
{
    [Fact]
    public void The_grid_is_10_ms_hops_of_25_ms_windows_at_16_kHz()
    {
        Assert.Equal(AnalysisFrames.SampleRateHz * AnalysisFrames.HopSeconds, AnalysisFrames.HopSamples, 9);
        Assert.Equal(0.025 * AnalysisFrames.SampleRateHz, AnalysisFrames.WindowSamples, 9);
        Assert.Equal(101, AnalysisFrames.FrameCount(16000));
        Assert.Equal(1, AnalysisFrames.FrameCount(0));
    }

    [Fact]
    public void A_half_scale_sine_measures_minus_9_dBFS_and_digital_silence_minus_200()
    {
        float[] x = Voices.Concat(Signals.Sine(1000, 16000, 16000, amplitude: 0.5), new float[16000]);

        double[] levels = AnalysisFrames.LevelsDb(x, out double[] rms);

        Assert.Equal(20 * Math.Log10(0.5 / Math.Sqrt(2)), levels[50], 1);
        Assert.Equal(0.5 / Math.Sqrt(2), rms[50], 3);
        Assert.Equal(-200, levels[150], 6);
    }

    [Fact]
    public void Windows_at_the_edges_are_zero_padded_and_centred_on_the_frame()
    {
        float[] x = Enumerable.Range(1, 1000).Select(i => (float)i).ToArray();
        var window = new float[AnalysisFrames.WindowSamples];

        AnalysisFrames.Window(x, 0, window);
        Assert.Equal(0, window[199]);
        Assert.Equal(1, window[200]);

        AnalysisFrames.Window(x, 3, window);
        Assert.Equal(480 - 200 + 1, window[0]);
        Assert.Equal(481, window[200]);
    }
}
