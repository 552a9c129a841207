namespace VoiceClone.Core.Audio;

/// <summary>Human names of WAV format tags we do not decode, for error messages.</summary>
internal static class WavCodecNames
{
    public static string Describe(ushort tag) => tag switch
    {
        0x0002 => "Microsoft ADPCM",
        0x0006 => "A-law",
        0x0007 => "mu-law",
        0x0011 => "IMA ADPCM",
        0x0031 => "GSM 6.10",
        0x0050 => "MPEG",
        0x0055 => "MP3",
        0x0161 or 0x0162 or 0x0163 => "Windows Media Audio",
        _ => $"0x{tag:X4}",
    } + $" (format tag 0x{tag:X4})";
}
