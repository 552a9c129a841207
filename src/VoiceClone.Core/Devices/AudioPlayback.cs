using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Devices;

/// <summary>Plays mono audio on an output device, on a watched thread; a stop drops what is queued and returns at once.</summary>
internal static class AudioPlayback
{
    // 20 ms blocks: the device's queue stays short, so a stop is heard within a block or two.
    private const int BlocksPerSecond = 50;
    private const long ProgressIntervalMs = 100;

    /// <param name="progress">Called from the device thread with the seconds handed to the device.</param>
    public static void Play(IAudioBackend backend, AudioDevice? device, AudioBuffer audio, Action<double>? progress, CancellationToken stop)
    {
        string what = $"{backend.Name} output '{device?.Name ?? "default"}'";
        DeviceThread.Run(what, heartbeat =>
        {
            using IAudioOutput output = backend.OpenOutput(device, audio.SampleRateHz);
            heartbeat.Beat();
            float[] samples = SincResampler.Resample(audio, output.SampleRateHz).Samples;
            int blockSamples = Math.Max(1, output.SampleRateHz / BlocksPerSecond);
            long lastReport = 0;
            for (int start = 0; start < samples.Length; start += blockSamples)
            {
                if (stop.IsCancellationRequested || heartbeat.Abandoned.IsCancellationRequested)
                {
                    output.Discard();
                    stop.ThrowIfCancellationRequested();
                    return 0;
                }
                output.Write(samples.AsSpan(start, Math.Min(blockSamples, samples.Length - start)));
                heartbeat.Beat();
                if (progress is not null && Environment.TickCount64 - lastReport >= ProgressIntervalMs)
                {
                    lastReport = Environment.TickCount64;
                    progress((double)start / output.SampleRateHz);
                }
            }
            output.Drain();
            return 0;
        }, stop);
    }
}
