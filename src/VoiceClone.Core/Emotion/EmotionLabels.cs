namespace VoiceClone.Core.Emotion;

/// <summary>The seven emotions the module recognises, in the fixed order of every score vector.</summary>
public static class EmotionLabels
{
    public static IReadOnlyList<string> All { get; } = ["neutral", "calm", "happy", "sad", "angry", "fearful", "disgust"];

    /// <summary>What a result says instead of an emotion when no class is probable enough (see EmotionModel).</summary>
    public const string Uncertain = "uncertain";
}
