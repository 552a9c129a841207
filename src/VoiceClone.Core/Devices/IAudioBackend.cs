namespace VoiceClone.Core.Devices;

/// <summary>
/// One platform's sound system: WASAPI on Windows, PulseAudio on Linux. Streams are mono float in [-1, 1] at the rate the
/// stream reports; <see cref="AudioCapture"/> and <see cref="AudioPlayback"/> resample, time out and cancel for every backend.
/// Every call fails with AudioDeviceUnavailable when the sound system or the device is absent.
/// </summary>
internal interface IAudioBackend
{
    /// <summary>"WASAPI", "PulseAudio".</summary>
    string Name { get; }

    /// <summary>The active inputs and outputs; the default of each kind is marked.</summary>
    IReadOnlyList<AudioDevice> ListDevices();

    /// <summary>Starts capturing from <paramref name="device"/> (null: the default input), at the requested rate if it can.</summary>
    IAudioInput OpenInput(AudioDevice? device, int sampleRateHz);

    /// <summary>Opens <paramref name="device"/> (null: the default output) for playing, at the requested rate if it can.</summary>
    IAudioOutput OpenOutput(AudioDevice? device, int sampleRateHz);
}

/// <summary>A running capture. Used from one thread, the one that opened it.</summary>
internal interface IAudioInput : IDisposable
{
    /// <summary>The rate of the samples <see cref="Read"/> returns (the device's own when it cannot give the requested one).</summary>
    int SampleRateHz { get; }

    /// <summary>Waits briefly for audio and copies what arrived; 0 when none came in that time.</summary>
    int Read(Span<float> destination);
}

/// <summary>A playback stream. Used from one thread, the one that opened it.</summary>
internal interface IAudioOutput : IDisposable
{
    /// <summary>The rate <see cref="Write"/> expects.</summary>
    int SampleRateHz { get; }

    /// <summary>Queues <paramref name="samples"/>, waiting while the device's buffer is full.</summary>
    void Write(ReadOnlySpan<float> samples);

    /// <summary>Waits until everything written has been played.</summary>
    void Drain();

    /// <summary>Drops what is queued and not yet played (a stop).</summary>
    void Discard();
}
