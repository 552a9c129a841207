namespace VoiceClone.Core.Audio;

/// <summary>What an audio file's first bytes say it is, so the right decoder opens it and errors can name it.</summary>
internal enum AudioContainer
{
    Unknown, Wav, Mp3, OggVorbis, OggOpus, Ogg, Flac, Mp4, Aac, Aiff, Asf, Matroska, Caf, Amr, Avi, Rifx,
}

/// <summary>Names an audio container from its first bytes (magic numbers; for Ogg, the first packet's codec id).</summary>
internal static class AudioContainerSniffer
{
    /// <summary>How many leading bytes <see cref="Identify"/> looks at: an Ogg first page's header, lacing table and codec id.</summary>
    public const int HeadBytes = 27 + 255 + 8;

    public static AudioContainer Identify(ReadOnlySpan<byte> head)
    {
        if (StartsWith(head, "RIFF"u8) || StartsWith(head, "RF64"u8))
        {
            return head.Length >= 12 && head[8..12].SequenceEqual("AVI "u8) ? AudioContainer.Avi : AudioContainer.Wav;
        }
        if (StartsWith(head, "OggS"u8)) return IdentifyOgg(head);
        if (StartsWith(head, "fLaC"u8)) return AudioContainer.Flac;
        if (StartsWith(head, "ID3"u8)) return AudioContainer.Mp3;
        if (head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8)) return AudioContainer.Mp4;
        if (StartsWith(head, "FORM"u8)) return AudioContainer.Aiff;
        if (StartsWith(head, "RIFX"u8)) return AudioContainer.Rifx;
        if (StartsWith(head, "caff"u8)) return AudioContainer.Caf;
        if (StartsWith(head, "#!AMR"u8)) return AudioContainer.Amr;
        // The ASF header object's GUID (WMA, WMV) and the EBML magic (Matroska, WebM).
        if (StartsWith(head, [0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11])) return AudioContainer.Asf;
        if (StartsWith(head, [0x1A, 0x45, 0xDF, 0xA3])) return AudioContainer.Matroska;
        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0)
        {
            // 11 sync bits, then version (01 reserved) and layer (00 reserved for MPEG audio, used by AAC's ADTS).
            int version = (head[1] >> 3) & 3, layer = (head[1] >> 1) & 3;
            if (layer == 0 && version >= 2) return AudioContainer.Aac;
            if (layer != 0 && version != 1) return AudioContainer.Mp3;
        }
        return AudioContainer.Unknown;
    }

    public static string? Name(AudioContainer container) => container switch
    {
        AudioContainer.Wav => "WAV",
        AudioContainer.Mp3 => "MP3",
        AudioContainer.OggVorbis => "Ogg Vorbis",
        AudioContainer.OggOpus => "Ogg Opus",
        AudioContainer.Ogg => "Ogg",
        AudioContainer.Flac => "FLAC",
        AudioContainer.Mp4 => "MP4/M4A",
        AudioContainer.Aac => "AAC (ADTS)",
        AudioContainer.Aiff => "AIFF",
        AudioContainer.Asf => "WMA/ASF",
        AudioContainer.Matroska => "Matroska/WebM",
        AudioContainer.Caf => "Core Audio (CAF)",
        AudioContainer.Amr => "AMR",
        AudioContainer.Avi => "AVI",
        AudioContainer.Rifx => "big-endian WAV (RIFX)",
        _ => null,
    };

    public static string? NameForeignContainer(ReadOnlySpan<byte> head)
    {
        AudioContainer container = Identify(head);
        return container == AudioContainer.Wav ? null : Name(container);
    }

    public static string ConverterHint(string path) =>
        $"Convert it to WAV first, e.g. ffmpeg -i \"{path}\" -ac 1 out.wav (or sox).";

    /// <summary>The codec of an Ogg stream's first packet, which its first page carries after the lacing table.</summary>
    private static AudioContainer IdentifyOgg(ReadOnlySpan<byte> head)
    {
        const int PageHeaderBytes = 27;
        if (head.Length <= PageHeaderBytes) return AudioContainer.Ogg;
        int packetStart = PageHeaderBytes + head[26];
        if (head.Length < packetStart + 8) return AudioContainer.Ogg;
        ReadOnlySpan<byte> id = head.Slice(packetStart, 8);
        if (id.SequenceEqual("OpusHead"u8)) return AudioContainer.OggOpus;
        if (id[..7].SequenceEqual("\u0001vorbis"u8)) return AudioContainer.OggVorbis;
        return AudioContainer.Ogg;
    }

    private static bool StartsWith(ReadOnlySpan<byte> head, ReadOnlySpan<byte> magic) =>
        head.Length >= magic.Length && head[..magic.Length].SequenceEqual(magic);
}
