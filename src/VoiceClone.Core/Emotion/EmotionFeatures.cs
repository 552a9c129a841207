using VoiceClone.Core.Analysis;
using VoiceClone.Core.Audio.Decoders;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Emotion;

/// <summary>
/// The classifier's input: the functionals of every frame descriptor and of its delta (46 descriptors x 2 x 7 =
/// 644), plus the F0 functionals relative to the clip's own mean (7): 651 values, computed from the audio itself.
/// </summary>
public static class EmotionFeatures
{
    /// <summary>Bumped whenever the feature vector changes meaning; a model of another version is refused at load.</summary>
    public const int Version = 2;
    /// <summary>Emotion is judged on at most the first minute: the classifier knows utterances, not hours.</summary>
    public const double MaxSeconds = 60;

    public static IReadOnlyList<string> Names { get; } =
    [
        .. EmotionFrameDescriptors.Names.SelectMany(d => new[] { d, d + "_delta" }).SelectMany(s => Functionals.Names.Select(f => $"{s}_{f}")),
        .. Functionals.Names.Select(f => $"f0_relative_semitones_{f}"),
    ];

    public static float[] Compute(AudioBuffer audio)
    {
        var descriptors = new EmotionFrameDescriptors(audio);
        var features = new List<float>(Names.Count);
        foreach (double[] series in descriptors.Series)
        {
            Functionals.Append(series, features);
            Functionals.Append(Functionals.Delta(series), features);
        }
        double[] semitones = descriptors.Series[^1];
        double[] voiced = semitones.Where(s => !double.IsNaN(s)).ToArray();
        double meanSemitones = voiced.Length > 0 ? voiced.Average() : 0;
        Functionals.Append(voiced.Select(s => s - meanSemitones).ToArray(), features);
        return [.. features];
    }

    /// <summary>The clip as recorded, then at every speed-perturbation factor: what training learns from and prediction averages over.</summary>
    public static float[][] Views(AudioBuffer audio) =>
        [Compute(audio), .. SpeedPerturbation.Factors.Select(f => Compute(SpeedPerturbation.Apply(audio, f, EmotionFrameDescriptors.RateHz)))];

    /// <summary>Mono audio of a file, its first <see cref="MaxSeconds"/> at most; an AudioTooShort error under half a second.</summary>
    public static AudioBuffer ReadClip(string path) => Clip(AudioFileReader.ReadMono(path, MaxSeconds), path);

    /// <summary>The part of <paramref name="audio"/> emotion is judged on (its first <see cref="MaxSeconds"/>); AudioTooShort under half a second.</summary>
    public static AudioBuffer Clip(AudioBuffer audio, string path)
    {
        int maxSamples = (int)Math.Min(audio.Samples.Length, (long)(MaxSeconds * audio.SampleRateHz));
        if (maxSamples < audio.Samples.Length) audio = new AudioBuffer(audio.Samples[..maxSamples], audio.SampleRateHz);
        if (audio.DurationSeconds < VoiceFeatureExtractor.MinimumDurationSeconds)
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioTooShort,
                $"'{path}' lasts {audio.DurationSeconds:F2} s; at least {VoiceFeatureExtractor.MinimumDurationSeconds} s of audio is needed to judge emotion.", path);
        }
        return audio;
    }
}
