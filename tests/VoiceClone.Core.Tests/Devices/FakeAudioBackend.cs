using VoiceClone.Core.Devices;

namespace VoiceClone.Core.Tests.Devices;

/// <summary>
/// A sound system in memory: inputs deliver <see cref="Source"/> (then silence) at <see cref="DeviceRateHz"/> in blocks
/// of <see cref="BlockSamples"/>; outputs keep what was written. Records which device each stream opened.
/// </summary>
internal sealed class FakeAudioBackend : IAudioBackend
{
    public List<AudioDevice> Devices { get; } =
    [
        new() { Id = "mic-1", Name = "Desk Microphone", Kind = AudioDeviceKind.Input, IsDefault = true, Backend = "Fake" },
        new() { Id = "mic-2", Name = "USB Headset Microphone", Kind = AudioDeviceKind.Input, Backend = "Fake" },
        new() { Id = "spk-1", Name = "Speakers", Kind = AudioDeviceKind.Output, IsDefault = true, Backend = "Fake" },
    ];

    public int DeviceRateHz { get; init; } = 48000;
    public float[] Source { get; init; } = [];
    public int BlockSamples { get; init; } = 480;
    /// <summary>Reads return nothing after this many samples: a device that stopped answering.</summary>
    public int StallAfterSamples { get; init; } = int.MaxValue;
    public List<string?> Opened { get; } = [];
    public List<float> Played { get; } = [];
    public int Discards { get; private set; }
    public bool Drained { get; private set; }
    /// <summary>Called after each block written, e.g. to stop playback midway.</summary>
    public Action<int>? AfterWrite { get; init; }

    public string Name => "Fake";

    public IReadOnlyList<AudioDevice> ListDevices() => Devices;

    public IAudioInput OpenInput(AudioDevice? device, int sampleRateHz)
    {
        Opened.Add(device?.Id);
        return new Input(this);
    }

    public IAudioOutput OpenOutput(AudioDevice? device, int sampleRateHz)
    {
        Opened.Add(device?.Id);
        return new Output(this);
    }

    private sealed class Input(FakeAudioBackend fake) : IAudioInput
    {
        private int _position;

        public int SampleRateHz => fake.DeviceRateHz;

        public int Read(Span<float> destination)
        {
            if (_position >= fake.StallAfterSamples)
            {
                Thread.Sleep(10);
                return 0;
            }
            int count = Math.Min(destination.Length, fake.BlockSamples);
            for (int i = 0; i < count; i++, _position++) destination[i] = _position < fake.Source.Length ? fake.Source[_position] : 0;
            return count;
        }

        public void Dispose() { }
    }

    private sealed class Output(FakeAudioBackend fake) : IAudioOutput
    {
        private int _blocks;

        public int SampleRateHz => fake.DeviceRateHz;

        public void Write(ReadOnlySpan<float> samples)
        {
            fake.Played.AddRange(samples.ToArray());
            fake.AfterWrite?.Invoke(++_blocks);
        }

        public void Drain() => fake.Drained = true;

        public void Discard() => fake.Discards++;

        public void Dispose() { }
    }
}
