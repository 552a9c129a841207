using VoiceClone.Core.Audio;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Audio;

public sealed class ResamplingAudioReaderTests
{
    [Theory]
    [InlineData(96000, 1)]
    [InlineData(96000, 777)]
    [InlineData(44100, 100_000)]
    public void Reads_the_file_resampled_whole_in_any_read_size_and_shows_the_original_samples_first(int rateHz, int readSize)
    {
        using var folder = new TempDirectory();
        float[] x = Voices.Add(Signals.Sweep(100, 7000, rateHz, rateHz * 3 / 2), Voices.WhiteNoise(rateHz * 3 / 2, 0.02));
        string path = folder.File("high.wav");
        WavWriter.Write(path, x, rateHz, WavSampleFormat.Float32);
        var seen = new List<float>();

        using var reader = new ResamplingAudioReader(WavReader.Open(path), 16000, block => seen.AddRange(block.ToArray()));
        var read = new List<float>();
        var buffer = new float[readSize];
        for (int n; (n = reader.ReadMono(buffer)) > 0;) read.AddRange(buffer.AsSpan(0, n).ToArray());

        Assert.Equal(16000, reader.SampleRateHz);
        Assert.Equal(rateHz, reader.InputSampleRateHz);
        Assert.Equal(x, seen);
        Assert.Equal(SincResampler.Resample(x, rateHz, 16000), read);
        Assert.Equal(read.Count, reader.FrameCount);
        Assert.Equal(0, reader.ReadMono(buffer));
    }
}
