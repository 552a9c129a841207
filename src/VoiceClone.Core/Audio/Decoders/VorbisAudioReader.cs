using NVorbis;
using NVorbis.Contracts;

namespace VoiceClone.Core.Audio.Decoders;

/// <summary>
/// Ogg Vorbis: the packets of <see cref="OggPacketReader"/> (which checks every page) decoded by NVorbis, a managed
/// port of the Xiph Vorbis I decoder; the last page's granule position trims the final block to the true length.
/// </summary>
internal sealed class VorbisAudioReader : DecodedAudioReader
{
    public const string Name = "Ogg Vorbis";
    // NVorbis hands out whole blocks of up to 8192 samples per channel; this many frames are asked for at a time.
    private const int BlockFrames = 4096;
    private readonly FileStream _file;
    private readonly StreamDecoder _decoder;

    public VorbisAudioReader(string path, FileStream file) : base(path, Name)
    {
        _file = file;
        // NVorbis's own end trim misses on some files (measured: 112-128 samples too many on 2 of 30 LibriSpeech
        // files), so the last page's granule position caps the length, as the Vorbis I specification defines it.
        FramesToDeliver = OggPacketReader.FinalGranule(file);
        _decoder = new StreamDecoder(new PacketProvider(new OggPacketReader(file, Malformed))) { ClipSamples = false };
        SampleRateHz = _decoder.SampleRate;
        Channels = _decoder.Channels;
        if (Channels < 1 || SampleRateHz < 1) throw Malformed($"its header says {Channels} channels at {SampleRateHz} Hz");
    }

    public override void Dispose()
    {
        _decoder.Dispose();
        _file.Dispose();
    }

    protected override int DecodeBlock(ref float[] block, out int channels)
    {
        channels = Channels;
        if (block.Length < BlockFrames * channels) block = new float[BlockFrames * channels];
        return _decoder.Read(block, 0, BlockFrames * channels) / channels;
    }

    /// <summary>NVorbis's view of the stream: forward-only, one packet of look-ahead.</summary>
    private sealed class PacketProvider(OggPacketReader reader) : NVorbis.Contracts.IPacketProvider
    {
        private Packet? _peeked;

        public bool CanSeek => false;
        public int StreamSerial => 0;

        public IPacket? GetNextPacket()
        {
            Packet? next = _peeked ?? Read();
            _peeked = null;
            return next;
        }

        public IPacket? PeekNextPacket() => _peeked ??= Read();

        public long SeekTo(long granulePos, int preRoll, GetPacketGranuleCount getPacketGranuleCount) => throw new NotSupportedException();

        public long GetGranuleCount() => throw new NotSupportedException();

        private Packet? Read() => reader.Next() is { } p ? new Packet(p) : null;
    }

    /// <summary>One Ogg packet as NVorbis reads it: a bit reader over its bytes.</summary>
    private sealed class Packet : DataPacket
    {
        private readonly byte[] _data;
        private int _next;

        public Packet(OggPacket packet)
        {
            _data = packet.Data;
            GranulePosition = packet.GranulePosition;
            IsEndOfStream = packet.IsLast;
        }

        protected override int TotalBits => _data.Length * 8;

        protected override int ReadNextByte() => _next < _data.Length ? _data[_next++] : -1;

        public override void Reset()
        {
            _next = 0;
            base.Reset();
        }
    }
}
