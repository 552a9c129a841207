namespace VoiceClone.Core.Audio;

/// <summary>How samples are stored in a WAV data chunk.</summary>
public enum WavEncoding
{
    /// <summary>Integer PCM: 8-bit unsigned, 16/24/32-bit signed little-endian.</summary>
    Pcm,
    /// <summary>IEEE float, 32 or 64 bits.</summary>
    IeeeFloat,
}
