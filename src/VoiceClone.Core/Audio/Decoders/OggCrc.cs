namespace VoiceClone.Core.Audio.Decoders;

/// <summary>The Ogg page checksum (RFC 3533 section 6): CRC-32, polynomial 0x04C11DB7, not reflected, initial value 0.</summary>
internal static class OggCrc
{
    private const uint Polynomial = 0x04C11DB7;
    // Bytes 22-25 of a page hold the checksum itself, counted as zeros.
    private const int ChecksumOffset = 22, ChecksumBytes = 4;
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> page)
    {
        uint crc = 0;
        for (int i = 0; i < page.Length; i++)
        {
            byte b = i >= ChecksumOffset && i < ChecksumOffset + ChecksumBytes ? (byte)0 : page[i];
            crc = (crc << 8) ^ Table[(crc >> 24) ^ b];
        }
        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint r = i << 24;
            for (int bit = 0; bit < 8; bit++) r = (r & 0x8000_0000) != 0 ? (r << 1) ^ Polynomial : r << 1;
            table[i] = r;
        }
        return table;
    }
}
