using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Emotion;

/// <summary>
/// Training-time augmentation (as in Ko et al. 2017, "A study on data augmentation of reverberant speech for robust
/// speech recognition"): beside the clean views, each training clip is seen <see cref="ViewsPerClip"/> more times
/// at a random speed and through one random recording chain: additive white or brown noise at 5-30 dB SNR, band
/// limits of cheap microphones and telephones, or a reverberant room. Pink noise is never used here, so the bench's
/// pink-noise conditions measure noise the model has not heard. Gain needs no augmentation: level is normalised
/// (<see cref="ActiveSpeechLevel"/>). Every draw comes from the clip's seed, so training is reproducible.
/// </summary>
public sealed record EmotionAugmentation
{
    public static EmotionAugmentation Default { get; } = new();
    public static EmotionAugmentation None { get; } = new() { ViewsPerClip = 0 };

    public int ViewsPerClip { get; init; } = 6;
    public bool Noise { get; init; } = true;
    public bool BandLimit { get; init; } = true;
    public bool Reverb { get; init; } = true;
    /// <summary>
    /// Read each augmented view's dynamics at a random tempo (<see cref="EmotionFeatureOptions.Tempo"/>), some with no
    /// other degradation.
    /// </summary>
    public bool Tempo { get; init; } = true;

    private const double MinSnrDb = 5, MaxSnrDb = 30;
    private const double MinLowCutHz = 80, MaxLowCutHz = 400, MinHighCutHz = 2800, MaxHighCutHz = 7000;
    // A band that ends below 4 kHz is also carried at 8 kHz, as a telephone line would.
    private const double NarrowbandBelowHz = 4000;
    private const int NarrowbandRateHz = 8000;
    // Speaking rates differ by corpus, language and person far more than speed perturbation's 15 %: RAVDESS actors
    // speak slowly, EmoDB's about a third faster. Tempo is drawn log-uniformly between half as fast again and 1.5x.
    private const double MaxTempo = 1.5;
    private const double MinRt60Seconds = 0.2, MaxRt60Seconds = 0.9, MinDirectToReverberantDb = -3, MaxDirectToReverberantDb = 12;

    /// <summary>The augmented views of a prepared clip (<see cref="EmotionFeatures.Prepare"/>): features of each degraded copy.</summary>
    public float[][] Views(AudioBuffer prepared, int seed, EmotionFeatureOptions? options = null)
    {
        var chains = new List<Func<AudioBuffer, Random, AudioBuffer>>();
        if (Noise) chains.Add(AddNoise);
        if (BandLimit) chains.Add(LimitBand);
        if (Reverb) chains.Add(Reverberate);
        if (Tempo) chains.Add((audio, _) => audio);
        if (chains.Count == 0) return [];
        options ??= EmotionFeatureOptions.Default;
        IReadOnlyList<double> speeds = [1.0, .. SpeedPerturbation.Factors];
        var views = new float[ViewsPerClip][];
        for (int v = 0; v < ViewsPerClip; v++)
        {
            var random = new Random(HashCode.Combine(seed, v));
            double speed = speeds[random.Next(speeds.Count)];
            AudioBuffer audio = speed == 1.0 ? prepared : SpeedPerturbation.Apply(prepared, speed, prepared.SampleRateHz);
            audio = chains[random.Next(chains.Count)](audio, random);
            double tempo = Tempo ? Math.Exp(Uniform(random, -Math.Log(MaxTempo), Math.Log(MaxTempo))) : options.Tempo;
            views[v] = EmotionFeatures.Compute(EmotionFeatures.Prepare(audio, options), options with { Tempo = tempo }).Features;
        }
        return views;
    }

    private static AudioBuffer AddNoise(AudioBuffer audio, Random random) =>
        ColouredNoise.Add(audio, random.Next(2) == 0 ? ColouredNoise.White : ColouredNoise.Brown,
            Uniform(random, MinSnrDb, MaxSnrDb), random);

    private static AudioBuffer LimitBand(AudioBuffer audio, Random random)
    {
        double highHz = Uniform(random, MinHighCutHz, MaxHighCutHz);
        AudioBuffer limited = ButterworthBandPass.Apply(audio, Uniform(random, MinLowCutHz, MaxLowCutHz), highHz);
        return highHz < NarrowbandBelowHz ? SincResampler.Resample(limited, NarrowbandRateHz) : limited;
    }

    private static AudioBuffer Reverberate(AudioBuffer audio, Random random) =>
        SyntheticReverb.Apply(audio, Uniform(random, MinRt60Seconds, MaxRt60Seconds),
            Uniform(random, MinDirectToReverberantDb, MaxDirectToReverberantDb), random);

    private static double Uniform(Random random, double min, double max) => min + (max - min) * random.NextDouble();
}
