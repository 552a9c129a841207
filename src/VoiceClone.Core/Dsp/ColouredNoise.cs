namespace VoiceClone.Core.Dsp;

/// <summary>
/// Stationary Gaussian noise with a power spectrum falling as 1/f^beta (white beta 0, pink 1, brown 2), shaped in the
/// frequency domain, and its mix into speech at a chosen signal-to-noise ratio, where the signal is the clip's active
/// speech level (<see cref="ActiveSpeechLevel"/>), as in ITU-T P.56-based noisy-speech test sets.
/// </summary>
public static class ColouredNoise
{
    public const double White = 0, Pink = 1, Brown = 2;
    // Below this the 1/f^beta shape is held flat: coloured noise would otherwise put most of its power near DC.
    private const double FlatBelowHz = 50;

    /// <summary><paramref name="length"/> samples of unit-RMS noise with spectral slope <paramref name="beta"/>.</summary>
    public static float[] Generate(int length, int sampleRateHz, double beta, Random random)
    {
        int size = 2;
        while (size < length) size *= 2;
        var re = new double[size];
        var im = new double[size];
        for (int i = 0; i < size; i++) re[i] = Gaussian(random);
        var fft = new Fft(size);
        fft.Forward(re, im);
        for (int k = 0; k <= size / 2; k++)
        {
            double hz = Math.Max(FlatBelowHz, k * (double)sampleRateHz / size);
            double amplitude = k == 0 ? 0 : Math.Pow(hz, -beta / 2); // power ~ f^-beta, amplitude ~ f^-beta/2
            re[k] *= amplitude;
            im[k] *= amplitude;
            if (k > 0 && k < size / 2)
            {
                re[size - k] = re[k];
                im[size - k] = -im[k];
            }
        }
        fft.Inverse(re, im);
        double rms = Math.Sqrt(re.Take(length).Sum(v => v * v) / Math.Max(1, length));
        return re.Take(length).Select(v => (float)(rms > 0 ? v / rms : 0)).ToArray();
    }

    /// <summary>The clip plus noise of slope <paramref name="beta"/> at <paramref name="snrDb"/> below its active speech level.</summary>
    public static AudioBuffer Add(AudioBuffer audio, double beta, double snrDb, Random random)
    {
        double speechDb = ActiveSpeechLevel.Dbfs(audio.Samples);
        if (double.IsNegativeInfinity(speechDb)) return audio;
        float noiseRms = (float)Math.Pow(10, (speechDb - snrDb) / 20);
        float[] noise = Generate(audio.Samples.Length, audio.SampleRateHz, beta, random);
        var mixed = new float[noise.Length];
        for (int i = 0; i < mixed.Length; i++) mixed[i] = audio.Samples[i] + noiseRms * noise[i];
        return new AudioBuffer(mixed, audio.SampleRateHz);
    }

    /// <summary>Standard normal deviate (Box-Muller).</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
