using VoiceClone.Core.Models;

/// <summary>The benches' warm ONNX sessions (the module's runtime owns its own).</summary>
internal static class BenchModels
{
    public static readonly OnnxSessions Sessions = new();
}
