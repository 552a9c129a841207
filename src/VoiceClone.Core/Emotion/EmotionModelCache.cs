using System.Collections.Concurrent;
using VoiceClone.Core.Models;

namespace VoiceClone.Core.Emotion;

/// <summary>One loaded emotion model per folder, shared by every call and runspace; the module's own model is found by <see cref="ModelLocator"/>.</summary>
public static class EmotionModelCache
{
    public const string DefaultModel = "emotion/" + EmotionModel.MetadataFile;
    private static readonly ConcurrentDictionary<string, Lazy<EmotionModel>> Models = new(StringComparer.Ordinal);

    public static EmotionModel Get(string? folder)
    {
        string resolved = Path.GetFullPath(folder ?? Path.GetDirectoryName(ModelLocator.Require(DefaultModel, "Get-VoiceEmotion"))!);
        Lazy<EmotionModel> lazy = Models.GetOrAdd(resolved, f => new Lazy<EmotionModel>(() => EmotionModel.Load(f)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Models.TryRemove(resolved, out _); // a broken file must not stay cached once it is fixed
            throw;
        }
    }

    public static void Clear() => Models.Clear();
}
