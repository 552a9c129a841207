using Microsoft.ML.OnnxRuntime;
using VoiceClone.Core.Analysis.Pitch;

namespace VoiceClone.Core.Analysis;

/// <summary>How a recording is analysed; the model sessions are resolved by the caller (the runtime owns them).</summary>
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
    /// <summary>The SwiftF0 network, required with <see cref="PitchAlgorithm.SwiftF0"/>.</summary>
    public InferenceSession? SwiftF0Model { get; init; }
    /// <summary>The Silero VAD network: used with <see cref="VadMethod.Silero"/>, and with Auto when present.</summary>
    public InferenceSession? SileroVadModel { get; init; }
}
