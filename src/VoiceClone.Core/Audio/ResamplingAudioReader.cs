using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Audio;

/// <summary>
/// A file read at another sample rate: the inner reader's mono samples go through a <see cref="StreamingResampler"/>
/// as they are decoded, so a 768 kHz recording costs one block of memory, not the file. The observer, when given,
/// sees every block of the file's own samples first (for measures that belong to the original, such as clipping).
/// </summary>
public sealed class ResamplingAudioReader : IAudioReader
{
    /// <summary>Sees a block of the file's own samples, before resampling.</summary>
    public delegate void InputObserver(ReadOnlySpan<float> samples);

    // Frames decoded per read from the file: 64 K frames is 85 ms at 768 kHz, 1.4 s at 48 kHz.
    private const int BlockFrames = 65536;

    private readonly IAudioReader _inner;
    private readonly StreamingResampler _resampler;
    private readonly InputObserver? _observeInput;
    private readonly float[] _block;
    private float[] _pending = [];
    private int _pendingAt;
    private bool _ended;

    public ResamplingAudioReader(IAudioReader inner, int sampleRateHz, InputObserver? observeInput = null)
    {
        _inner = inner;
        _resampler = new StreamingResampler(inner.SampleRateHz, sampleRateHz);
        _observeInput = observeInput;
        _block = new float[BlockFrames];
    }

    public string Path => _inner.Path;

    public string FormatName => _inner.FormatName;

    public int SampleRateHz => _resampler.OutputRateHz;

    /// <summary>The file's own rate.</summary>
    public int InputSampleRateHz => _inner.SampleRateHz;

    public int Channels => _inner.Channels;

    public long? FrameCount => _inner.FrameCount is long frames
        ? (frames * SampleRateHz + InputSampleRateHz - 1) / InputSampleRateHz
        : null;

    public int ReadMono(Span<float> destination)
    {
        int written = 0;
        while (written < destination.Length)
        {
            if (_pendingAt == _pending.Length && !Refill()) break;
            int take = Math.Min(destination.Length - written, _pending.Length - _pendingAt);
            _pending.AsSpan(_pendingAt, take).CopyTo(destination[written..]);
            _pendingAt += take;
            written += take;
        }
        return written;
    }

    public void Dispose() => _inner.Dispose();

    private bool Refill()
    {
        while (!_ended)
        {
            int read = _inner.ReadMono(_block);
            if (read > 0) _observeInput?.Invoke(_block.AsSpan(0, read));
            _ended = read == 0;
            _pending = _ended ? _resampler.Flush() : _resampler.Process(_block.AsSpan(0, read));
            _pendingAt = 0;
            if (_pending.Length > 0) return true;
        }
        return false;
    }
}
