using System.Buffers.Binary;

namespace VoiceClone.Core.Audio.Decoders;

/// <summary>One packet of an Ogg logical stream, with the granule position of the page it ends, if it ends one.</summary>
internal sealed record OggPacket(byte[] Data, long? GranulePosition, bool IsLast);

/// <summary>
/// Ogg framing (RFC 3533): reads the pages of the first logical stream in order, checks each page's capture pattern,
/// CRC-32 and sequence number, and joins the lacing segments into packets. A gap, a failed checksum, a page cut off
/// by the end of the file, or a file that stops before its end-of-stream page is an
/// <see cref="VoiceCloneErrors.AudioFileMalformed"/> error; nothing is skipped over silently.
/// </summary>
internal sealed class OggPacketReader
{
    private const int HeaderBytes = 27;
    private const byte ContinuedFlag = 0x01, BeginFlag = 0x02, EndFlag = 0x04;
    private const int LacingSegmentBytes = 255;
    // Granule position -1: no packet ends on this page.
    private const long NoGranule = -1;
    // A packet longer than this is not audio (Vorbis and Opus audio packets are a few kilobytes; headers with cover art
    // can be large): refusing it bounds memory whatever the file claims.
    private const int MaxPacketBytes = 16 << 20;

    private readonly Stream _stream;
    private readonly Func<string, VoiceCloneException> _malformed;
    private readonly Queue<OggPacket> _ready = new();
    private readonly byte[] _page = new byte[HeaderBytes + 255 + 255 * LacingSegmentBytes];
    private readonly MemoryStream _partial = new();
    private int? _serial;
    private uint _nextSequence;
    private bool _endOfStream;

    public OggPacketReader(Stream stream, Func<string, VoiceCloneException> malformed)
    {
        _stream = stream;
        _malformed = malformed;
    }

    /// <summary>
    /// The granule position of the file's last page when it is a whole end-of-stream page ending exactly at the end of
    /// the file (the stream's length in samples, for Vorbis and Opus); null otherwise. Leaves the position where it was.
    /// </summary>
    public static long? FinalGranule(Stream stream)
    {
        long start = stream.Position;
        int tailBytes = (int)Math.Min(stream.Length, HeaderBytes + 255 + 255 * LacingSegmentBytes);
        var tail = new byte[tailBytes];
        stream.Position = stream.Length - tailBytes;
        stream.ReadExactly(tail);
        stream.Position = start;
        for (int at = tail.AsSpan().LastIndexOf("OggS"u8); at >= 0; at = tail.AsSpan(0, at).LastIndexOf("OggS"u8))
        {
            if (at + HeaderBytes > tail.Length || at + HeaderBytes + tail[at + 26] > tail.Length) continue;
            int pageBytes = HeaderBytes + tail[at + 26];
            for (int i = 0; i < tail[at + 26]; i++) pageBytes += tail[at + HeaderBytes + i];
            if (at + pageBytes != tail.Length) continue;
            return (tail[at + 5] & EndFlag) != 0 ? BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(at + 6)) : null;
        }
        return null;
    }

    /// <summary>The next packet, or null after the packet that ends the logical stream.</summary>
    public OggPacket? Next()
    {
        while (_ready.Count == 0)
        {
            if (_endOfStream) return null;
            ReadPage();
        }
        return _ready.Dequeue();
    }

    private void ReadPage()
    {
        long offset = _stream.Position;
        int got = _stream.ReadAtLeast(_page.AsSpan(0, HeaderBytes), HeaderBytes, throwOnEndOfStream: false);
        if (got == 0) throw _malformed($"it is truncated: it ends at byte {offset} before its end-of-stream page");
        if (got < HeaderBytes) throw _malformed($"it is truncated: the page at byte {offset} is cut off by the end of the file");
        if (!_page.AsSpan(0, 4).SequenceEqual("OggS"u8))
        {
            throw _malformed($"byte {offset} should start an Ogg page but does not (damaged data)");
        }
        if (_page[4] != 0) throw _malformed($"the page at byte {offset} has Ogg version {_page[4]}, not 0");
        byte flags = _page[5];
        long granule = BinaryPrimitives.ReadInt64LittleEndian(_page.AsSpan(6));
        int serial = BinaryPrimitives.ReadInt32LittleEndian(_page.AsSpan(14));
        uint sequence = BinaryPrimitives.ReadUInt32LittleEndian(_page.AsSpan(18));
        int segments = _page[26];
        int bodyBytes = 0;
        if (_stream.ReadAtLeast(_page.AsSpan(HeaderBytes, segments), segments, throwOnEndOfStream: false) == segments)
        {
            for (int i = 0; i < segments; i++) bodyBytes += _page[HeaderBytes + i];
        }
        else
        {
            throw _malformed($"it is truncated: the page at byte {offset} is cut off by the end of the file");
        }
        int pageBytes = HeaderBytes + segments + bodyBytes;
        if (_stream.ReadAtLeast(_page.AsSpan(HeaderBytes + segments, bodyBytes), bodyBytes, throwOnEndOfStream: false) < bodyBytes)
        {
            throw _malformed($"it is truncated: the page at byte {offset} is cut off by the end of the file");
        }
        if (OggCrc.Compute(_page.AsSpan(0, pageBytes)) != BinaryPrimitives.ReadUInt32LittleEndian(_page.AsSpan(22)))
        {
            throw _malformed($"the page at byte {offset} fails its CRC check (damaged data)");
        }

        _serial ??= (flags & BeginFlag) != 0 ? serial : throw _malformed("its first page does not begin a logical stream");
        if (serial != _serial) return; // another multiplexed stream (video, a second track): not ours
        if (sequence != _nextSequence)
        {
            throw _malformed($"page {_nextSequence} of the stream is missing (found page {sequence} at byte {offset})");
        }
        _nextSequence++;
        bool continued = (flags & ContinuedFlag) != 0;
        if (continued != (_partial.Length > 0)) throw _malformed($"the page at byte {offset} does not continue the packet before it");
        _endOfStream = (flags & EndFlag) != 0;

        int bodyOffset = HeaderBytes + segments, packetStart = bodyOffset;
        int lastComplete = -1;
        for (int i = 0; i < segments; i++)
        {
            if (_page[HeaderBytes + i] < LacingSegmentBytes) lastComplete = i;
        }
        for (int i = 0; i < segments; i++)
        {
            int lacing = _page[HeaderBytes + i];
            if (_partial.Length + lacing > MaxPacketBytes)
            {
                throw _malformed($"a packet near byte {offset} is larger than {MaxPacketBytes >> 20} MiB");
            }
            _partial.Write(_page, packetStart, lacing);
            packetStart += lacing;
            if (lacing == LacingSegmentBytes) continue;
            bool endsPage = i == lastComplete;
            _ready.Enqueue(new OggPacket(_partial.ToArray(), endsPage && granule != NoGranule ? granule : null, endsPage && _endOfStream));
            _partial.SetLength(0);
        }
        if (_endOfStream && _partial.Length > 0) throw _malformed($"its last page (byte {offset}) ends in the middle of a packet");
    }
}
