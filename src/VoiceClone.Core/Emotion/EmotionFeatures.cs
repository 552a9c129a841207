namespace VoiceClone.Core.Emotion;

/// <summary>The classifier's input: the voice feature vector, as single precision.</summary>
public static class EmotionFeatures
{
    /// <summary>Bumped whenever the feature vector changes meaning; a model of another version is refused at load.</summary>
    public const int Version = 1;

    public static float[] From(VoiceFeatures features) => features.FeatureVector.Select(v => (float)v).ToArray();
}
