namespace VoiceClone.Core.Dsp;

/// <summary>The frame grid every frame-level voice analysis shares: 16 kHz audio, 10 ms hop, 25 ms windows; frame i centred at i * hop.</summary>
public static class AnalysisFrames
{
    public const int SampleRateHz = 16000;
    public const double HopSeconds = 0.010;
    public const int HopSamples = 160;
    public const int WindowSamples = 400;
    // Floor for level in dB so digital silence is -200 dB, not -infinity.
    public const double LevelFloor = 1e-10;

    public static int FrameCount(int sampleCount) => sampleCount / HopSamples + 1;

    /// <summary>Copies the window centred on frame <paramref name="frame"/>, zero-padded at the edges.</summary>
    public static void Window(ReadOnlySpan<float> x, int frame, Span<float> destination)
    {
        destination.Clear();
        int start = frame * HopSamples - destination.Length / 2;
        int from = Math.Max(0, start), to = Math.Min(x.Length, start + destination.Length);
        if (to > from) x[from..to].CopyTo(destination[(from - start)..]);
    }

    /// <summary>Frame level in dB full scale: 20 log10(RMS) over a 25 ms window.</summary>
    public static double[] LevelsDb(ReadOnlySpan<float> x, out double[] rmsLinear)
    {
        int frames = FrameCount(x.Length);
        var levels = new double[frames];
        rmsLinear = new double[frames];
        Span<float> window = stackalloc float[WindowSamples];
        for (int i = 0; i < frames; i++)
        {
            Window(x, i, window);
            double sum = 0;
            foreach (float v in window) sum += (double)v * v;
            double rms = Math.Sqrt(sum / WindowSamples);
            rmsLinear[i] = rms;
            levels[i] = 20 * Math.Log10(rms + LevelFloor);
        }
        return levels;
    }
}
