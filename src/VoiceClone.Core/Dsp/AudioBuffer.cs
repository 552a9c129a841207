namespace VoiceClone.Core.Dsp;

/// <summary>Mono float samples in [-1, 1] at a known rate.</summary>
public sealed class AudioBuffer
{
    public AudioBuffer(float[] samples, int sampleRateHz)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRateHz);
        Samples = samples;
        SampleRateHz = sampleRateHz;
    }

    public float[] Samples { get; }
    public int SampleRateHz { get; }
    public double DurationSeconds => (double)Samples.Length / SampleRateHz;
}
