using VoiceClone.Core.Dsp;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Dsp;

public sealed class StreamingResamplerTests
{
    private static float[] Streamed(float[] x, int inRate, int outRate, Random blockSizes, int maxBlock)
    {
        var resampler = new StreamingResampler(inRate, outRate);
        var output = new List<float>();
        for (int at = 0; at < x.Length;)
        {
            int block = Math.Min(x.Length - at, blockSizes.Next(0, maxBlock + 1));
            output.AddRange(resampler.Process(x.AsSpan(at, block)));
            at += block;
        }
        output.AddRange(resampler.Flush());
        return [.. output];
    }

    [Theory]
    [InlineData(768000, 16000, 50000)]
    [InlineData(44100, 16000, 4096)]
    [InlineData(16000, 24000, 300)]
    [InlineData(11025, 48000, 1000)]
    [InlineData(44100, 48001, 2000)] // a ratio with too many phases to tabulate: the kernel is computed per sample
    [InlineData(48000, 16000, 1)]
    public void Blocks_of_any_size_give_exactly_the_samples_of_the_whole_signal_resampled(int inRate, int outRate, int maxBlock)
    {
        float[] x = Voices.Add(Signals.Sweep(50, 0.45 * Math.Min(inRate, outRate), inRate, inRate / 4), Voices.WhiteNoise(inRate / 4, 0.05));

        float[] whole = SincResampler.Resample(x, inRate, outRate);
        float[] streamed = Streamed(x, inRate, outRate, new Random(inRate ^ outRate), maxBlock);

        Assert.Equal(whole.Length, streamed.Length);
        for (int i = 0; i < whole.Length; i++)
        {
            if (whole[i] != streamed[i]) Assert.Fail($"sample {i} of {whole.Length}: {streamed[i]} streamed, {whole[i]} whole");
        }
    }

    [Fact]
    public void History_stays_within_a_block_and_the_kernel_so_long_signals_cost_no_more_memory()
    {
        const int inRate = 768000, block = 65536;
        var resampler = new StreamingResampler(inRate, 16000);
        float[] chunk = Signals.Sine(440, inRate, block);
        long before = 0;
        for (int i = 0; i < 200; i++) // 17 s of 768 kHz audio
        {
            resampler.Process(chunk);
            if (i == 10) before = GC.GetAllocatedBytesForCurrentThread();
        }
        long perBlock = (GC.GetAllocatedBytesForCurrentThread() - before) / 189;
        // Each block allocates only its output (1,366 samples); the history array is reused.
        Assert.InRange(perBlock, 1, 16 * 1024);
    }

    [Fact]
    public void Equal_rates_pass_samples_through_and_a_flushed_resampler_takes_no_more()
    {
        var resampler = new StreamingResampler(16000, 16000);
        float[] x = Signals.Sine(440, 16000, 1000);

        Assert.Equal(x, resampler.Process(x));
        Assert.Empty(resampler.Flush());
        Assert.Empty(resampler.Flush());
        Assert.Throws<InvalidOperationException>(() => resampler.Process(x));
    }

    [Fact]
    public void An_empty_signal_gives_no_samples()
    {
        var resampler = new StreamingResampler(44100, 16000);
        Assert.Empty(resampler.Process([]));
        Assert.Empty(resampler.Flush());
    }
}
