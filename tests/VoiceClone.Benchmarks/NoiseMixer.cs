using VoiceClone.Core.Audio;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Benchmarks;

/// <summary>The noise a condition adds: none, white, pink (1/f power) or babble (several other talkers summed).</summary>
internal enum NoiseKind { Clean, White, Pink, Babble }

/// <summary>One benchmark condition: a noise kind at a signal-to-noise ratio (dB, whole-file power ratio).</summary>
internal sealed record NoiseCondition(NoiseKind Kind, double SnrDb)
{
    public static readonly double[] SnrsDb = [20, 10, 5, 0];

    public static IReadOnlyList<NoiseCondition> All { get; } =
        [new(NoiseKind.Clean, double.PositiveInfinity),
         .. new[] { NoiseKind.White, NoiseKind.Pink, NoiseKind.Babble }.SelectMany(k => SnrsDb.Select(s => new NoiseCondition(k, s)))];

    public string Name => Kind == NoiseKind.Clean ? "clean" : $"{Kind.ToString().ToLowerInvariant()} {SnrDb:0} dB";
    public string FolderName => Kind == NoiseKind.Clean ? "clean" : $"{Kind.ToString().ToLowerInvariant()}{SnrDb:0}";
}

/// <summary>
/// Adds noise to speech at a chosen SNR, reproducibly: the same file, kind and seed give the same noise at every SNR,
/// only scaled. SNR is the ratio of the whole clean file's mean power to the noise's (pauses included, so the speech
/// itself sits a few dB above the nominal SNR). Babble is <see cref="BabbleTalkers"/> LibriSpeech utterances by other
/// speakers, each normalised to the same power, started at random points and looped.
/// </summary>
internal sealed class NoiseMixer(IReadOnlyList<(string Speaker, float[] Samples16k)> babbleSources, int seed)
{
    public const int BabbleTalkers = 6;
    private const int BabbleSourceRateHz = 16000;
    // The low end of pink noise: the bottom of the audible range.
    private const double PinkLowestHz = 20;
    // Mixtures are scaled down (SNR unchanged) when a peak would pass this, so float WAV readers see no clipping.
    private const double PeakLimit = 0.99;

    /// <summary>The speech with noise added; <paramref name="speaker"/> is left out of its own babble.</summary>
    public float[] Mix(float[] speech, int sampleRateHz, NoiseCondition condition, int fileIndex, string speaker)
    {
        if (condition.Kind == NoiseKind.Clean) return speech;
        // Not HashCode.Combine: it is seeded per process, and the noise must be the same in every run.
        var random = new Random(seed * 1_000_003 + (int)condition.Kind * 10_007 + fileIndex);
        double[] noise = condition.Kind switch
        {
            NoiseKind.White => Gaussian(speech.Length, random),
            NoiseKind.Pink => Pink(speech.Length, sampleRateHz, random),
            _ => Babble(speech.Length, sampleRateHz, speaker, random),
        };
        double speechPower = MeanPower(speech.Select(v => (double)v)), noisePower = MeanPower(noise);
        double gain = Math.Sqrt(speechPower / noisePower / Math.Pow(10, condition.SnrDb / 10));
        var mixed = new float[speech.Length];
        for (int i = 0; i < mixed.Length; i++) mixed[i] = (float)(speech[i] + gain * noise[i]);
        float peak = mixed.Max(Math.Abs);
        if (peak > PeakLimit) for (int i = 0; i < mixed.Length; i++) mixed[i] = (float)(mixed[i] * PeakLimit / peak);
        return mixed;
    }

    private static double MeanPower(IEnumerable<double> x) => x.Average(v => v * v);

    /// <summary>Unit-variance Gaussian samples (Box-Muller).</summary>
    private static double[] Gaussian(int n, Random random)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return x;
    }

    /// <summary>
    /// Pink noise by spectral shaping: white noise's spectrum scaled by 1/sqrt(f), so power falls 3 dB an octave at every
    /// rate, from <see cref="PinkLowestHz"/> up. Below it nothing: 1/f continued to 0 Hz would put half the power in
    /// inaudible rumble that microphones and recorders filter out, and the nominal SNR would flatter every tracker.
    /// </summary>
    private static double[] Pink(int n, int sampleRateHz, Random random)
    {
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, n));
        double[] re = Gaussian(size, random), im = new double[size];
        var fft = new Fft(size);
        fft.Forward(re, im);
        double binHz = (double)sampleRateHz / size;
        for (int k = 0; k < size; k++)
        {
            double hz = Math.Min(k, size - k) * binHz;
            double gain = hz < PinkLowestHz ? 0 : 1 / Math.Sqrt(hz);
            re[k] *= gain; im[k] *= gain;
        }
        fft.Inverse(re, im);
        return re[..n];
    }

    private double[] Babble(int n, int sampleRateHz, string speaker, Random random)
    {
        var talkers = babbleSources.Where(s => s.Speaker != speaker).GroupBy(s => s.Speaker).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToArray()).ToList();
        var sum = new double[n];
        for (int t = 0; t < BabbleTalkers && talkers.Count > 0; t++)
        {
            var utterances = talkers[random.Next(talkers.Count)];
            talkers.Remove(utterances);
            float[] voice = SincResampler.Resample(utterances[random.Next(utterances.Length)].Samples16k, BabbleSourceRateHz, sampleRateHz);
            double scale = 1 / Math.Sqrt(MeanPower(voice.Select(v => (double)v)));
            int offset = random.Next(voice.Length);
            for (int i = 0; i < n; i++) sum[i] += scale * voice[(offset + i) % voice.Length];
        }
        return sum;
    }
}
