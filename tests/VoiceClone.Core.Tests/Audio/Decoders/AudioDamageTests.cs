using NAudio.Wave;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Audio.Decoders;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Audio.Decoders;

/// <summary>Damaged MP3 and Ogg files are clean AudioFileMalformed errors; formats that need ffmpeg say so without it.</summary>
public sealed class AudioDamageTests(EncodedRecordings recordings) : IClassFixture<EncodedRecordings>
{
    private const double AllSeconds = 3600;
    // A damaged file must be refused or read within this: a guard against a decoder loop, not a speed limit.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    public static TheoryData<string> Compressed() => ["mp3-cbr", "mp3-vbr", "vorbis", "opus"];

    [SkippableTheory]
    [MemberData(nameof(Compressed))]
    public void A_file_cut_off_mid_stream_is_malformed_and_says_truncated(string format)
    {
        byte[] bytes = File.ReadAllBytes(recordings.Encode(format, stereo: format == "mp3-vbr"));
        var e = ReadDamaged(bytes[..(int)(bytes.Length * 0.6)], format);
        Assert.Contains("truncated", e.Message);
    }

    [SkippableTheory]
    [MemberData(nameof(Compressed))]
    public void A_file_cut_between_two_frames_or_pages_is_still_found_truncated(string format)
    {
        string path = recordings.Encode(format, stereo: false);
        byte[] bytes = File.ReadAllBytes(path);
        long cut = format.StartsWith("mp3", StringComparison.Ordinal) ? Mp3FrameStartNear(path, bytes.Length / 2) : LastOggPageStart(bytes);
        var e = ReadDamaged(bytes[..(int)cut], format);
        Assert.Contains("truncated", e.Message);
        bool mp3 = format.StartsWith("mp3", StringComparison.Ordinal);
        Assert.Contains(mp3 ? "frames its Xing/Info header announces" : "end-of-stream page", e.Message);
    }

    [SkippableTheory]
    [MemberData(nameof(Compressed))]
    public void Garbage_in_the_middle_is_malformed_and_says_damaged(string format)
    {
        byte[] bytes = File.ReadAllBytes(recordings.Encode(format, stereo: false));
        new Random(7).NextBytes(bytes.AsSpan(bytes.Length / 2, 2000));
        var e = ReadDamaged(bytes, format);
        Assert.Contains("damaged", e.Message);
    }

    [SkippableTheory]
    [MemberData(nameof(Compressed))]
    public void Random_damage_is_read_or_refused_as_malformed_never_a_crash_or_a_hang(string format)
    {
        byte[] original = File.ReadAllBytes(recordings.Encode(format, stereo: false));
        var random = new Random(format.Length);
        for (int trial = 0; trial < 25; trial++)
        {
            byte[] bytes = original.ToArray();
            if (trial % 2 == 0) bytes = bytes[..random.Next(1, bytes.Length)];
            int firstFlip = int.MaxValue;
            for (int flips = random.Next(1, 40); flips > 0; flips--)
            {
                int at = random.Next(bytes.Length);
                bytes[at] ^= (byte)random.Next(1, 256);
                firstFlip = Math.Min(firstFlip, at);
            }
            string path = Path.Combine(recordings.Directory, $"fuzz-{format}-{trial}.bin");
            File.WriteAllBytes(path, bytes);
            var reading = Task.Run(() => AudioFileReader.ReadMono(path, AllSeconds));
            Assert.True(Task.WhenAny(reading, Task.Delay(HangGuard)).Result == reading, $"trial {trial} did not finish");
            if (!reading.IsFaulted) continue;
            var e = Assert.IsType<VoiceCloneException>(reading.Exception!.InnerException);
            // Damage where the container is recognised may make the file unrecognisable: then it is not a format at all.
            string[] expected = firstFlip < AudioContainerSniffer.HeadBytes
                ? ["AudioFileMalformed", "AudioFormatUnsupported"]
                : ["AudioFileMalformed"];
            Assert.Contains(e.ErrorId, expected);
        }
    }

