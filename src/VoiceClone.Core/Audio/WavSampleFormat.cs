namespace VoiceClone.Core.Audio;

/// <summary>Sample formats the writer produces.</summary>
public enum WavSampleFormat
{
    Pcm16,
    Float32,
}
