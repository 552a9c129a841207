namespace VoiceClone.Core.Emotion;

/// <summary>
/// How emotion features are computed. <see cref="Default"/> is what models are trained and run with; the other
/// settings exist so the bench can measure what each choice is worth (its ablation table).
/// </summary>
public sealed record EmotionFeatureOptions
{
    public static EmotionFeatureOptions Default { get; } = new();

    /// <summary>Bring every clip to the same active speech level first (<see cref="ActiveSpeechLevel"/>): gain invariance.</summary>
    public bool NormaliseLevel { get; init; } = true;

    /// <summary>
    /// Which frames the spectral descriptors are summarised over (level and the "_loud_frames" set always use
    /// <see cref="EmotionFrameSelection.Loud"/>).
    /// </summary>
    public EmotionFrameSelection FrameSelection { get; init; } = EmotionFrameSelection.Voiced;

    /// <summary>Read every clip's dynamics at one reference pace (<see cref="SpeechDynamics"/>).</summary>
    public bool NormaliseDynamics { get; init; } = true;

    /// <summary>Analysis hop relative to 10 ms: 1.3 reads the dynamics as if the speech were 1.3 times as fast.</summary>
    public double Tempo { get; init; } = 1;

    /// <summary>Speeds the clip is also analysed at when predicting; its probabilities are averaged over all views.</summary>
    public IReadOnlyList<double> InferenceSpeeds { get; init; } = SpeedPerturbation.Factors;
}

/// <summary>Frames a clip's spectral descriptors are summarised over.</summary>
public enum EmotionFrameSelection
{
    /// <summary>Every frame within 35 dB of the loudest: speech, and whatever noise or silence is that loud.</summary>
    Loud,
    /// <summary>The frames the pitch tracker finds voiced: the voice itself, whatever the pauses and the noise between.</summary>
    Voiced,
}