    [SkippableFact]
    public void Without_ffmpeg_a_format_it_would_read_is_unsupported_naming_the_format_and_the_install()
    {
        string flac = recordings.Encode("flac", stereo: false);
        var e = Assert.Throws<VoiceCloneException>(() => AudioFileReader.Open(flac, ffmpeg: null));
        Assert.Equal("AudioFormatUnsupported", e.ErrorId);
        Assert.Contains("FLAC", e.Message);
        Assert.Contains("apt-get install ffmpeg", e.Message);
        Assert.Contains(flac, e.Message);
        // The formats decoded in managed code need no ffmpeg.
        using IAudioReader mp3 = AudioFileReader.Open(recordings.Encode("mp3-cbr", stereo: false), ffmpeg: null);
        Assert.Equal("MP3", mp3.FormatName);
    }

    [Fact]
    public void Ffmpeg_is_found_through_VOICECLONE_FFMPEG_or_PATH_and_a_PATH_without_it_hides_it()
    {
        using var dir = new TempDirectory();
        string bin = Directory.CreateDirectory(dir.File("bin")).FullName, empty = Directory.CreateDirectory(dir.File("empty")).FullName;
        string fake = Path.Combine(bin, OperatingSystem.IsWindows() ? "ffmpeg.exe" : "ffmpeg");
        File.WriteAllText(fake, "");
        Assert.Null(FfmpegAudioReader.Locate(null, empty));
        Assert.Equal(fake, FfmpegAudioReader.Locate(null, string.Join(Path.PathSeparator, empty, bin)));
        Assert.Equal(fake, FfmpegAudioReader.Locate(fake, empty));
        Assert.Null(FfmpegAudioReader.Locate(dir.File("missing-ffmpeg"), bin));
    }

    [SkippableFact]
    public void With_ffmpeg_a_file_that_is_not_audio_is_unsupported_and_a_cut_M4A_is_malformed()
    {
        string ffmpeg = EncodedRecordings.Require("ffmpeg", "ffmpeg");
        string text = Path.Combine(recordings.Directory, "notes.wav");
        File.WriteAllText(text, "meeting notes, not audio");
        Assert.Equal("AudioFormatUnsupported", Assert.Throws<VoiceCloneException>(() => AudioFileReader.Open(text, ffmpeg)).ErrorId);

        byte[] m4a = File.ReadAllBytes(recordings.Encode("m4a", stereo: true));
        string cut = Path.Combine(recordings.Directory, "cut.m4a");
        File.WriteAllBytes(cut, m4a[..(m4a.Length / 2)]);
        var e = Assert.Throws<VoiceCloneException>(() => AudioFileReader.ReadMono(cut, AllSeconds));
        Assert.Equal("AudioFileMalformed", e.ErrorId);
        Assert.Contains("ffmpeg", e.Message);
    }

    private VoiceCloneException ReadDamaged(byte[] bytes, string format)
    {
        string path = Path.Combine(recordings.Directory, $"damaged-{format}-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<VoiceCloneException>(() => AudioFileReader.ReadMono(path, AllSeconds));
        Assert.Equal("AudioFileMalformed", e.ErrorId);
        Assert.Contains(path, e.Message);
        return e;
    }

    /// <summary>The first MPEG frame at or after <paramref name="near"/>, walking NAudio's frame reader from the start.</summary>
    private static long Mp3FrameStartNear(string path, long near)
    {
        using var file = File.OpenRead(path);
        Mp3Frame frame;
        do frame = Mp3Frame.LoadFromStream(file, readData: false)!;
        while (frame.FileOffset < near);
        return frame.FileOffset;
    }

    /// <summary>Where the last Ogg page starts: cutting there leaves whole pages but no end-of-stream page.</summary>
    private static long LastOggPageStart(byte[] bytes) => bytes.AsSpan().LastIndexOf("OggS"u8);
}
