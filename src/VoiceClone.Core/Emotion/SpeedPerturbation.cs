using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Emotion;

/// <summary>
/// Speed perturbation (Ko et al. 2015, "Audio augmentation for speech recognition"): the recording replayed 15 %
/// slower to 15 % faster, which moves pitch, formants and tempo together the way another speaker would. Training
/// sees every clip at each factor, so the classifier learns emotion rather than the 24 actors' voices; prediction
/// averages the probabilities over the same views. On RAVDESS this raised leave-one-actor-out unweighted accuracy
/// from 55.0 % to 60.4 % (see EmotionTrainer).
/// </summary>
internal static class SpeedPerturbation
{
    public static IReadOnlyList<double> Factors { get; } = [0.85, 0.9, 0.95, 1.05, 1.1, 1.15];

    /// <summary>The audio played <paramref name="factor"/> times as fast, at <paramref name="outputRateHz"/>.</summary>
    public static AudioBuffer Apply(AudioBuffer audio, double factor, int outputRateHz) =>
        SincResampler.Resample(new AudioBuffer(audio.Samples, (int)Math.Round(audio.SampleRateHz * factor)), outputRateHz);
}
