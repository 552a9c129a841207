using System.Buffers.Binary;
using System.Text;

namespace VoiceClone.Core.Tests.Support;

/// <summary>Builds WAV images chunk by chunk, including deliberately broken ones.</summary>
internal sealed class WavBytes
{
    private readonly List<(string Id, byte[] Body, uint? DeclaredSize)> _chunks = [];

    public string RiffId { get; set; } = "RIFF";
    public uint? DeclaredRiffSize { get; set; }

    public WavBytes Fmt(ushort tag, int channels, int rateHz, int bits, int? blockAlign = null, int extraBytes = 0)
    {
        var body = new byte[16 + extraBytes];
        BinaryPrimitives.WriteUInt16LittleEndian(body, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(4), rateHz);
        int align = blockAlign ?? channels * bits / 8;
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(8), rateHz * align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bits);
        return Chunk("fmt ", body);
    }

    /// <summary>WAVE_FORMAT_EXTENSIBLE with the given sub-format tag (1 PCM, 3 float).</summary>
    public WavBytes FmtExtensible(ushort subFormat, int channels, int rateHz, int bits)
    {
        var body = new byte[40];
        BinaryPrimitives.WriteUInt16LittleEndian(body, 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(4), rateHz);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(8), rateHz * channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bits);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), (ushort)bits);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), channels == 2 ? 3u : 4u);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(24), subFormat);
        byte[] tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        tail.CopyTo(body.AsSpan(26));
        return Chunk("fmt ", body);
    }

    public WavBytes Data(byte[] samples, uint? declaredSize = null) => Chunk("data", samples, declaredSize);

    public WavBytes Chunk(string id, byte[] body, uint? declaredSize = null)
    {
        _chunks.Add((id, body, declaredSize));
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        stream.Write(Encoding.ASCII.GetBytes(RiffId));
        stream.Write(new byte[4]);
        stream.Write("WAVE"u8);
        Span<byte> size = stackalloc byte[4];
        foreach (var (id, body, declared) in _chunks)
        {
            stream.Write(Encoding.ASCII.GetBytes(id));
            BinaryPrimitives.WriteUInt32LittleEndian(size, declared ?? (uint)body.Length);
            stream.Write(size);
            stream.Write(body);
            if ((body.Length & 1) == 1) stream.WriteByte(0);
        }
        byte[] bytes = stream.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), DeclaredRiffSize ?? (uint)(bytes.Length - 8));
        return bytes;
    }

    public static byte[] Pcm16(params short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), samples[i]);
        return bytes;
    }
}
