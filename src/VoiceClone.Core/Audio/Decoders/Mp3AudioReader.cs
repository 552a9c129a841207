using NAudio.Wave;
using NLayer;

namespace VoiceClone.Core.Audio.Decoders;

/// <summary>
/// MP3 (MPEG-1/2/2.5 audio, layers I-III): NAudio's frame reader finds each frame and NLayer, a managed port of the
/// ISO/IEC 11172-3 decoder, decodes it, one frame at a time. With LAME's tag the encoder delay and padding are trimmed
/// (gapless). Frames must follow each other without a gap, and a file shorter than its Xing/Info header announces is
/// truncated: both are <see cref="VoiceCloneErrors.AudioFileMalformed"/>, as is a frame cut off by the end of the file.
/// </summary>
internal sealed class Mp3AudioReader : DecodedAudioReader
{
    public const string Name = "MP3";
    // The decoder's own delay: the polyphase synthesis filterbank's 528 samples plus one, which gapless players
    // (mpg123, FFmpeg) trim together with LAME's encoder delay.
    private const int DecoderDelaySamples = 529;
    private const int MaxSamplesPerFrame = 1152, MaxChannels = 2;
    private const int Id3v2HeaderBytes = 10, Id3v2FooterFlag = 0x10, Id3v1Bytes = 128, ApeFooterBytes = 32;
    private const uint ApeHasHeaderFlag = 0x8000_0000;

    private readonly FileStream _file;
    private readonly long _audioEndBytes;
    private readonly long? _declaredFrames;
    private readonly int _declaredFramesSlack;
    private readonly MpegFrameDecoder _decoder = new();
    private readonly Mp3FrameBits _bits = new();
    private Mp3Frame? _pending;
    private long _framesRead;

    public Mp3AudioReader(string path, FileStream file) : base(path, Name)
    {
        _file = file;
        long start = SkipId3v2Tags();
        _audioEndBytes = AudioEnd(start);
        _file.Position = start;
        Mp3Frame first = NextFrame(leading: true) ?? throw Malformed("it holds no MPEG audio frames");
        Mp3GaplessInfo? info = Mp3GaplessInfo.Read(first);
        if (info is not null) first = NextFrame(leading: false) ?? throw Malformed("it holds no audio after its Xing/Info header");
        _pending = first;
        SampleRateHz = first.SampleRate;
        Channels = ChannelsOf(first);
        _declaredFrames = info?.FrameCount;
        // LAME counts the audio frames after its Info frame; other encoders' Xing headers may count that frame too.
        _declaredFramesSlack = info?.HasLameTag == true ? 0 : 1;
        if (info?.FrameCount is long frames)
        {
            // The count sizes buffers, so it must be one the file's bytes can hold, at the stream's lowest bitrate.
            long capacity = (_audioEndBytes - start) / MinFrameBytes(first) + 1;
            if (frames > capacity)
            {
                throw Malformed($"its Xing/Info header announces {frames} frames, more than its {_audioEndBytes - start} bytes can hold");
            }
            long samples = frames * first.SampleCount;
            if (info.HasLameTag)
            {
                LeadingFramesToSkip = info.EncoderDelaySamples + DecoderDelaySamples;
                samples = Math.Max(0, samples - info.EncoderDelaySamples - info.PaddingSamples);
            }
            FramesToDeliver = samples;
        }
    }

    public override void Dispose() => _file.Dispose();

    protected override int DecodeBlock(ref float[] block, out int channels)
    {
        Mp3Frame? frame = _pending ?? NextFrame(leading: false);
        _pending = null;
        channels = Channels;
        if (frame is null)
        {
            if (_declaredFrames > _framesRead + _declaredFramesSlack)
            {
                throw Malformed(
                    $"it is truncated: it ends after {_framesRead} of the {_declaredFrames} frames its Xing/Info header announces");
            }
            return 0;
        }
        _framesRead++;
        if (block.Length < MaxSamplesPerFrame * MaxChannels) block = new float[MaxSamplesPerFrame * MaxChannels];
        _bits.Frame = frame;
        channels = ChannelsOf(frame);
        int samples;
        try
        {
            samples = _decoder.DecodeFrame(_bits, block, 0);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IndexOutOfRangeException or ArgumentException)
        {
            throw Malformed($"the frame at byte {frame.FileOffset} cannot be decoded ({e.Message})");
        }
        if (samples == 0)
        {
            // A frame whose bit reservoir points before the stream start decodes to nothing: it is silence in time.
            block.AsSpan(0, frame.SampleCount * channels).Clear();
            return frame.SampleCount;
        }
        return samples / channels;
    }

