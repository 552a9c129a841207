using VoiceClone.Core.Engines.Qwen3;

namespace VoiceClone.Core.Tests.Engines.Qwen3;

/// <summary>Replays the uniforms a reference run drew, so sampled generation can be compared with it step for step.</summary>
internal sealed class RecordedUniformSource(IReadOnlyList<double> uniforms) : IUniformSource
{
    public int Consumed { get; private set; }

    public double Next() => Consumed < uniforms.Count ? uniforms[Consumed++]
        : throw new InvalidOperationException($"All {uniforms.Count} recorded uniforms were consumed.");
}
