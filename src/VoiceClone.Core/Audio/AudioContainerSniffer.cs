namespace VoiceClone.Core.Audio;

/// <summary>Names a non-WAV audio container from its first bytes, so the error can say what the file is.</summary>
internal static class AudioContainerSniffer
{
    public static string? NameForeignContainer(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head[..4].SequenceEqual("fLaC"u8)) return "FLAC";
        if (head.Length >= 4 && head[..4].SequenceEqual("OggS"u8)) return "Ogg (Vorbis/Opus)";
        if (head.Length >= 3 && head[..3].SequenceEqual("ID3"u8)) return "MP3";
        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0) return "MP3 (MPEG audio)";
        if (head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8)) return "MP4/M4A";
        if (head.Length >= 4 && head[..4].SequenceEqual("FORM"u8)) return "AIFF";
        if (head.Length >= 4 && head[..4].SequenceEqual("RIFX"u8)) return "big-endian WAV (RIFX)";
        if (head.Length >= 4 && head[..4].SequenceEqual("caff"u8)) return "Core Audio (CAF)";
        return null;
    }

    public static string ConverterHint(string path) =>
        $"Convert it to WAV first, e.g. ffmpeg -i \"{path}\" -ac 1 out.wav (or sox).";
}
