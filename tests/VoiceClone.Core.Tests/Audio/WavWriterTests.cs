using VoiceClone.Core.Audio;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Audio;

public sealed class WavWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(WavSampleFormat.Pcm16, 1.0 / 32768)]
    [InlineData(WavSampleFormat.Float32, 0)]
    public void Round_trips_through_the_reader_with_info_tags(WavSampleFormat format, double tolerance)
    {
        float[] signal = Signals.Sine(220, 24000, 24001, amplitude: 0.9);
        string path = _dir.File("out.wav");
        var tags = new Dictionary<string, string>
        {
            [WavWriter.SoftwareTag] = "VoiceClone 0.1.0",
            [WavWriter.CommentTag] = "Synthetic speech (ünïcode)",
        };
        int clipped = WavWriter.Write(path, signal, 24000, format, tags);

        Assert.Equal(0, clipped);
        using var reader = WavReader.Open(path);
        Assert.Equal(24000, reader.Format.SampleRateHz);
        Assert.Equal(format == WavSampleFormat.Pcm16 ? WavEncoding.Pcm : WavEncoding.IeeeFloat, reader.Format.Encoding);
        Assert.Equal("Synthetic speech (ünïcode)", reader.Format.InfoTags["ICMT"]);
        Assert.Equal("VoiceClone 0.1.0", reader.Format.InfoTags["ISFT"]);
        float[] back = WavReader.ReadMono(path).Samples;
        Assert.Equal(signal.Length, back.Length);
        for (int i = 0; i < signal.Length; i++) Assert.True(Math.Abs(signal[i] - back[i]) <= tolerance, $"sample {i}");
    }

    [Fact]
    public void Clips_out_of_range_samples_and_counts_them()
    {
        string path = _dir.File("clip.wav");
        int clipped = WavWriter.Write(path, [0.5f, 1.5f, -2f, 1f], 16000, WavSampleFormat.Pcm16);
        Assert.Equal(2, clipped);
        Assert.Equal([0.5f, 32767 / 32768f, -1f, 32767 / 32768f], WavReader.ReadMono(path).Samples);
    }

    [Fact]
    public void Never_overwrites_without_permission_and_leaves_no_temporary_files()
    {
        string path = _dir.File("keep.wav");
        File.WriteAllText(path, "precious");
        var e = Assert.Throws<VoiceCloneException>(() => WavWriter.Write(path, [0.1f], 16000, WavSampleFormat.Pcm16));
        Assert.Equal("AudioWriteFailed", e.ErrorId);
        Assert.Equal("precious", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_dir.Path));

        WavWriter.Write(path, [0.1f], 16000, WavSampleFormat.Pcm16, overwrite: true);
        Assert.Single(WavReader.ReadMono(path).Samples);
    }

    [Fact]
    public void Rejects_non_finite_samples_without_creating_a_file()
    {
        string path = _dir.File("nan.wav");
        Assert.Throws<ArgumentException>(() => WavWriter.Write(path, [0f, float.NaN], 16000, WavSampleFormat.Float32));
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Odd_length_pcm16_has_even_chunk_padding_so_other_readers_agree()
    {
        string path = _dir.File("odd.wav");
        WavWriter.Write(path, [0.1f, 0.2f, 0.3f], 8000, WavSampleFormat.Pcm16,
            new Dictionary<string, string> { [WavWriter.TitleTag] = "abc" });
        long length = new FileInfo(path).Length;
        Assert.Equal(0, length % 2);
        Assert.Equal(3, WavReader.ReadMono(path).Samples.Length);
    }
}
