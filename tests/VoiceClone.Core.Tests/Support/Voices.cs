namespace VoiceClone.Core.Tests.Support;

/// <summary>Synthetic voiced signals with known parameters.</summary>
internal static class Voices
{
    public const int Rate = 16000;

    /// <summary>Harmonic series with a 1/k spectral tilt (a glottal-pulse-like source), F0 given per sample.</summary>
    public static float[] Harmonic(
        Func<double, double> f0AtTime, double seconds, int harmonics = 20, double amplitude = 0.3, Func<int, double>? harmonicGain = null)
    {
        int n = (int)(seconds * Rate);
        var x = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++)
        {
            double f0 = f0AtTime((double)i / Rate);
            phase += 2 * Math.PI * f0 / Rate;
            double sum = 0;
            for (int k = 1; k <= harmonics && k * f0 < Rate / 2.0; k++) sum += (harmonicGain?.Invoke(k) ?? 1.0 / k) * Math.Sin(k * phase);
            x[i] = (float)(amplitude * sum);
        }
        return x;
    }

    /// <summary>Impulse train with relative period jitter (uniform, +-jitter) and shimmer, through vocal-tract resonances.</summary>
    public static float[] Vowel(double f0, double seconds, double jitter = 0, double[]? formantsHz = null, int seed = 1, double shimmer = 0)
    {
        var random = new Random(seed);
        int n = (int)(seconds * Rate);
        var source = new double[n];
        double t = 0;
        while (t < n)
        {
            source[(int)t] = 1 + shimmer * (2 * random.NextDouble() - 1);
            t += Rate / f0 * (1 + jitter * (2 * random.NextDouble() - 1));
        }
        double[] y = source;
        foreach (double f in formantsHz ?? [700, 1200, 2600]) y = Resonator(y, f, bandwidthHz: 80);
        double peak = y.Max(Math.Abs);
        return y.Select(v => (float)(0.5 * v / peak)).ToArray();
    }

    /// <summary>Two-pole resonator (Klatt 1980): a formant at <paramref name="frequencyHz"/>.</summary>
    public static double[] Resonator(double[] x, double frequencyHz, double bandwidthHz)
    {
        double r = Math.Exp(-Math.PI * bandwidthHz / Rate);
        double b1 = 2 * r * Math.Cos(2 * Math.PI * frequencyHz / Rate), b2 = -r * r, gain = 1 - b1 - b2;
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++) y[i] = gain * x[i] + b1 * (i > 0 ? y[i - 1] : 0) + b2 * (i > 1 ? y[i - 2] : 0);
        return y;
    }

    public static float[] WhiteNoise(int n, double rms, int seed = 3)
    {
        var random = new Random(seed);
        // Sum of 12 uniforms - 6: near-Gaussian with unit variance.
        return Enumerable.Range(0, n).Select(_ => (float)(rms * (Enumerable.Range(0, 12).Sum(_ => random.NextDouble()) - 6))).ToArray();
    }

    /// <summary>1/f noise by Paul Kellet's economy filter on white noise.</summary>
    public static float[] PinkNoise(int n, double rms, int seed = 4)
    {
        float[] white = WhiteNoise(n, 1, seed);
        var pink = new double[n];
        double b0 = 0, b1 = 0, b2 = 0;
        for (int i = 0; i < n; i++)
        {
            b0 = 0.99765 * b0 + white[i] * 0.0990460;
            b1 = 0.96300 * b1 + white[i] * 0.2965164;
            b2 = 0.57000 * b2 + white[i] * 1.0526913;
            pink[i] = b0 + b1 + b2 + white[i] * 0.1848;
        }
        double actual = Math.Sqrt(pink.Average(v => v * v));
        return pink.Select(v => (float)(v * rms / actual)).ToArray();
    }

    public static float[] Add(float[] a, float[] b) => a.Zip(b, (x, y) => x + y).ToArray();

    public static float[] Concat(params float[][] parts) => parts.SelectMany(p => p).ToArray();

    public static float[] Silence(double seconds) => new float[(int)(seconds * Rate)];

    /// <summary>Two vowels on different pitches and formants between silences: a short utterance with pauses.</summary>
    public static float[] Utterance() =>
        Concat(Silence(0.3), Vowel(140, 0.8), Silence(0.2), Vowel(190, 0.6, formantsHz: [400, 2000, 2800]));
}
