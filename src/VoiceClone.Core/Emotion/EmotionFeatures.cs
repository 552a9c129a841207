using VoiceClone.Core.Analysis;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Audio.Decoders;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Emotion;

/// <summary>
/// The classifier's input: the functionals of every frame descriptor and of its delta (51 descriptors x 2 x 7 =
/// 714), plus the F0 functionals relative to the clip's own mean (7): 721 values, computed from the audio after it
/// is resampled to 16 kHz and brought to a fixed active speech level.
/// </summary>
public static class EmotionFeatures
{
    /// <summary>Bumped whenever the feature vector changes meaning; a model of another version is refused at load.</summary>
    public const int Version = 6;
    /// <summary>Emotion is judged on at most the first minute: the classifier knows utterances, not hours.</summary>
    public const double MaxSeconds = 60;

    public static IReadOnlyList<string> Names { get; } =
    [
        .. EmotionFrameDescriptors.Names
            .SelectMany(d => new[] { d, d + "_delta" })
            .SelectMany(s => Functionals.Names.Select(f => $"{s}_{f}")),
        .. Functionals.Names.Select(f => $"f0_relative_semitones_{f}"),
    ];

    /// <summary>
    /// The clip at the analysis rate and, by default, at the fixed active speech level: all later steps see the same
    /// waveform at any gain or sample rate.
    /// </summary>
    public static AudioBuffer Prepare(AudioBuffer audio, EmotionFeatureOptions? options = null)
    {
        AudioBuffer resampled = SincResampler.Resample(audio, EmotionFrameDescriptors.RateHz);
        return (options ?? EmotionFeatureOptions.Default).NormaliseLevel ? ActiveSpeechLevel.Normalise(resampled) : resampled;
    }

    /// <summary>The feature vector of a prepared clip (<see cref="Prepare"/>) and the voiced seconds it rests on.</summary>
    public static (float[] Features, double VoicedSeconds) Compute(AudioBuffer prepared, EmotionFeatureOptions? options = null)
    {
        options ??= EmotionFeatureOptions.Default;
        var descriptors = new EmotionFrameDescriptors(prepared, options.FrameSelection, options.NormaliseDynamics, options.Tempo);
        var features = new List<float>(Names.Count);
        for (int d = 0; d < descriptors.Series.Count; d++)
        {
            Functionals.Append(descriptors.Series[d], features);
            Functionals.Append(descriptors.Deltas[d], features);
        }
        double[] semitones = descriptors.Series[^1];
        double[] voiced = semitones.Where(s => !double.IsNaN(s)).ToArray();
        double meanSemitones = voiced.Length > 0 ? voiced.Average() : 0;
        Functionals.Append(voiced.Select(s => s - meanSemitones).ToArray(), features);
        return ([.. features], descriptors.VoicedSeconds);
    }

    /// <summary>The clip as recorded, then at every inference speed: what prediction averages over.</summary>
    public static EmotionViews Views(AudioBuffer audio, EmotionFeatureOptions? options = null)
    {
        options ??= EmotionFeatureOptions.Default;
        AudioBuffer prepared = Prepare(audio, options);
        var (features, voicedSeconds) = Compute(prepared, options);
        float[][] speeds = options.InferenceSpeeds
            .Select(f => Compute(SpeedPerturbation.Apply(prepared, f, EmotionFrameDescriptors.RateHz), options).Features)
            .ToArray();
        return new EmotionViews([features, .. speeds], voicedSeconds);
    }

    /// <summary>
    /// Mono audio of a file at the analysis rate (<see cref="ResamplingAudioReader"/> resamples as it decodes, so memory
    /// does not grow with the file's rate), its first <see cref="MaxSeconds"/> at most; AudioTooShort under half a second.
    /// </summary>
    public static AudioBuffer ReadClip(string path)
    {
        const int rateHz = EmotionFrameDescriptors.RateHz;
        IAudioReader file = AudioFileReader.Open(path);
        using IAudioReader reader = file.SampleRateHz == rateHz ? file : new ResamplingAudioReader(file, rateHz);
        return Clip(new AudioBuffer(AudioFileReader.ReadUpTo(reader, (long)(MaxSeconds * rateHz), path), rateHz), path);
    }

    /// <summary>
    /// The part of <paramref name="audio"/> emotion is judged on (its first <see cref="MaxSeconds"/>); AudioTooShort under
    /// half a second.
    /// </summary>
    public static AudioBuffer Clip(AudioBuffer audio, string path)
    {
        int maxSamples = (int)Math.Min(audio.Samples.Length, (long)(MaxSeconds * audio.SampleRateHz));
        if (maxSamples < audio.Samples.Length) audio = new AudioBuffer(audio.Samples[..maxSamples], audio.SampleRateHz);
        if (audio.DurationSeconds < VoiceFeatureExtractor.MinimumDurationSeconds)
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioTooShort,
                $"'{path}' lasts {audio.DurationSeconds:F2} s; at least {VoiceFeatureExtractor.MinimumDurationSeconds} s "
                + "of audio is needed to judge emotion.", path);
        }
        return audio;
    }
}

/// <summary>A clip's feature vectors (as recorded first, then each perturbed view) and the voiced seconds they rest on.</summary>
public sealed record EmotionViews(float[][] Views, double VoicedSeconds);
