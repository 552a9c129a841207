namespace VoiceClone.Core.Emotion;

/// <summary>
/// How much voiced speech a judgement rests on. Emotion is heard in the voice: a clip with less than
/// <see cref="FullEvidenceSeconds"/> of voiced frames has its probabilities pulled towards uniform in proportion to
/// what is missing, so noise, hum or digital silence can never come out as a confident emotion.
/// </summary>
public static class SpeechEvidence
{
    /// <summary>Half a second of voiced speech: under a tenth of the voicing in the shortest RAVDESS or EmoDB utterance.</summary>
    public const double FullEvidenceSeconds = 0.5;

    public static float[] Shrink(float[] probabilities, double voicedSeconds)
    {
        double weight = Math.Clamp(voicedSeconds / FullEvidenceSeconds, 0, 1);
        if (weight >= 1) return probabilities;
        double uniform = 1.0 / probabilities.Length;
        return probabilities.Select(p => (float)(weight * p + (1 - weight) * uniform)).ToArray();
    }
}
