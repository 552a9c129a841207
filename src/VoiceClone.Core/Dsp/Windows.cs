namespace VoiceClone.Core.Dsp;

/// <summary>Tapering windows (Harris 1978, "On the use of windows for harmonic analysis with the DFT").</summary>
public static class Windows
{
    /// <summary>Symmetric Hamming window, w[n] = 0.54 - 0.46 cos(2 pi n / (N - 1)): the speech-analysis frame window.</summary>
    public static double[] Hamming(int length)
    {
        var w = new double[length];
        for (int n = 0; n < length; n++) w[n] = 0.54 - 0.46 * Math.Cos(2 * Math.PI * n / (length - 1));
        return w;
    }

    /// <summary>Periodic Hann window, w[n] = 0.5 - 0.5 cos(2 pi n / N): overlapping at half its length it sums to a constant.</summary>
    public static double[] Hann(int length)
    {
        var w = new double[length];
        for (int n = 0; n < length; n++) w[n] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * n / length);
        return w;
    }

    /// <summary>
    /// The Hann taper at <paramref name="offset"/> samples from the centre of a grain of 2 <paramref name="halfWidth"/> + 1
    /// samples, 0.5 (1 + cos(pi offset / (halfWidth + 1))): computed per sample, since the grain length changes with the period.
    /// </summary>
    public static double CentredHann(int offset, int halfWidth) => 0.5 * (1 + Math.Cos(Math.PI * offset / (halfWidth + 1)));
}
