using System.Buffers.Binary;
using Concentus;
using Concentus.Structs;

namespace VoiceClone.Core.Audio.Decoders;

/// <summary>
/// Ogg Opus (RFC 7845): the packets of <see cref="OggPacketReader"/> decoded by Concentus, a managed port of the
/// reference libopus decoder (RFC 6716), at 48 kHz. The header's pre-skip is dropped and the last page's granule
/// position trims the end, so the length is the encoder's input length exactly; the header's output gain is applied.
/// </summary>
internal sealed class OpusAudioReader : DecodedAudioReader
{
    public const string Name = "Ogg Opus";
    // Opus always decodes at 48 kHz internally; RFC 7845 section 4.2 has players output at that rate.
    private const int DecodeRateHz = 48_000;
    // The longest Opus packet: 120 ms at 48 kHz.
    private const int MaxPacketFrames = 5760;
    private const int HeadBytes = 19, FamilyZeroMaxChannels = 2, MaxChannels = 255;
    // Output gain is a Q7.8 number of dB.
    private const double GainQ8Scale = 256.0;

    private readonly FileStream _file;
    private readonly OggPacketReader _packets;
    private readonly IOpusDecoder? _decoder;
    private readonly IOpusMultiStreamDecoder? _multiStream;
    private readonly float _gain;
    private long _granuleDecoded;

    public OpusAudioReader(string path, FileStream file) : base(path, Name)
    {
        _file = file;
        _packets = new OggPacketReader(file, Malformed);
        byte[] head = _packets.Next()?.Data ?? throw Malformed("it has no OpusHead packet");
        if (head.Length < HeadBytes || !head.AsSpan(0, 8).SequenceEqual("OpusHead"u8))
        {
            throw Malformed("its first packet is not an OpusHead header");
        }
        int channels = head[9];
        int preSkip = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(10));
        short gainQ8 = BinaryPrimitives.ReadInt16LittleEndian(head.AsSpan(16));
        int family = head[18];
        if (channels < 1) throw Malformed("its OpusHead says it has zero channels");
        // The managed decoders directly: OpusCodecFactory would load a native libopus where one happens to be
        // installed, and the same file would then decode differently from machine to machine.
#pragma warning disable CS0618
        if (family == 0)
        {
            if (channels > FamilyZeroMaxChannels) throw Malformed($"its OpusHead gives {channels} channels for mapping family 0");
            _decoder = new OpusDecoder(DecodeRateHz, channels);
        }
        else
        {
            if (head.Length < HeadBytes + 2 + channels || channels > MaxChannels)
            {
                throw Malformed("its OpusHead channel mapping table is cut short");
            }
            int streams = head[HeadBytes], coupled = head[HeadBytes + 1];
            byte[] mapping = head.AsSpan(HeadBytes + 2, channels).ToArray();
            _multiStream = new OpusMSDecoder(DecodeRateHz, channels, streams, coupled, mapping);
        }
#pragma warning restore CS0618
        if (_packets.Next() is not { } tags || tags.Data.Length < 8 || !tags.Data.AsSpan(0, 8).SequenceEqual("OpusTags"u8))
        {
            throw Malformed("its second packet is not an OpusTags header");
        }
        SampleRateHz = DecodeRateHz;
        Channels = channels;
        LeadingFramesToSkip = preSkip;
        FramesToDeliver = OggPacketReader.FinalGranule(file) is long end ? Math.Max(0, end - preSkip) : null;
        _gain = (float)Math.Pow(10, gainQ8 / GainQ8Scale / 20);
    }

    public override void Dispose()
    {
        _decoder?.Dispose();
        _multiStream?.Dispose();
        _file.Dispose();
    }

    protected override int DecodeBlock(ref float[] block, out int channels)
    {
        channels = Channels;
        if (block.Length < MaxPacketFrames * channels) block = new float[MaxPacketFrames * channels];
        if (_packets.Next() is not { } packet) return 0;
        int frames = _decoder is not null
            ? _decoder.Decode(packet.Data, block, MaxPacketFrames, false)
            : _multiStream!.DecodeMultistream(packet.Data, block, MaxPacketFrames, false);
        if (frames < 0) throw Malformed($"a packet after {SecondsDecoded:F2} s cannot be decoded (Opus error {frames})");
        if (_gain != 1) Scale(block.AsSpan(0, frames * channels), _gain);
        // The end-of-stream page's granule position counts every sample the encoder meant, pre-skip included.
        if (packet.IsLast && packet.GranulePosition is long end) frames = (int)Math.Clamp(end - _granuleDecoded, 0, frames);
        _granuleDecoded += frames;
        return frames;
    }

    private static void Scale(Span<float> samples, float gain)
    {
        for (int i = 0; i < samples.Length; i++) samples[i] *= gain;
    }
}
