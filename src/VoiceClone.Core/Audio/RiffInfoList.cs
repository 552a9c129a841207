using System.Buffers.Binary;
using System.Text;

namespace VoiceClone.Core.Audio;

/// <summary>Reads and writes a RIFF LIST/INFO chunk body (ISFT software, ICMT comment, INAM title, ...).</summary>
internal static class RiffInfoList
{
    public static void Parse(ReadOnlySpan<byte> list, IDictionary<string, string> tags)
    {
        if (list.Length < 4 || !list[..4].SequenceEqual("INFO"u8)) return;
        int offset = 4;
        while (offset + 8 <= list.Length)
        {
            string id = Encoding.ASCII.GetString(list.Slice(offset, 4));
            int size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(list[(offset + 4)..]), (uint)(list.Length - offset - 8));
            string value = Encoding.UTF8.GetString(list.Slice(offset + 8, size)).TrimEnd('\0');
            tags[id] = value;
            offset += 8 + size + (size & 1);
        }
    }

    public static byte[] Build(IReadOnlyDictionary<string, string> tags)
    {
        using var body = new MemoryStream();
        body.Write("INFO"u8);
        Span<byte> size = stackalloc byte[4];
        foreach (var (id, text) in tags)
        {
            if (id.Length != 4) throw new ArgumentException($"RIFF INFO ids are 4 characters: '{id}'", nameof(tags));
            byte[] value = Encoding.UTF8.GetBytes(text + "\0");
            body.Write(Encoding.ASCII.GetBytes(id));
            BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)value.Length);
            body.Write(size);
            body.Write(value);
            if ((value.Length & 1) == 1) body.WriteByte(0);
        }
        return body.ToArray();
    }
}
