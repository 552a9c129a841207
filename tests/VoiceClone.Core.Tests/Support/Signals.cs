namespace VoiceClone.Core.Tests.Support;

/// <summary>Synthetic test signals and measurements on them.</summary>
internal static class Signals
{
    public static float[] Sine(double frequencyHz, int sampleRateHz, int length, double amplitude = 0.5)
    {
        var x = new float[length];
        for (int n = 0; n < length; n++) x[n] = (float)(amplitude * Math.Sin(2 * Math.PI * frequencyHz * n / sampleRateHz));
        return x;
    }

    /// <summary>Linear chirp from <paramref name="startHz"/> to <paramref name="endHz"/>.</summary>
    public static float[] Sweep(double startHz, double endHz, int sampleRateHz, int length, double amplitude = 0.5)
    {
        var x = new float[length];
        double duration = (double)length / sampleRateHz;
        for (int n = 0; n < length; n++)
        {
            double t = (double)n / sampleRateHz;
            x[n] = (float)(amplitude * Math.Sin(2 * Math.PI * (startHz * t + (endHz - startHz) * t * t / (2 * duration))));
        }
        return x;
    }

    public static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x) sum += (double)v * v;
        return Math.Sqrt(sum / Math.Max(1, x.Length));
    }

    public static double Db(double ratio) => 20 * Math.Log10(ratio);
}
