using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Analysis;

/// <summary>
/// How references, base voices and clones are analysed so that they can be compared: the default pitch tracker and the
/// energy speech detector (what the emotion model was trained on, and no model file needed).
/// </summary>
public static class ComparisonAnalysis
{
    public static VoiceFeatureOptions Options { get; } = new() { Vad = VadMethod.Energy };

    /// <summary>
    /// Analyses synthesised speech, padding clips shorter than the analysable minimum with trailing silence (which
    /// changes no pitch, rate or spectrum); the duration reported is the clip's own.
    /// </summary>
    public static VoiceFeatures AnalyzeSpeech(AudioBuffer audio, string name, string? text)
    {
        int minimumSamples = (int)Math.Ceiling(VoiceFeatureExtractor.MinimumDurationSeconds * audio.SampleRateHz) + 1;
        AudioBuffer analysable = audio.Samples.Length >= minimumSamples ? audio
            : new AudioBuffer([.. audio.Samples, .. new float[minimumSamples - audio.Samples.Length]], audio.SampleRateHz);
        return VoiceFeatureExtractor.Analyze(analysable, name, Options with { Text = text }) with { DurationSeconds = audio.DurationSeconds };
    }
}
