namespace VoiceClone.Core.Dsp;

/// <summary>
/// Active speech level in the spirit of ITU-T P.56 (the mean power of the frames that carry speech), with the
/// activity threshold set relative to the clip's own loud frames instead of an absolute one, so the level scales
/// exactly with gain. <see cref="Normalise"/> brings a clip to <see cref="TargetDbfs"/>: whatever follows sees the
/// same waveform at any recording level, which makes every emotion feature gain-invariant by construction.
/// </summary>
public static class ActiveSpeechLevel
{
    /// <summary>The level every clip is brought to: -26 dBFS, the nominal active speech level of ITU-T P.56 practice.</summary>
    public const double TargetDbfs = -26;
    private const int FrameSamples = 160; // 10 ms at 16 kHz; the estimate only needs frame powers, any rate works
    // The loud reference is the 95th percentile frame, so a click or a clipped burst does not set it.
    private const double LoudPercentile = 0.95;
    // Frames within 30 dB of it count as active speech (P.56 puts its threshold 15.9 dB under the active level).
    private const double ActiveRangeDb = 30;

    /// <summary>The active speech level in dB relative to full scale; negative infinity for digital silence.</summary>
    public static double Dbfs(ReadOnlySpan<float> samples)
    {
        int frames = samples.Length / FrameSamples;
        if (frames == 0) return PowerDb(MeanSquare(samples));
        var power = new double[frames];
        for (int f = 0; f < frames; f++) power[f] = MeanSquare(samples.Slice(f * FrameSamples, FrameSamples));
        double[] sorted = power.Order().ToArray();
        double loud = sorted[(int)Math.Round(LoudPercentile * (frames - 1))];
        if (loud <= 0) return PowerDb(sorted[^1]);
        double threshold = loud * Math.Pow(10, -ActiveRangeDb / 10);
        double sum = 0;
        int count = 0;
        foreach (double p in power)
        {
            if (p < threshold) continue;
            sum += p;
            count++;
        }
        return PowerDb(sum / count);
    }

    /// <summary>
    /// The clip scaled to <see cref="TargetDbfs"/> active speech level (peaks may then exceed 1: nothing clips in
    /// analysis); digital silence unchanged.
    /// </summary>
    public static AudioBuffer Normalise(AudioBuffer audio)
    {
        double level = Dbfs(audio.Samples);
        if (double.IsNegativeInfinity(level)) return audio;
        float gain = (float)Math.Pow(10, (TargetDbfs - level) / 20);
        return new AudioBuffer(audio.Samples.Select(s => s * gain).ToArray(), audio.SampleRateHz);
    }

    private static double MeanSquare(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float s in x) sum += (double)s * s;
        return x.Length > 0 ? sum / x.Length : 0;
    }

    private static double PowerDb(double meanSquare) => meanSquare > 0 ? 10 * Math.Log10(meanSquare) : double.NegativeInfinity;
}
