using NAudio.CoreAudioApi;
using NAudio.Wave;
using VoiceClone.Core.Audio;

namespace VoiceClone.Core.Devices.Wasapi;

/// <summary>
/// A shared-mode WASAPI capture at the endpoint's mix format. NAudio raises DataAvailable on its own thread; the blocks are
/// mixed to mono there and handed to <see cref="Read"/> through a queue.
/// </summary>
internal sealed class WasapiInput : IAudioInput
{
    // The capture buffer NAudio asks WASAPI for: 50 ms, short enough for a live meter.
    private const int BufferMilliseconds = 50;
    private static readonly TimeSpan ReadWait = TimeSpan.FromMilliseconds(100);
    private readonly MMDevice _device;
    private readonly WasapiCapture _capture;
    private readonly Queue<float[]> _blocks = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly int _channels, _bytesPerSample;
    private readonly WavEncoding _encoding;
    private float[]? _current;
    private int _currentOffset;
    private Exception? _failure;

    public WasapiInput(MMDevice device)
    {
        _device = device;
        _capture = new WasapiCapture(device, useEventSync: true, audioBufferMillisecondsLength: BufferMilliseconds);
        WaveFormat format = _capture.WaveFormat;
        SampleRateHz = format.SampleRate;
        _channels = format.Channels;
        _bytesPerSample = format.BitsPerSample / 8;
        _encoding = IsFloat(format) ? WavEncoding.IeeeFloat : WavEncoding.Pcm;
        _capture.DataAvailable += OnData;
        _capture.RecordingStopped += (_, e) => { _failure = e.Exception; _available.Release(); };
        _capture.StartRecording();
    }

    public int SampleRateHz { get; }

    public int Read(Span<float> destination)
    {
        if (_current is null || _currentOffset == _current.Length)
        {
            if (!_available.Wait(ReadWait)) return 0;
            if (_failure is { } failure)
            {
                throw new VoiceCloneException(VoiceCloneErrors.AudioDeviceUnavailable,
                    $"WASAPI capture stopped: {failure.Message}", null, failure);
            }
            lock (_blocks)
            {
                if (_blocks.Count == 0) return 0;
                _current = _blocks.Dequeue();
            }
            _currentOffset = 0;
        }
        int count = Math.Min(destination.Length, _current.Length - _currentOffset);
        _current.AsSpan(_currentOffset, count).CopyTo(destination);
        _currentOffset += count;
        return count;
    }

    private void OnData(object? sender, WaveInEventArgs e)
    {
        var mono = new float[e.BytesRecorded / (_channels * _bytesPerSample)];
        InterleavedFrames.ToMono(e.Buffer.AsSpan(0, e.BytesRecorded), _channels, _bytesPerSample, _encoding, mono);
        lock (_blocks) _blocks.Enqueue(mono);
        _available.Release();
    }

    // KSDATAFORMAT_SUBTYPE_IEEE_FLOAT (ksmedia.h): the float sub-format of WAVE_FORMAT_EXTENSIBLE, the usual mix format.
    private static readonly Guid SubtypeIeeeFloat = new("00000003-0000-0010-8000-00aa00389b71");

    private static bool IsFloat(WaveFormat format) => format.Encoding == WaveFormatEncoding.IeeeFloat
        || (format is WaveFormatExtensible extensible && extensible.SubFormat == SubtypeIeeeFloat);

    public void Dispose()
    {
        _capture.DataAvailable -= OnData;
        _capture.StopRecording();
        _capture.Dispose();
        _device.Dispose();
        _available.Dispose();
    }
}
