using System.Buffers.Binary;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Audio;

public sealed class WavReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(WavBytes wav, string name = "t.wav") => _dir.Write(name, wav.Build());

    [Fact]
    public void Reads_16_bit_pcm_exactly()
    {
        string path = Write(new WavBytes().Fmt(1, 1, 16000, 16).Data(WavBytes.Pcm16(0, 16384, -32768, 32767)));
        AudioBuffer audio = WavReader.ReadMono(path);
        Assert.Equal(16000, audio.SampleRateHz);
        Assert.Equal([0f, 0.5f, -1f, 32767 / 32768f], audio.Samples);
    }

    [Fact]
    public void Reads_8_bit_unsigned_pcm()
    {
        string path = Write(new WavBytes().Fmt(1, 1, 8000, 8).Data([128, 192, 0, 255]));
        Assert.Equal([0f, 0.5f, -1f, 127 / 128f], WavReader.ReadMono(path).Samples);
    }

    [Fact]
    public void Reads_24_bit_pcm_with_sign_extension()
    {
        // 0x400000 = +0.5, 0xC00000 = -0.5 (two's complement, little-endian)
        string path = Write(new WavBytes().Fmt(1, 1, 48000, 24).Data([0x00, 0x00, 0x40, 0x00, 0x00, 0xC0]));
        Assert.Equal([0.5f, -0.5f], WavReader.ReadMono(path).Samples);
    }

    [Fact]
    public void Reads_32_bit_pcm()
    {
        var data = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(data, int.MinValue / 4);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), int.MaxValue / 2 + 1);
        string path = Write(new WavBytes().Fmt(1, 1, 44100, 32).Data(data));
        Assert.Equal([-0.25f, 0.5f], WavReader.ReadMono(path).Samples);
    }

    [Fact]
    public void Reads_float32_and_float64()
    {
        var f32 = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(f32, 0.25f);
        BinaryPrimitives.WriteSingleLittleEndian(f32.AsSpan(4), -0.75f);
        var f64 = new byte[16];
        BinaryPrimitives.WriteDoubleLittleEndian(f64, 0.125);
        BinaryPrimitives.WriteDoubleLittleEndian(f64.AsSpan(8), -1.0);
        Assert.Equal([0.25f, -0.75f], WavReader.ReadMono(Write(new WavBytes().Fmt(3, 1, 24000, 32).Data(f32), "a.wav")).Samples);
        Assert.Equal([0.125f, -1f], WavReader.ReadMono(Write(new WavBytes().Fmt(3, 1, 24000, 64).Data(f64), "b.wav")).Samples);
    }

    [Fact]
    public void Reads_wave_format_extensible_pcm_and_float()
    {
        string pcm = Write(new WavBytes().FmtExtensible(1, 2, 48000, 16).Data(WavBytes.Pcm16(16384, 0)), "pcm.wav");
        var fl = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(fl, 1f);
        BinaryPrimitives.WriteSingleLittleEndian(fl.AsSpan(4), 0f);
        string flt = Write(new WavBytes().FmtExtensible(3, 2, 48000, 32).Data(fl), "float.wav");
        Assert.Equal([0.25f], WavReader.ReadMono(pcm).Samples);
        Assert.Equal([0.5f], WavReader.ReadMono(flt).Samples);
    }

    [Fact]
    public void Downmixes_any_channel_count_by_averaging_and_reads_interleaved()
    {
        // 3 channels, 2 frames
        string path = Write(new WavBytes().Fmt(1, 3, 16000, 16).Data(WavBytes.Pcm16(3000, 6000, 9000, -3000, -6000, -9000)));
        using var reader = WavReader.Open(path);
        Assert.Equal(3, reader.Format.Channels);
        Assert.Equal(2, reader.Format.FrameCount);
        var interleaved = new float[6];
        Assert.Equal(2, reader.ReadInterleaved(interleaved));
        Assert.Equal(9000 / 32768f, interleaved[2]);
        float[] mono = WavReader.ReadMono(path).Samples;
        Assert.Equal(6000 / 32768f, mono[0], 6);
        Assert.Equal(-6000 / 32768f, mono[1], 6);
    }

    [Fact]
    public void Skips_unknown_and_odd_sized_chunks_and_reads_list_info()
    {
        byte[] info = [.. "INFO"u8, .. "ISFT"u8, 5, 0, 0, 0, .. "test\0"u8, 0];
        string path = Write(new WavBytes()
            .Chunk("junk", [1, 2, 3])           // odd size: padded with one byte
            .Fmt(1, 1, 22050, 16)
            .Chunk("bext", new byte[17])
            .Chunk("LIST", info)
            .Data(WavBytes.Pcm16(100, 200, 300)));
        using var reader = WavReader.Open(path);
        Assert.Equal(3, reader.Format.FrameCount);
        Assert.Equal("test", reader.Format.InfoTags["ISFT"]);
    }

    [Fact]
    public void Finds_fmt_after_data_and_metadata_after_samples()
    {
        string path = Write(new WavBytes().Data(WavBytes.Pcm16(1, 2, 3)).Fmt(1, 1, 16000, 16));
        Assert.Equal(3, WavReader.ReadMono(path).Samples.Length);
    }

    [Fact]
    public void Accepts_streaming_writers_unknown_data_size()
    {
        string path = Write(new WavBytes { DeclaredRiffSize = 0xFFFFFFFF }.Fmt(1, 1, 16000, 16).Data(WavBytes.Pcm16(5, 6, 7, 8), declaredSize: 0xFFFFFFFF));
        Assert.Equal(4, WavReader.ReadMono(path).Samples.Length);
    }

    [Fact]
    public void Reads_rf64_with_the_size_from_its_ds64_chunk()
    {
        var ds64 = new byte[28];
        BinaryPrimitives.WriteInt64LittleEndian(ds64.AsSpan(8), 6); // data size in bytes: 3 samples
        string path = Write(new WavBytes { RiffId = "RF64", DeclaredRiffSize = 0xFFFFFFFF }
            .Chunk("ds64", ds64).Fmt(1, 1, 16000, 16).Data(WavBytes.Pcm16(1, 2, 3, 4), declaredSize: 0xFFFFFFFF));
        Assert.Equal(3, WavReader.ReadMono(path).Samples.Length);
    }

    [Fact]
    public void Ignores_a_trailing_partial_frame()
    {
        string path = Write(new WavBytes().Fmt(1, 2, 16000, 16).Data([1, 0, 2, 0, 3, 0]));
        Assert.Single(WavReader.ReadMono(path).Samples);
    }

    [Fact]
    public void Streams_in_small_blocks_with_the_same_result_as_whole_file()
    {
        float[] signal = Signals.Sine(440, 16000, 100_003);
        string path = _dir.File("long.wav");
        WavWriter.Write(path, signal, 16000, WavSampleFormat.Float32);
        float[] whole = WavReader.ReadMono(path).Samples;
        using var reader = WavReader.Open(path);
        var streamed = new List<float>();
        var block = new float[777];
        int n;
        while ((n = reader.ReadMono(block)) > 0) streamed.AddRange(block.AsSpan(0, n).ToArray());
        Assert.Equal(whole, streamed);
        Assert.Equal(signal, whole);
    }

    public static TheoryData<string, byte[]> MalformedFiles() => new()
    {
        { "shorter than a 12-byte RIFF header", [.. "RIFF"u8, 1, 2] },
        { "zero channels", new WavBytes().Fmt(1, 0, 16000, 16, blockAlign: 2).Data(WavBytes.Pcm16(1)).Build() },
        { "sample rate of 5 Hz", new WavBytes().Fmt(1, 1, 5, 16).Data(WavBytes.Pcm16(1)).Build() },
        { "sample rate of 100000000 Hz", new WavBytes().Fmt(1, 1, 100_000_000, 16).Data(WavBytes.Pcm16(1)).Build() },
        { "block align is 3 bytes", new WavBytes().Fmt(1, 1, 16000, 16, blockAlign: 3).Data(WavBytes.Pcm16(1)).Build() },
        { "no fmt chunk", new WavBytes().Data(WavBytes.Pcm16(1)).Build() },
        { "no data chunk", new WavBytes().Fmt(1, 1, 16000, 16).Build() },
        { "truncated: the data chunk declares 4000000000 bytes", new WavBytes().Fmt(1, 1, 16000, 16).Data(WavBytes.Pcm16(1, 2), declaredSize: 4_000_000_000).Build() },
        { "'LIST' chunk declares", new WavBytes().Chunk("LIST", [.. "INFO"u8], declaredSize: 1_000_000).Fmt(1, 1, 16000, 16).Data(WavBytes.Pcm16(1)).Build() },
        { "fmt chunk is 8 bytes", new WavBytes().Chunk("fmt ", new byte[8]).Data(WavBytes.Pcm16(1)).Build() },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Malformed_files_raise_AudioFileMalformed_naming_file_and_defect(string defect, byte[] bytes)
    {
        string path = _dir.Write("bad.wav", bytes);
        var e = Assert.Throws<VoiceCloneException>(() => WavReader.ReadMono(path));
        Assert.Equal("AudioFileMalformed", e.ErrorId);
        Assert.Contains(path, e.Message);
        Assert.Contains(defect, e.Message);
    }

    public static TheoryData<string, byte[]> ForeignFiles() => new()
    {
        { "MP3", [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
        { "FLAC", [.. "fLaC"u8, 0, 0, 0, 34, 0, 0, 0, 0, 0, 0] },
        { "Ogg", [.. "OggS"u8, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0] },
        { "MP4/M4A", [0, 0, 0, 32, .. "ftypM4A "u8, 0, 0, 0, 0] },
        { "mu-law", new WavBytes().Fmt(7, 1, 8000, 8).Data([1, 2]).Build() },
        { "MP3 (format tag 0x0055)", new WavBytes().Fmt(0x55, 1, 8000, 16).Data([1, 2]).Build() },
        { "12-bit PCM", new WavBytes().Fmt(1, 1, 8000, 12, blockAlign: 2).Data([1, 2]).Build() },
        { "not a RIFF/WAVE file", "hello, this is text"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(ForeignFiles))]
    public void Other_formats_raise_AudioFormatUnsupported_naming_a_converter(string what, byte[] bytes)
    {
        string path = _dir.Write("x.audio", bytes);
        var e = Assert.Throws<VoiceCloneException>(() => WavReader.ReadMono(path));
        Assert.Equal("AudioFormatUnsupported", e.ErrorId);
        Assert.Contains(what, e.Message);
        Assert.Contains("ffmpeg", e.Message);
    }

    [Fact]
    public void Missing_file_is_PathNotFound()
    {
        var e = Assert.Throws<VoiceCloneException>(() => WavReader.ReadMono(_dir.File("nope.wav")));
        Assert.Equal("PathNotFound", e.ErrorId);
    }

    [Fact]
    public void Randomly_corrupted_files_only_ever_raise_VoiceCloneException()
    {
        byte[] valid = new WavBytes().Chunk("LIST", [.. "INFO"u8, .. "ICMT"u8, 3, 0, 0, 0, 65, 66, 0, 0])
            .Fmt(1, 2, 16000, 16).Data(WavBytes.Pcm16(Enumerable.Range(0, 64).Select(i => (short)(i * 100)).ToArray())).Build();
        var random = new Random(20261123);
        int rejected = 0;
        for (int trial = 0; trial < 3000; trial++)
        {
            byte[] bytes = (byte[])valid.Clone();
            int edits = random.Next(1, 6);
            for (int e = 0; e < edits; e++) bytes[random.Next(Math.Min(bytes.Length, 80))] = (byte)random.Next(256);
            if (random.Next(4) == 0) Array.Resize(ref bytes, random.Next(bytes.Length));
            string path = _dir.Write("fuzz.wav", bytes);
            try
            {
                AudioBuffer audio = WavReader.ReadMono(path);
                Assert.True(audio.Samples.Length <= bytes.Length, "never more samples than bytes");
            }
            catch (VoiceCloneException e)
            {
                Assert.Contains(path, e.Message);
                rejected++;
            }
        }
        Assert.InRange(rejected, 1, 2999);
    }
}
