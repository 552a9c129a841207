namespace VoiceClone.Core.Emotion;

/// <summary>The seven emotions the module recognises, in the fixed order of every score vector.</summary>
public static class EmotionLabels
{
    public static IReadOnlyList<string> All { get; } = ["neutral", "calm", "happy", "sad", "angry", "fearful", "disgust"];
}
