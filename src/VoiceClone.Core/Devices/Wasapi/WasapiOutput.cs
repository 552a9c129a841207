using NAudio.CoreAudioApi;
using NAudio.Wave;

namespace VoiceClone.Core.Devices.Wasapi;

/// <summary>
/// Shared-mode WASAPI playback at the endpoint's mix rate and channel count, as float32: the mono samples are copied to every
/// channel and queued in a short buffer that NAudio's render thread drains.
/// </summary>
internal sealed class WasapiOutput : IAudioOutput
{
    private const int LatencyMilliseconds = 100;
    // Writes wait while more than this is queued: a stop then drops at most this much.
    private static readonly TimeSpan QueueLimit = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(10);
    private readonly MMDevice _device;
    private readonly WasapiOut _output;
    private readonly BufferedWaveProvider _queue;
    private readonly int _channels;

    public WasapiOutput(MMDevice device)
    {
        _device = device;
        WaveFormat mix = device.AudioClient.MixFormat;
        SampleRateHz = mix.SampleRate;
        _channels = mix.Channels;
        _queue = new BufferedWaveProvider(WaveFormat.CreateIeeeFloatWaveFormat(SampleRateHz, _channels))
        {
            BufferDuration = TimeSpan.FromSeconds(1),
            DiscardOnBufferOverflow = false,
            ReadFully = true,
        };
        _output = new WasapiOut(device, AudioClientShareMode.Shared, useEventSync: true, LatencyMilliseconds);
        _output.Init(_queue);
        _output.Play();
    }

    public int SampleRateHz { get; }

    public void Write(ReadOnlySpan<float> samples)
    {
        while (_queue.BufferedDuration > QueueLimit) Thread.Sleep(WaitStep);
        var bytes = new byte[samples.Length * _channels * sizeof(float)];
        InterleavedFrames.FromMono(samples, _channels, bytes);
        _queue.AddSamples(bytes, 0, bytes.Length);
    }

    public void Drain()
    {
        while (_queue.BufferedBytes > 0) Thread.Sleep(WaitStep);
        Thread.Sleep(LatencyMilliseconds); // what WASAPI itself still holds
    }

    public void Discard() => _queue.ClearBuffer();

    public void Dispose()
    {
        _output.Stop();
        _output.Dispose();
        _device.Dispose();
    }
}
