using VoiceClone.Core.Analysis.Activity;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Engines.Qwen3;

/// <summary>
/// Reference preparation for Qwen3-TTS: mono at 24 kHz, leading and trailing silence trimmed by the energy speech
/// detector (10 ms frames, 100 ms kept either side), capped at <see cref="MaxSeconds"/>, and 0.5 s of silence
/// appended, as the official pipeline pads its reference.
/// </summary>
public static class Qwen3Reference
{
    /// <summary>Longer references add encoder and prompt cost without a better voice: 15 s, the top of the 5-15 s users record.</summary>
    public const double MaxSeconds = 15;
    public const double TrailingSilenceSeconds = 0.5;
    private const double FrameSeconds = 0.01, MarginSeconds = 0.1;
    // Level floor so a digital-silence frame has a finite dB value (-120 dBFS).
    private const double PowerFloor = 1e-12;

    // Read past the cap so that leading silence can be trimmed without losing speech.
    private const double ReadSeconds = MaxSeconds + 5;

    public static float[] Prepare(AudioBuffer reference)
    {
        int read = (int)Math.Min(reference.Samples.Length, (long)(ReadSeconds * reference.SampleRateHz));
        float[] audio = SincResampler.Resample(reference.Samples.AsSpan(0, read), reference.SampleRateHz, Qwen3Model.SampleRateHz);
        (int start, int end) = SpeechSpan(audio, Qwen3Model.SampleRateHz);
        int length = Math.Min(end - start, (int)(MaxSeconds * Qwen3Model.SampleRateHz));
        var prepared = new float[length + (int)(TrailingSilenceSeconds * Qwen3Model.SampleRateHz)];
        Array.Copy(audio, start, prepared, 0, length);
        return prepared;
    }

    private static (int Start, int End) SpeechSpan(float[] audio, int rate)
    {
        int frame = (int)(FrameSeconds * rate);
        int frames = audio.Length / frame;
        var levels = new double[frames];
        for (int f = 0; f < frames; f++)
        {
            double sum = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) sum += audio[i] * (double)audio[i];
            levels[f] = 10 * Math.Log10(sum / frame + PowerFloor);
        }
        bool[] speech = EnergyVoiceActivityDetector.Detect(levels);
        int first = Array.IndexOf(speech, true), last = Array.LastIndexOf(speech, true);
        if (first < 0) return (0, audio.Length); // no speech found: keep it all rather than nothing
        int margin = (int)(MarginSeconds * rate);
        return (Math.Max(0, first * frame - margin), Math.Min(audio.Length, (last + 1) * frame + margin));
    }
}
