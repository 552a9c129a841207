using VoiceClone.Core.Audio;
using VoiceClone.Core.Devices.PulseAudio;
using VoiceClone.Core.Runtime;
using VoiceClone.Core.Tests.Devices;
using VoiceClone.Core.Tests.Support;
using VoiceClone.Core.Tests.Telemetry;

namespace VoiceClone.Core.Tests.Runtime;

/// <summary>The sound-device entry point over a fake sound system, and the Linux backend where no sound server answers.</summary>
[Collection(ModuleLogCollection.Name)]
public sealed class DeviceServiceTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly VoiceCloneRuntime _runtime;

    public DeviceServiceTests() => _runtime = new VoiceCloneRuntime(_dir.Path, _dir.File("logs"));

    public void Dispose()
    {
        _runtime.Dispose();
        _dir.Dispose();
    }

    private DeviceService Devices(FakeAudioBackend fake) => new(_runtime, () => fake);

    [Fact]
    public void Record_writes_the_take_as_16_bit_mono_at_the_rate_asked_for_and_reports_a_countdown_with_a_meter()
    {
        float[] voice = Voices.Concat(Voices.Silence(0.3), Voices.Harmonic(_ => 150, 1.4, amplitude: 0.3), Voices.Silence(0.3));
        var fake = new FakeAudioBackend { DeviceRateHz = Voices.Rate, Source = voice };
        var progress = new List<WorkProgress>();
        string path = _dir.File("take.wav");
        RecordedTake take = Devices(fake).Record(new RecordingSettings(path) { Seconds = 2, SampleRateHz = Voices.Rate, Device = "usb" },
            p => { lock (progress) progress.Add(p); }, default);
        Assert.Equal(["mic-2"], fake.Opened);
        Assert.Equal("USB Headset Microphone", take.Device);
        Assert.Empty(take.Problems);
        using (var reader = WavReader.Open(path))
        {
            WavFormat format = reader.Format;
            Assert.Equal((Voices.Rate, 1, 16, 2 * Voices.Rate),
                (format.SampleRateHz, format.Channels, format.BitsPerSample, (int)format.FrameCount));
        }
        float[] written = WavReader.ReadMono(path).Samples;
        Assert.True(voice.Zip(written).All(p => Math.Abs(p.First - p.Second) <= 1.0 / 32768));
        Assert.Contains(progress, p => p.SecondsRemaining >= 1 && p.CurrentOperation!.Contains("dBFS ["));
        Assert.Equal([], Directory.GetFiles(_dir.Path, ".*.tmp"));
    }

    [Fact]
    public void An_existing_file_is_OutputExists_before_the_device_opens_and_Force_replaces_it()
    {
        var fake = new FakeAudioBackend { DeviceRateHz = Voices.Rate };
        string path = _dir.Write("take.wav", [1, 2, 3]);
        var e = Assert.Throws<VoiceCloneException>(() => Devices(fake).Record(new RecordingSettings(path) { Seconds = 1 }, null, default));
        Assert.Equal(VoiceCloneErrors.OutputExists, e.Error);
        Assert.Empty(fake.Opened);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        RecordedTake take = Devices(fake).Record(new RecordingSettings(path) { Seconds = 1, Overwrite = true }, null, default);
        Assert.Equal(1.0, take.DurationSeconds);
        Assert.Contains(take.Problems, p => p.StartsWith("The take is mostly silence"));
    }

    [Fact]
    public void A_missing_folder_fails_before_recording()
    {
        var fake = new FakeAudioBackend();
        var e = Assert.Throws<VoiceCloneException>(() =>
            Devices(fake).Record(new RecordingSettings(Path.Combine(_dir.Path, "missing", "take.wav")), null, default));
        Assert.Equal(VoiceCloneErrors.AudioWriteFailed, e.Error);
        Assert.Empty(fake.Opened);
    }

    [Fact]
    public void Play_reads_any_wav_and_sends_it_to_the_chosen_output()
    {
        var fake = new FakeAudioBackend { DeviceRateHz = 8000 };
        string path = _dir.File("tone.wav");
        WavWriter.Write(path, Signals.Sine(200, 16000, 8000), 16000, WavSampleFormat.Float32);
        Devices(fake).Play(path, "Speakers", null, default);
        Assert.Equal(["spk-1"], fake.Opened);
        Assert.Equal(4000, fake.Played.Count);
    }

    [SkippableFact]
    public void Without_a_sound_server_the_Linux_backend_is_AudioDeviceUnavailable_at_once()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "skipped: the PulseAudio backend runs on Linux");
        var pulse = new PulseAudioBackend("unix:" + _dir.File("no-server/native"));
        var listing = Assert.Throws<VoiceCloneException>(() => pulse.ListDevices());
        Assert.Equal(VoiceCloneErrors.AudioDeviceUnavailable, listing.Error);
        var opening = Assert.Throws<VoiceCloneException>(() => pulse.OpenInput(null, 16000));
        Assert.Equal(VoiceCloneErrors.AudioDeviceUnavailable, opening.Error);
        // With libpulse0 the server is named; without it, the missing library is.
        Assert.True(listing.Message.Contains("no-server/native") || listing.Message.Contains("libpulse0"), listing.Message);
    }
}
