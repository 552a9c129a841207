using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Tests.Dsp;

public sealed class WindowsTests
{
    [Fact]
    public void Periodic_Hann_windows_overlapped_by_half_sum_to_one()
    {
        const int length = 64;
        double[] w = Windows.Hann(length);
        for (int n = 0; n < length / 2; n++) Assert.Equal(1, w[n] + w[n + length / 2], 12);
        Assert.Equal(0, w[0]);
        Assert.Equal(1, w[length / 2], 12);
    }

    [Fact]
    public void The_Hamming_window_is_symmetric_and_ends_at_0_08()
    {
        double[] w = Windows.Hamming(401);
        Assert.Equal(0.08, w[0], 12);
        Assert.Equal(0.08, w[^1], 12);
        Assert.Equal(1, w[200], 12);
        for (int n = 0; n < w.Length; n++) Assert.Equal(w[n], w[^(n + 1)], 12);
    }

    [Fact]
    public void The_centred_Hann_taper_is_one_at_the_centre_and_falls_towards_zero_just_past_the_half_width()
    {
        Assert.Equal(1, Windows.CentredHann(0, 10), 12);
        Assert.Equal(0.5, Windows.CentredHann(5, 9), 12);
        Assert.Equal(0, Windows.CentredHann(11, 10), 12);
        Assert.Equal(Windows.CentredHann(-3, 10), Windows.CentredHann(3, 10), 12);
    }
}
