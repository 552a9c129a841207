namespace VoiceClone.Core.Dsp;

/// <summary>
/// Sample-rate conversion of a signal that arrives in blocks: each block gives the output samples whose kernel it
/// completes, and <see cref="Flush"/> the rest once the signal has ended. The samples are those
/// <see cref="SincResampler"/> gives for the whole signal; memory holds one block and the kernel's width of history.
/// </summary>
public sealed class StreamingResampler
{
    private readonly ResamplingKernel _kernel;
    private float[] _history = [];
    private long _historyStart;  // signal index of _history[0]
    private int _historyCount;
    private long _inputSeen;
    private long _next;          // the next output sample to compute
    private bool _flushed;

    public StreamingResampler(int inputRateHz, int outputRateHz)
    {
        _kernel = new ResamplingKernel(inputRateHz, outputRateHz);
        InputRateHz = inputRateHz;
        OutputRateHz = outputRateHz;
    }

    public int InputRateHz { get; }

    public int OutputRateHz { get; }

    /// <summary>Takes the next block of the signal; returns the output samples it completes (maybe none).</summary>
    public float[] Process(ReadOnlySpan<float> block)
    {
        if (_flushed) throw new InvalidOperationException("The signal has ended; a flushed resampler takes no more samples.");
        if (InputRateHz == OutputRateHz) return block.ToArray();
        Append(block);
        long ready = _next;
        while (_kernel.LastInput(ready) < _inputSeen) ready++;
        return Compute(ready, _inputSeen);
    }

    /// <summary>The output samples still owed now that the signal has ended.</summary>
    public float[] Flush()
    {
        if (_flushed) return [];
        _flushed = true;
        return InputRateHz == OutputRateHz ? [] : Compute(_kernel.OutputLength(_inputSeen), _inputSeen);
    }

    private float[] Compute(long end, long inputLength)
    {
        var output = new float[end - _next];
        ReadOnlySpan<float> window = _history.AsSpan(0, _historyCount);
        for (int i = 0; i < output.Length; i++) output[i] = _kernel.Output(_next + i, window, _historyStart, inputLength);
        _next = end;
        return output;
    }

    private void Append(ReadOnlySpan<float> block)
    {
        // Samples before the next output's first tap are never read again.
        long keepFrom = Math.Clamp(_kernel.FirstInput(_next), _historyStart, _historyStart + _historyCount);
        int keep = (int)(_historyStart + _historyCount - keepFrom);
        if (keep + block.Length > _history.Length)
        {
            var grown = new float[Math.Max(keep + block.Length, 2 * _history.Length)];
            _history.AsSpan((int)(keepFrom - _historyStart), keep).CopyTo(grown);
            _history = grown;
        }
        else
        {
            _history.AsSpan((int)(keepFrom - _historyStart), keep).CopyTo(_history);
        }
        block.CopyTo(_history.AsSpan(keep));
        _historyStart = keepFrom;
        _historyCount = keep + block.Length;
        _inputSeen += block.Length;
    }
}
