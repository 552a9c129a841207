namespace VoiceClone.Core.Dsp;

/// <summary>
/// Room reverberation from a synthetic impulse response: the direct sound, then Gaussian noise under an exponential
/// envelope that falls 60 dB in RT60 seconds (Polack's statistical model of a diffuse late field), applied by FFT
/// convolution. The output keeps the input's length.
/// </summary>
public static class SyntheticReverb
{
    // ln(10^3): the envelope exp(-DecayPerRt60 t / RT60) is 60 dB down (amplitude 1/1000) at t = RT60.
    private static readonly double DecayPerRt60 = Math.Log(1000);
    private const double FirstReflectionMs = 5;

    /// <summary><paramref name="directToReverberantDb"/>: the direct sound's energy over the tail's (0 dB: as much of each).</summary>
    public static AudioBuffer Apply(AudioBuffer audio, double rt60Seconds, double directToReverberantDb, Random random)
    {
        int rate = audio.SampleRateHz;
        int tail = (int)(rt60Seconds * rate);
        int start = (int)(FirstReflectionMs / 1000 * rate);
        var response = new double[start + tail];
        double tailEnergy = 0;
        for (int i = start; i < response.Length; i++)
        {
            double t = (i - start) / (double)rate;
            double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
            response[i] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2) * Math.Exp(-DecayPerRt60 * t / rt60Seconds);
            tailEnergy += response[i] * response[i];
        }
        double tailGain = Math.Sqrt(Math.Pow(10, -directToReverberantDb / 10) / Math.Max(tailEnergy, 1e-12));
        for (int i = start; i < response.Length; i++) response[i] *= tailGain;
        response[0] = 1; // the direct sound

        int size = 2;
        while (size < audio.Samples.Length + response.Length) size *= 2;
        var fft = new Fft(size);
        var xr = new double[size];
        var xi = new double[size];
        var hr = new double[size];
        var hi = new double[size];
        for (int i = 0; i < audio.Samples.Length; i++) xr[i] = audio.Samples[i];
        Array.Copy(response, hr, response.Length);
        fft.Forward(xr, xi);
        fft.Forward(hr, hi);
        for (int k = 0; k < size; k++) (xr[k], xi[k]) = (xr[k] * hr[k] - xi[k] * hi[k], xr[k] * hi[k] + xi[k] * hr[k]);
        fft.Inverse(xr, xi);
        return new AudioBuffer(xr.Take(audio.Samples.Length).Select(v => (float)v).ToArray(), rate);
    }
}
