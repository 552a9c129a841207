namespace VoiceClone.Core.Engines;

/// <summary>What to say, whose voice, and the corrections a validation retry asks for.</summary>
public sealed record SynthesisRequest(string Text, PreparedReference Reference)
{
    public int? Seed { get; init; }
    /// <summary>1 for the first attempt; a sampling engine varies its draws with it so a retry is not a repeat.</summary>
    public int Attempt { get; init; } = 1;
    /// <summary>Multiplies the engine's target F0 (a validation retry sets it from the measured miss).</summary>
    public double PitchCorrection { get; init; } = 1;
    /// <summary>Multiplies the engine's target duration.</summary>
    public double DurationCorrection { get; init; } = 1;
    /// <summary>Added to the output level, dB.</summary>
    public double GainCorrectionDb { get; init; }
    /// <summary>
    /// Engines with several base voices (the default engine): 0 speaks with the nearest, 1 the next nearest, ...; a retry
    /// after output with no voiced speech asks for the next. Other engines ignore it.
    /// </summary>
    public int BaseVoiceRank { get; init; }
}
