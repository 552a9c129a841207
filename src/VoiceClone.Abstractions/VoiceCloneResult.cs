namespace VoiceClone;

/// <summary>One clone New-VoiceClone wrote: the audio and fingerprint pair, and how closely it matches the reference.</summary>
public sealed class VoiceCloneResult
{
    public string Id { get; init; } = "";
    public string AudioPath { get; init; } = "";
    public string FingerprintPath { get; init; } = "";
    public string ReferencePath { get; init; } = "";
    public string Text { get; init; } = "";
    public double DurationSeconds { get; init; }
    public string Engine { get; init; } = "";
    /// <summary>What produced the audio, e.g. "flite:slt+voice-match" (classical voice matching, not neural cloning).</summary>
    public string ModelUsed { get; init; } = "";
    public string? BaseVoice { get; init; }
    /// <summary>Wall-clock seconds spent on this clone divided by the clone's duration (below 1: faster than real time).</summary>
    public double RealTimeFactor { get; init; }
    /// <summary>Clone median F0 divided by the reference's (1 = exact).</summary>
    public double PitchRatio { get; init; } = double.NaN;
    /// <summary>Clone articulation rate divided by the reference's (1 = exact).</summary>
    public double ArticulationRateRatio { get; init; } = double.NaN;
    /// <summary>Timbre distance to the reference: Euclidean distance of mean MFCC 1-12 vectors (lower is closer).</summary>
    public double TimbreDistance { get; init; } = double.NaN;
    /// <summary>The same distance for the untouched base voice, for comparison.</summary>
    public double BaseTimbreDistance { get; init; } = double.NaN;
    /// <summary>Passed, or Failed with the checks that failed after all retries.</summary>
    public string Validation { get; init; } = "";
    public int Attempts { get; init; }
    public string RunId { get; init; } = "";
}

/// <summary>Which synthesis engine New-VoiceClone uses.</summary>
public enum CloneEngine
{
    /// <summary>Built in, no download: a flite base voice transformed toward the reference (voice matching).</summary>
    Default,
    /// <summary>Qwen3-TTS Base over ONNX Runtime; needs the model files (models/README.md).</summary>
    Qwen3,
}

/// <summary>Where a neural engine runs.</summary>
public enum ComputeDevice
{
    /// <summary>CUDA when the runtime has it and a GPU answers, otherwise CPU (with a warning and a run-log entry).</summary>
    Auto,
    Cpu,
    /// <summary>CUDA; when it cannot run, the engine falls back to CPU, loudly.</summary>
    Cuda,
}
