using VoiceClone.Core.Audio;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.IO;

namespace VoiceClone.Core.Audio.Decoders;

/// <summary>
/// Opens any audio file the module reads, choosing the decoder from the file's first bytes, never its name: WAV with
/// the module's own <see cref="WavReader"/>, MP3 (NAudio's frame reader + NLayer), Ogg Vorbis (NVorbis) and Ogg Opus
/// (Concentus) in managed code on every platform, and everything else (M4A/AAC, FLAC, WMA, video files' audio, WAV
/// codecs other than PCM and float) through ffmpeg when it is installed.
/// </summary>
public static class AudioFileReader
{
    /// <summary>The first block a file of unknown length is read into, grown by doubling as its samples arrive.</summary>
    private const double InitialUnknownLengthSeconds = 10;

    public static IAudioReader Open(string path) => Open(path, FfmpegAudioReader.Locate());

    /// <summary>Opens <paramref name="path"/>, <paramref name="ffmpeg"/> being the decoder of last resort (null: none).</summary>
    internal static IAudioReader Open(string path, string? ffmpeg)
    {
        FileStream file = OpenStream(path);
        AudioContainer container;
        try
        {
            Span<byte> head = stackalloc byte[AudioContainerSniffer.HeadBytes];
            container = AudioContainerSniffer.Identify(head[..file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)]);
            file.Position = 0;
        }
        catch (IOException e)
        {
            file.Dispose();
            throw ReadFailed(path, e);
        }
        if (container == AudioContainer.Wav) return OpenWav(path, file, ffmpeg);
        if (container is AudioContainer.Mp3 or AudioContainer.OggVorbis or AudioContainer.OggOpus)
        {
            return OpenManaged(path, file, container);
        }
        file.Dispose();
        string? name = AudioContainerSniffer.Name(container);
        if (ffmpeg is not null) return new FfmpegAudioReader(path, ffmpeg, name);
        string what = name is null ? "not in an audio format VoiceClone reads by itself" : $"a {name} file";
        throw new VoiceCloneException(VoiceCloneErrors.AudioFormatUnsupported,
            $"'{path}' is {what}; VoiceClone reads WAV, MP3, Ogg Vorbis and Ogg Opus itself and every other format through ffmpeg, " +
            $"which was not found. {FfmpegAudioReader.InstallHint}", path);
    }

    /// <summary>The first <paramref name="maxSeconds"/> of a file (all of it if shorter) as mono.</summary>
    public static AudioBuffer ReadMono(string path, double maxSeconds)
    {
        using IAudioReader reader = Open(path);
        return new AudioBuffer(ReadUpTo(reader, (long)(maxSeconds * reader.SampleRateHz), path), reader.SampleRateHz);
    }

    /// <summary>
    /// Up to <paramref name="maxFrames"/> mono frames from <paramref name="reader"/>: into one array of the known length,
    /// or, when the length is unknown, into a block that doubles as samples arrive (never past the cap).
    /// </summary>
    public static float[] ReadUpTo(IAudioReader reader, long maxFrames, string path)
    {
        long want = Math.Min(maxFrames, reader.FrameCount ?? maxFrames);
        if (reader.FrameCount is not null && want > Array.MaxLength) throw TooLong(path, want, reader.SampleRateHz);
        long cap = Math.Min(want, Array.MaxLength);
        long first = reader.FrameCount is null ? Math.Min(cap, (long)(InitialUnknownLengthSeconds * reader.SampleRateHz)) : cap;
        var samples = new float[first];
        int total = 0;
        while (total < cap)
        {
            if (total == samples.Length) Array.Resize(ref samples, (int)Math.Min(cap, 2L * samples.Length));
            int read = reader.ReadMono(samples.AsSpan(total));
            if (read == 0) break;
            total += read;
        }
        if (total == Array.MaxLength && want > total && reader.ReadMono(stackalloc float[1]) > 0)
        {
            throw TooLong(path, want, reader.SampleRateHz);
        }
        return total == samples.Length ? samples : samples[..total];
    }

    private static VoiceCloneException TooLong(string path, long frames, int sampleRateHz) =>
        new(VoiceCloneErrors.AudioTooLong,
            $"'{path}' holds more than {(double)Math.Min(frames, Array.MaxLength) / sampleRateHz:F0} s of audio, too long to load whole; " +
            "use a streaming command.", path);

    private static IAudioReader OpenWav(string path, FileStream file, string? ffmpeg)
    {
        file.Dispose();
        try
        {
            return WavReader.Open(path);
        }
        catch (VoiceCloneException e) when (e.Error == VoiceCloneErrors.AudioFormatUnsupported && ffmpeg is not null)
        {
            // A WAV codec the module does not decode (mu-law, ADPCM, MP3-in-WAV, ...): ffmpeg may.
            return new FfmpegAudioReader(path, ffmpeg, "WAV");
        }
    }

    private static IAudioReader OpenManaged(string path, FileStream file, AudioContainer container)
    {
        try
        {
            return container switch
            {
                AudioContainer.Mp3 => new Mp3AudioReader(path, file),
                AudioContainer.OggVorbis => new VorbisAudioReader(path, file),
                _ => new OpusAudioReader(path, file),
            };
        }
        catch (Exception e) when (e is not VoiceCloneException)
        {
            file.Dispose();
            if (e is IOException io) throw ReadFailed(path, io);
            throw new VoiceCloneException(VoiceCloneErrors.AudioFileMalformed,
                $"'{path}' is not a valid {AudioContainerSniffer.Name(container)} file: its headers cannot be decoded ({e.Message}).",
                path, e);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static FileStream OpenStream(string path)
    {
        RegularFile.Require(path);
        try
        {
            // A 64 KiB buffer: MP3 frames are found a byte at a time and Ogg pages a header at a time.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.PathNotFound, $"Audio file '{path}' does not exist.", path, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ReadFailed(path, e);
        }
    }

    private static VoiceCloneException ReadFailed(string path, Exception e) =>
        new(VoiceCloneErrors.AudioReadFailed, $"Cannot read '{path}': {e.Message}", path, e);
}
