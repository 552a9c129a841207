using VoiceClone.Core.Analysis.Pitch;

namespace VoiceClone.Core.Analysis;

/// <summary>How Get-VoiceFeature analyses a recording.</summary>
public sealed record VoiceFeatureOptions
{
    public PitchTrackerOptions Pitch { get; init; } = PitchTrackerOptions.Default;
    public PitchAlgorithm PitchAlgorithm { get; init; } = PitchAlgorithm.Default;
    public VadMethod Vad { get; init; } = VadMethod.Auto;
    /// <summary>Shortest silence inside speech that counts as a pause.</summary>
    public double MinimumPauseSeconds { get; init; } = 0.25;
    /// <summary>The words spoken, when known: Wpm is then exact rather than estimated from syllables.</summary>
    public string? Text { get; init; }
    public bool IncludeContour { get; init; }
}
