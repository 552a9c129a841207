namespace VoiceClone.Core.Engines;

/// <summary>Mono speech from an engine, with what made it.</summary>
public sealed record SynthesizedSpeech(float[] Samples, int SampleRateHz, string ModelUsed)
{
    public string? BaseVoice { get; init; }
    public string Device { get; init; } = "cpu";
    /// <summary>Engine-specific work counts for the run log: frames, tokens, pitch marks...</summary>
    public IReadOnlyDictionary<string, double> Counters { get; init; } = new Dictionary<string, double>();
    public double DurationSeconds => (double)Samples.Length / SampleRateHz;
}
