namespace VoiceClone.Core.Analysis.Pitch;

/// <summary>Search range and frame rate for pitch tracking.</summary>
public sealed record PitchTrackerOptions
{
    /// <summary>Default range: low male voices to high children's and sung notes.</summary>
    public static readonly PitchTrackerOptions Default = new() { MinHz = 50, MaxHz = 800 };
    /// <summary>Adult speaking voices only; fewer octave traps.</summary>
    public static readonly PitchTrackerOptions Speech = new() { MinHz = 60, MaxHz = 400 };

    public double MinHz { get; init; } = 50;
    public double MaxHz { get; init; } = 800;
    public double HopSeconds { get; init; } = 0.010;
}
