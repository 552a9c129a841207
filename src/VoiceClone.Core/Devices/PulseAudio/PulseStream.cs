using static VoiceClone.Core.Devices.PulseAudio.PulseNative;

namespace VoiceClone.Core.Devices.PulseAudio;

/// <summary>
/// A blocking PulseAudio stream of mono float32 (the simple API); the server converts rate and channels to the device's.
/// Buffers are kept short (a 20 ms fragment when recording, a 100 ms target when playing) so stops are prompt.
/// </summary>
internal sealed unsafe class PulseStream : IAudioInput, IAudioOutput
{
    private const double RecordFragmentSeconds = 0.020;
    private const double PlaybackTargetSeconds = 0.100;
    private readonly IntPtr _stream;
    private readonly string _what;

    private PulseStream(IntPtr stream, int sampleRateHz, string what)
    {
        _stream = stream;
        SampleRateHz = sampleRateHz;
        _what = what;
    }

    public int SampleRateHz { get; }

    public static PulseStream Open(string? server, AudioDevice? device, int sampleRateHz, bool record)
    {
        var spec = new SampleSpec { Format = SampleFloat32Le, RateHz = (uint)sampleRateHz, Channels = 1 };
        uint bytes(double seconds) => (uint)(seconds * sampleRateHz) * sizeof(float);
        var attributes = new BufferAttr
        {
            MaxLength = Default, PreBuffer = Default, MinimumRequest = Default,
            TargetLength = record ? Default : bytes(PlaybackTargetSeconds),
            FragmentSize = record ? bytes(RecordFragmentSeconds) : Default,
        };
        string what = $"PulseAudio {(record ? "source" : "sink")} '{device?.Id ?? "default"}'";
        IntPtr stream = pa_simple_new(server, "VoiceClone", record ? StreamRecord : StreamPlayback, device?.Id,
            record ? "recording" : "playback", spec, IntPtr.Zero, attributes, out int error);
        if (stream == IntPtr.Zero)
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioDeviceUnavailable,
                $"Cannot open {what} on {server ?? "the default sound server"}: {ErrorText(error)}.");
        }
        return new PulseStream(stream, sampleRateHz, what);
    }

    public int Read(Span<float> destination)
    {
        fixed (float* data = destination)
        {
            int result = pa_simple_read(_stream, data, (nuint)(destination.Length * sizeof(float)), out int error);
            if (result < 0) throw Failed("reading", error);
        }
        return destination.Length;
    }

    public void Write(ReadOnlySpan<float> samples)
    {
        fixed (float* data = samples)
        {
            if (pa_simple_write(_stream, data, (nuint)(samples.Length * sizeof(float)), out int error) < 0) throw Failed("writing", error);
        }
    }

    public void Drain()
    {
        if (pa_simple_drain(_stream, out int error) < 0) throw Failed("draining", error);
    }

    public void Discard() => pa_simple_flush(_stream, out _);

    public void Dispose() => pa_simple_free(_stream);

    private VoiceCloneException Failed(string doing, int error) =>
        new(VoiceCloneErrors.AudioDeviceUnavailable, $"{_what} failed while {doing}: {ErrorText(error)}.");
}
