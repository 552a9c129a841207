namespace VoiceClone.Core.Engines;

/// <summary>
/// A speech engine behind New-VoiceClone: speaks <see cref="SynthesisRequest.Text"/> in the voice of the prepared
/// reference. Engines know nothing of the clone workflow (validation, retries, files); implementations are thread-safe,
/// and one instance serves every clone of a call.
/// </summary>
public interface IVoiceEngine
{
    /// <summary>"Default", "Qwen3", ...</summary>
    string Name { get; }

    SynthesizedSpeech Synthesize(SynthesisRequest request, CancellationToken cancellation);
}
