using System.Buffers.Binary;
using NAudio.Wave;

namespace VoiceClone.Core.Audio.Decoders;

/// <summary>
/// The Xing/Info frame an encoder writes first in an MP3 (a silent frame that carries no audio): the frame count, and
/// in LAME's extension the encoder delay and end padding in samples, which gapless decoding trims (LAME tag rev. 1).
/// </summary>
internal sealed record Mp3GaplessInfo(long? FrameCount, int EncoderDelaySamples, int PaddingSamples, bool HasLameTag)
{
    private const int FramesFlag = 1, BytesFlag = 2, TocFlag = 4, QualityFlag = 8;
    private const int TocBytes = 100;
    // LAME tag: 9-byte version string, revision/VBR method, lowpass, 4-byte peak, two 2-byte replay gains,
    // encoding flags, bitrate, then 12-bit delay and 12-bit padding in three bytes.
    private const int LameDelayOffset = 21, LameTagMinBytes = 24;
    // The largest delay or padding 12 bits hold.
    private const int MaxDelaySamples = 4095;

    /// <summary>The Xing/Info header in <paramref name="frame"/>, or null when the frame is ordinary audio.</summary>
    public static Mp3GaplessInfo? Read(Mp3Frame frame)
    {
        ReadOnlySpan<byte> data = frame.RawData;
        int offset = 4 + (frame.CrcPresent ? 2 : 0) + SideInfoBytes(frame);
        if (data.Length < offset + 8) return null;
        ReadOnlySpan<byte> id = data.Slice(offset, 4);
        if (!id.SequenceEqual("Xing"u8) && !id.SequenceEqual("Info"u8)) return null;
        int flags = BinaryPrimitives.ReadInt32BigEndian(data[(offset + 4)..]);
        offset += 8;
        long? frames = null;
        if ((flags & FramesFlag) != 0)
        {
            if (data.Length < offset + 4) return null;
            frames = BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);
            offset += 4;
        }
        if ((flags & BytesFlag) != 0) offset += 4;
        if ((flags & TocFlag) != 0) offset += TocBytes;
        if ((flags & QualityFlag) != 0) offset += 4;

        if (data.Length < offset + LameTagMinBytes || !data.Slice(offset, 4).SequenceEqual("LAME"u8))
        {
            return new Mp3GaplessInfo(frames, 0, 0, HasLameTag: false);
        }
        ReadOnlySpan<byte> delays = data.Slice(offset + LameDelayOffset, 3);
        int delay = (delays[0] << 4) | (delays[1] >> 4);
        int padding = ((delays[1] & 0x0F) << 8) | delays[2];
        return delay > MaxDelaySamples || padding > MaxDelaySamples ? null : new Mp3GaplessInfo(frames, delay, padding, HasLameTag: true);
    }

    /// <summary>Layer III side information: 32/17 bytes (MPEG-1 stereo/mono), 17/9 bytes (MPEG-2 and 2.5).</summary>
    private static int SideInfoBytes(Mp3Frame frame)
    {
        bool mono = frame.ChannelMode == ChannelMode.Mono;
        return frame.MpegVersion == MpegVersion.Version1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
    }
}
