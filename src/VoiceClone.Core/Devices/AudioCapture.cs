using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Devices;

/// <summary>
/// Records a fixed length from an input device, on a watched thread, with a level meter; the result at the rate asked for.
/// </summary>
internal static class AudioCapture
{
    // Blocks of 20 ms: the meter moves smoothly and a stop is noticed within a block.
    private const int BlocksPerSecond = 50;
    // Progress at most every 100 ms; the cmdlet shows the latest every 250 ms.
    private const long ProgressIntervalMs = 100;

    /// <param name="progress">Called from the device thread with the seconds recorded and the meter.</param>
    public static AudioBuffer Record(IAudioBackend backend, AudioDevice? device, int sampleRateHz, double seconds,
        Action<double, LevelMeter>? progress, CancellationToken stop)
    {
        string what = $"{backend.Name} input '{device?.Name ?? "default"}'";
        AudioBuffer take = DeviceThread.Run(what, heartbeat =>
        {
            using IAudioInput input = backend.OpenInput(device, sampleRateHz);
            heartbeat.Beat();
            int rate = input.SampleRateHz;
            var samples = new float[(int)Math.Round(seconds * rate)];
            var block = new float[Math.Max(1, rate / BlocksPerSecond)];
            var meter = new LevelMeter();
            long lastReport = 0;
            int filled = 0;
            while (filled < samples.Length)
            {
                stop.ThrowIfCancellationRequested();
                heartbeat.Abandoned.ThrowIfCancellationRequested();
                int wanted = Math.Min(block.Length, samples.Length - filled);
                int got = input.Read(block.AsSpan(0, wanted));
                if (got == 0) continue;
                heartbeat.Beat();
                block.AsSpan(0, got).CopyTo(samples.AsSpan(filled));
                filled += got;
                meter.Add(block.AsSpan(0, got), rate);
                if (progress is not null && Environment.TickCount64 - lastReport >= ProgressIntervalMs)
                {
                    lastReport = Environment.TickCount64;
                    progress((double)filled / rate, meter);
                }
            }
            return new AudioBuffer(samples, rate);
        }, stop);
        return SincResampler.Resample(take, sampleRateHz);
    }
}
