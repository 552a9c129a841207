using VoiceClone.Core.Audio;

namespace VoiceClone.Core.Tests.Audio;

public sealed class AudioContainerSnifferTests
{
    private static byte[] OggFirstPage(ReadOnlySpan<byte> packet) =>
        [.. "OggS"u8, 0, 2, .. new byte[20], 1, (byte)packet.Length, .. packet];

    public static TheoryData<string, byte[]> Heads() => new()
    {
        { "Wav", [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8] },
        { "Avi", [.. "RIFF"u8, 0, 0, 0, 0, .. "AVI "u8] },
        { "Mp3", [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0] },
        { "Mp3", [0xFF, 0xFB, 0x90, 0x64] },         // MPEG-1 layer III
        { "Mp3", [0xFF, 0xF3, 0x84, 0xC4] },         // MPEG-2 layer III
        { "Aac", [0xFF, 0xF1, 0x50, 0x80] },         // ADTS: layer bits 00
        { "OggOpus", OggFirstPage("OpusHead\u0001\u0001"u8) },
        { "OggVorbis", OggFirstPage("\u0001vorbis\u0000\u0000"u8) },
        { "Ogg", OggFirstPage("\u007fFLAC\u0001\u0000\u0000"u8) },
        { "Flac", [.. "fLaC"u8, 0, 0, 0, 34] },
        { "Mp4", [0, 0, 0, 32, .. "ftypM4A "u8] },
        { "Asf", [0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9] },
        { "Matroska", [0x1A, 0x45, 0xDF, 0xA3, 0x9F] },
        { "Unknown", "meeting notes"u8.ToArray() },
        { "Unknown", [] },
    };

    [Theory]
    [MemberData(nameof(Heads))]
    public void The_first_bytes_name_the_container(string expected, byte[] head) =>
        Assert.Equal(expected, AudioContainerSniffer.Identify(head).ToString());
}
