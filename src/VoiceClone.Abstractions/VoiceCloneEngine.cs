namespace VoiceClone;

/// <summary>
/// A speech engine behind New-VoiceClone: speaks <see cref="CloneRequest.Text"/> in the reference's voice.
/// Implementations are thread-safe; one instance serves every clone of a session.
/// </summary>
public interface IVoiceCloneEngine
{
    /// <summary>"Default", "Qwen3", ...</summary>
    string Name { get; }

    SynthesizedSpeech Synthesize(CloneRequest request, CancellationToken cancellation);
}

/// <summary>What to say, whose voice (the reference and its analysis), and the corrections a validation retry asks for.</summary>
public sealed record CloneRequest(string Text, string ReferencePath, VoiceFeatures Reference, EmotionResult? Emotion)
{
    public int? Seed { get; init; }
    /// <summary>A saved voice (New-VoiceProfile) the engine uses instead of analysing the reference recording.</summary>
    public string? VoiceProfilePath { get; init; }
    /// <summary>1 for the first attempt; a sampling engine varies its draws with it so a retry is not a repeat.</summary>
    public int Attempt { get; init; } = 1;
    /// <summary>Multiplies the engine's target F0 (a validation retry sets it from the measured miss).</summary>
    public double PitchCorrection { get; init; } = 1;
    /// <summary>Multiplies the engine's target duration.</summary>
    public double DurationCorrection { get; init; } = 1;
    /// <summary>Added to the output level, dB.</summary>
    public double GainCorrectionDb { get; init; }
}

/// <summary>Mono speech from an engine, with what made it.</summary>
public sealed record SynthesizedSpeech(float[] Samples, int SampleRateHz, string ModelUsed)
{
    public string? BaseVoice { get; init; }
    public string Device { get; init; } = "cpu";
    /// <summary>Engine-specific work counts for the run log: frames, tokens, pitch marks...</summary>
    public IReadOnlyDictionary<string, double> Counters { get; init; } = new Dictionary<string, double>();
    public double DurationSeconds => (double)Samples.Length / SampleRateHz;
}
