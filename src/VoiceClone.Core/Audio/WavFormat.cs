namespace VoiceClone.Core.Audio;

/// <summary>What a WAV file's header says, after validation.</summary>
public sealed record WavFormat(
    WavEncoding Encoding,
    int Channels,
    int SampleRateHz,
    int BitsPerSample,
    int BlockAlignBytes,
    long FrameCount,
    IReadOnlyDictionary<string, string> InfoTags)
{
    public double DurationSeconds => (double)FrameCount / SampleRateHz;
}