    /// <summary>The next frame; it must start where the previous one ended unless it is the first.</summary>
    private Mp3Frame? NextFrame(bool leading)
    {
        long position = _file.Position;
        if (position >= _audioEndBytes) return null;
        Mp3Frame? frame;
        try
        {
            frame = Mp3Frame.LoadFromStream(_file);
        }
        catch (EndOfStreamException)
        {
            throw Malformed($"it is truncated: the frame after byte {position} is cut off by the end of the file");
        }
        if (frame is null) return null; // no frame header in what is left: trailing bytes shorter than a header, or junk
        if (frame.FileOffset + frame.FrameLength > _audioEndBytes)
        {
            throw Malformed($"it is truncated: the frame at byte {frame.FileOffset} runs past the end of the audio");
        }
        if (!leading && frame.FileOffset != position)
        {
            throw Malformed($"bytes {position}-{frame.FileOffset - 1} between two frames are not MPEG audio (damaged data)");
        }
        if (SampleRateHz > 0 && frame.SampleRate != SampleRateHz)
        {
            throw Malformed($"its sample rate changes from {SampleRateHz} Hz to {frame.SampleRate} Hz at byte {frame.FileOffset}");
        }
        return frame;
    }

    /// <summary>The shortest frame the stream's version, layer and rate allow: the lowest bitrate, 32 kbit/s (MPEG-1, and
    /// layer I) or 8 kbit/s (MPEG-2/2.5 layers II and III); bytes = samples / 8 x bitrate / rate.</summary>
    private static long MinFrameBytes(Mp3Frame frame)
    {
        int lowestKbps = frame.MpegVersion == NAudio.Wave.MpegVersion.Version1 || frame.MpegLayer == NAudio.Wave.MpegLayer.Layer1 ? 32 : 8;
        return Math.Max(1, frame.SampleCount / 8 * lowestKbps * 1000L / frame.SampleRate);
    }

    private static int ChannelsOf(Mp3Frame frame) => frame.ChannelMode == NAudio.Wave.ChannelMode.Mono ? 1 : 2;

    /// <summary>Skips ID3v2 tags at the start (10-byte header, synch-safe size, optional footer); returns where audio begins.</summary>
    private long SkipId3v2Tags()
    {
        Span<byte> header = stackalloc byte[Id3v2HeaderBytes];
        long offset = 0;
        while (true)
        {
            _file.Position = offset;
            int got = _file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            bool isTag = got == header.Length && header[..3].SequenceEqual("ID3"u8);
            if (!isTag) return offset;
            long size = (header[6] & 0x7F) << 21 | (header[7] & 0x7F) << 14 | (header[8] & 0x7F) << 7 | (header[9] & 0x7F);
            long end = offset + Id3v2HeaderBytes + size + ((header[5] & Id3v2FooterFlag) != 0 ? Id3v2HeaderBytes : 0);
            if (end > _file.Length) throw Malformed($"its ID3v2 tag at byte {offset} claims {size} bytes, more than the file holds");
            offset = end;
        }
    }

    /// <summary>Where the frames end: before an ID3v1 tag (128 bytes, "TAG") and an APEv2 tag ("APETAGEX" footer) if present.</summary>
    private long AudioEnd(long start)
    {
        long end = _file.Length;
        Span<byte> tail = stackalloc byte[ApeFooterBytes];
        if (end - start >= Id3v1Bytes && ReadAt(end - Id3v1Bytes, tail[..3]) && tail[..3].SequenceEqual("TAG"u8)) end -= Id3v1Bytes;
        if (end - start >= ApeFooterBytes && ReadAt(end - ApeFooterBytes, tail) && tail[..8].SequenceEqual("APETAGEX"u8))
        {
            // Footer: version at 8, tag size (items and footer, not the header) at 12, flags at 20, little-endian.
            long size = BitConverter.ToUInt32(tail[12..16]);
            uint flags = BitConverter.ToUInt32(tail[20..24]);
            long total = size + ((flags & ApeHasHeaderFlag) != 0 ? ApeFooterBytes : 0);
            if (total <= end - start) end -= total;
        }
        return end;
    }

    private bool ReadAt(long offset, Span<byte> buffer)
    {
        _file.Position = offset;
        return _file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length;
    }
}
