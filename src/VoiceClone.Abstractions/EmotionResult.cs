namespace VoiceClone;

/// <summary>The emotion Get-VoiceEmotion hears in a recording, with a probability for each of the seven.</summary>
public sealed class EmotionResult
{
    public string Path { get; init; } = "";
    /// <summary>
    /// The most probable of: neutral, calm, happy, sad, angry, fearful, disgust; or 'uncertain' when even the most
    /// probable is under the model's threshold (the scores are still all there, and <see cref="MostProbable"/> names it).
    /// </summary>
    public string Emotion { get; init; } = "";
    /// <summary>The most probable emotion, whether or not it was probable enough to be reported as <see cref="Emotion"/>.</summary>
    public string MostProbable { get; init; } = "";
    /// <summary>Its probability (0-1), calibrated: among results with confidence 0.7, about 70 % are right.</summary>
    public double Confidence { get; init; }
    /// <summary>Every emotion's probability, in the model's label order; they sum to 1.</summary>
    public IReadOnlyDictionary<string, double> Scores { get; init; } = new Dictionary<string, double>();
    public string ModelPath { get; init; } = "";
}
