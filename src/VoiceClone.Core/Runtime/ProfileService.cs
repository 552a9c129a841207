using VoiceClone.Core.Engines;
using VoiceClone.Core.Engines.Qwen3;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Runtime;

/// <summary>The voice-profile capability: saving a recording's Qwen3 voice with its analysis, to clone without the recording.</summary>
public sealed class ProfileService
{
    public const string Source = "voice_profile";
    public const string Extension = ".voiceprofile.json";
    private readonly VoiceCloneRuntime _runtime;

    internal ProfileService(VoiceCloneRuntime runtime) => _runtime = runtime;

    /// <summary>Loads the Qwen3 model in <paramref name="modelFolder"/> once for a batch of profiles.</summary>
    /// <param name="referenceText">What the recordings say: the profiles then hold reference codes for in-context cloning.</param>
    public ProfileWriter Prepare(string modelFolder, string? referenceText) =>
        new(_runtime, _runtime.Qwen3Engine(new Qwen3EngineOptions(_runtime.Models.ResolveFolder(modelFolder)) { ReferenceText = referenceText }), referenceText);

    /// <summary>Where the profile of <paramref name="referencePath"/> goes in <paramref name="outputDirectory"/>.</summary>
    public static string TargetPath(string referencePath, string outputDirectory) =>
        Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(referencePath) + Extension);
}

/// <summary>Saves profiles for one model and transcript; thread-safe.</summary>
public sealed class ProfileWriter
{
    private readonly VoiceCloneRuntime _runtime;
    private readonly Qwen3Engine _engine;
    private readonly string? _referenceText;

    internal ProfileWriter(VoiceCloneRuntime runtime, Qwen3Engine engine, string? referenceText)
    {
        _runtime = runtime;
        _engine = engine;
        _referenceText = referenceText;
    }

    public VoiceProfile Save(string referencePath, string outputDirectory, bool overwrite)
    {
        string target = ProfileService.TargetPath(referencePath, outputDirectory);
        using var metrics = ExecutionMetrics.Start("New-VoiceProfile", ProfileService.Source, $"path={referencePath} in_context={_referenceText is not null}");
        try
        {
            PreparedReference reference = _runtime.References.Prepare(referencePath, _runtime.LoadEmotionModel(null), out _);
            Directory.CreateDirectory(outputDirectory);
            var (voice, created) = _engine.SaveProfile(reference, target, overwrite);
            metrics.Complete($"VoiceProfile embedding={voice.SpeakerEmbedding.Length} reference_frames={voice.ReferenceCodes?.Count ?? 0}");
            return new VoiceProfile
            {
                Path = target, ModelName = _engine.ModelName, ReferencePath = reference.Path, ReferenceSha256 = reference.Sha256,
                ReferenceSeconds = reference.Features.DurationSeconds, InContext = voice.InContext, ReferenceText = _referenceText,
                EmbeddingLength = voice.SpeakerEmbedding.Length, ReferenceFrames = voice.ReferenceCodes?.Count ?? 0,
                Pitch = reference.Features.Pitch, Emotion = reference.Emotion.Emotion, Created = created,
            };
        }
        catch (VoiceCloneException e)
        {
            metrics.Fail(e.ErrorId);
            throw;
        }
    }
}
