using NAudio.Wave;
using NLayer;

namespace VoiceClone.Core.Audio.Decoders;

/// <summary>
/// One MPEG audio frame as NAudio's frame reader found it, presented to NLayer's decoder: the header fields, and the
/// bits after the header (and its CRC) read most-significant first, as ISO/IEC 11172-3 lays them out.
/// </summary>
internal sealed class Mp3FrameBits : IMpegFrame
{
    private const int HeaderBytes = 4, CrcBytes = 2;
    private Mp3Frame _frame = null!;
    private int _byteOffset;
    private int _bitsInBucket;
    private ulong _bucket;

    public Mp3Frame Frame
    {
        get => _frame;
        set
        {
            _frame = value;
            Reset();
        }
    }

    public int SampleRate => _frame.SampleRate;
    // Bits 10-11 of the header: the sample-rate index within the MPEG version's table.
    public int SampleRateIndex => (_frame.RawData[2] >> 2) & 3;
    public int FrameLength => _frame.FrameLength;
    public int BitRate => _frame.BitRate;
    public int BitRateIndex => _frame.BitRateIndex;
    public int SampleCount => _frame.SampleCount;
    public int ChannelModeExtension => _frame.ChannelExtension;
    public bool IsCopyrighted => _frame.Copyright;
    public bool HasCrc => _frame.CrcPresent;
    // The CRC is not checked here; damage shows as a decoding failure or a broken frame chain instead.
    public bool IsCorrupted => false;

    public NLayer.MpegVersion Version => _frame.MpegVersion switch
    {
        NAudio.Wave.MpegVersion.Version1 => NLayer.MpegVersion.Version1,
        NAudio.Wave.MpegVersion.Version2 => NLayer.MpegVersion.Version2,
        NAudio.Wave.MpegVersion.Version25 => NLayer.MpegVersion.Version25,
        _ => NLayer.MpegVersion.Unknown,
    };

    public NLayer.MpegLayer Layer => _frame.MpegLayer switch
    {
        NAudio.Wave.MpegLayer.Layer1 => NLayer.MpegLayer.LayerI,
        NAudio.Wave.MpegLayer.Layer2 => NLayer.MpegLayer.LayerII,
        NAudio.Wave.MpegLayer.Layer3 => NLayer.MpegLayer.LayerIII,
        _ => NLayer.MpegLayer.Unknown,
    };

    public MpegChannelMode ChannelMode => _frame.ChannelMode switch
    {
        NAudio.Wave.ChannelMode.Stereo => MpegChannelMode.Stereo,
        NAudio.Wave.ChannelMode.JointStereo => MpegChannelMode.JointStereo,
        NAudio.Wave.ChannelMode.DualChannel => MpegChannelMode.DualChannel,
        _ => MpegChannelMode.Mono,
    };

    public int Channels => _frame.ChannelMode == NAudio.Wave.ChannelMode.Mono ? 1 : 2;

    public void Reset()
    {
        _byteOffset = HeaderBytes + (_frame?.CrcPresent == true ? CrcBytes : 0);
        _bitsInBucket = 0;
        _bucket = 0;
    }

    public int ReadBits(int bitCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bitCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitCount, 32);
        while (_bitsInBucket < bitCount)
        {
            if (_byteOffset >= _frame.FrameLength) throw new InvalidDataException("the frame's bits ran out");
            _bucket = (_bucket << 8) | _frame.RawData[_byteOffset++];
            _bitsInBucket += 8;
        }
        _bitsInBucket -= bitCount;
        return (int)((_bucket >> _bitsInBucket) & ((1UL << bitCount) - 1));
    }
}
