namespace VoiceClone.Core.Dsp;

/// <summary>
/// A 4th-order Butterworth high-pass and a 4th-order Butterworth low-pass in cascade, each as two biquads with the
/// Butterworth pole Qs (1/(2 cos(pi/8)) and 1/(2 cos(3 pi/8))), coefficients from the bilinear transform as in
/// Bristow-Johnson's "Audio EQ Cookbook": the band limits of a telephone or a cheap microphone.
/// </summary>
public static class ButterworthBandPass
{
    private static readonly double[] FourthOrderQs = [1 / (2 * Math.Cos(Math.PI / 8)), 1 / (2 * Math.Cos(3 * Math.PI / 8))];

    public static AudioBuffer Apply(AudioBuffer audio, double lowHz, double highHz)
    {
        double[] x = audio.Samples.Select(s => (double)s).ToArray();
        foreach (double q in FourthOrderQs)
        {
            Biquad(x, lowHz, q, audio.SampleRateHz, highPass: true);
            if (highHz < audio.SampleRateHz / 2.0) Biquad(x, highHz, q, audio.SampleRateHz, highPass: false);
        }
        return new AudioBuffer(x.Select(v => (float)v).ToArray(), audio.SampleRateHz);
    }

    /// <summary>One cookbook low- or high-pass section, in place (direct form I).</summary>
    private static void Biquad(double[] x, double cornerHz, double q, int rateHz, bool highPass)
    {
        double w0 = 2 * Math.PI * cornerHz / rateHz, cos = Math.Cos(w0), alpha = Math.Sin(w0) / (2 * q);
        double b1 = highPass ? -(1 + cos) : 1 - cos, b0 = (highPass ? 1 + cos : 1 - cos) / 2, b2 = b0;
        double a0 = 1 + alpha, a1 = -2 * cos, a2 = 1 - alpha;
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double y = (b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2) / a0;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = y;
            x[i] = y;
        }
    }
}
