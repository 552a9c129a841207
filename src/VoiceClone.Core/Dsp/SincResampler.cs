namespace VoiceClone.Core.Dsp;

/// <summary>
/// Band-limited sample-rate conversion of a whole signal by windowed-sinc interpolation (<see cref="ResamplingKernel"/>:
/// Smith 2002, Kaiser window); <see cref="StreamingResampler"/> gives the same samples for a signal read in blocks.
/// </summary>
public static class SincResampler
{
    public static AudioBuffer Resample(AudioBuffer input, int outputRateHz) =>
        input.SampleRateHz == outputRateHz
            ? input
            : new AudioBuffer(Resample(input.Samples, input.SampleRateHz, outputRateHz), outputRateHz);

    public static float[] Resample(ReadOnlySpan<float> input, int inputRateHz, int outputRateHz)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRateHz);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRateHz);
        if (inputRateHz == outputRateHz) return input.ToArray();
        var kernel = new ResamplingKernel(inputRateHz, outputRateHz);
        var output = new float[kernel.OutputLength(input.Length)];
        for (long n = 0; n < output.Length; n++) output[n] = kernel.Output(n, input, 0, input.Length);
        return output;
    }
}
