using VoiceClone.Core.Caching;
using VoiceClone.Core.Models;

namespace VoiceClone.Core.Emotion;

/// <summary>One loaded emotion model per folder, shared by every call and runspace; the module's own model is found by <see cref="ModelLocator"/>.</summary>
public static class EmotionModelCache
{
    public const string DefaultModel = "emotion/" + EmotionModel.MetadataFile;
    private static readonly OnceCache<string, EmotionModel> Models = new(StringComparer.Ordinal);

    public static EmotionModel Get(string? folder)
    {
        string resolved = Path.GetFullPath(folder ?? Path.GetDirectoryName(ModelLocator.Require(DefaultModel, "Get-VoiceEmotion"))!);
        return Models.Get(resolved, EmotionModel.Load);
    }

    public static void Clear() => Models.Clear();
}
