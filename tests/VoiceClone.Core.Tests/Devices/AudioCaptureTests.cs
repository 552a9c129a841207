using VoiceClone.Core.Devices;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Devices;

/// <summary>The shared capture and playback loops over a fake sound system: lengths, rates, progress, stalls and stops.</summary>
public sealed class AudioCaptureTests
{
    [Fact]
    public void Records_exactly_the_seconds_asked_for_resampled_from_the_device_rate_with_the_signal_kept()
    {
        var fake = new FakeAudioBackend { DeviceRateHz = 48000, Source = Signals.Sine(440, 48000, 48000 * 2, amplitude: 0.5) };
        var reports = new List<(double Seconds, double LevelDb)>();
        AudioBuffer take = AudioCapture.Record(fake, fake.Devices[1], 16000, 1.5, (s, meter) => reports.Add((s, meter.LevelDb)), default);
        Assert.Equal(16000, take.SampleRateHz);
        Assert.Equal(24000, take.Samples.Length);
        Assert.Equal(["mic-2"], fake.Opened);
        // A 0.5-amplitude sine: RMS 0.354 (-9 dBFS), peak -6 dBFS on the meter.
        Assert.InRange(Signals.Db(Signals.Rms(take.Samples.AsSpan(1000, 20000)) / (0.5 / Math.Sqrt(2))), -0.1, 0.1);
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.InRange(r.LevelDb, -6.1, -5.9));
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.Seconds < p.Second.Seconds));
    }

    [Fact]
    public void A_device_that_stops_delivering_is_AudioDeviceUnavailable_not_a_hang()
    {
        var fake = new FakeAudioBackend { DeviceRateHz = 16000, StallAfterSamples = 8000 };
        var e = Assert.Throws<VoiceCloneException>(() => AudioCapture.Record(fake, null, 16000, 5, null, default));
        Assert.Equal(VoiceCloneErrors.AudioDeviceUnavailable, e.Error);
        Assert.Contains("Fake input 'default' did not answer within 5 s", e.Message);
    }

    [Fact]
    public void A_stop_ends_the_recording_between_blocks()
    {
        using var stop = new CancellationTokenSource();
        var fake = new FakeAudioBackend { DeviceRateHz = 16000, BlockSamples = 160 };
        Assert.ThrowsAny<OperationCanceledException>(() => AudioCapture.Record(fake, null, 16000, 3600, (s, _) =>
        {
            if (s >= 0.5) stop.Cancel();
        }, stop.Token));
    }

    [Fact]
    public void Playback_sends_everything_at_the_device_rate_then_drains()
    {
        var fake = new FakeAudioBackend { DeviceRateHz = 48000 };
        float[] tone = Signals.Sine(300, 16000, 16000, amplitude: 0.25);
        AudioPlayback.Play(fake, null, new AudioBuffer(tone, 16000), null, default);
        Assert.Equal(48000, fake.Played.Count);
        Assert.True(fake.Drained);
        Assert.Equal(0, fake.Discards);
        double playedRms = Signals.Rms(fake.Played.ToArray().AsSpan(2000, 40000));
        Assert.InRange(Signals.Db(playedRms / Signals.Rms(tone.AsSpan(1000, 14000))), -0.1, 0.1);
    }

    [Fact]
    public void A_stop_during_playback_discards_what_is_queued_and_does_not_drain()
    {
        using var stop = new CancellationTokenSource();
        var fake = new FakeAudioBackend { DeviceRateHz = 16000, AfterWrite = blocks => { if (blocks == 5) stop.Cancel(); } };
        Assert.ThrowsAny<OperationCanceledException>(() =>
            AudioPlayback.Play(fake, null, new AudioBuffer(new float[16000 * 10], 16000), null, stop.Token));
        Assert.Equal(5 * 320, fake.Played.Count);
        Assert.Equal(1, fake.Discards);
        Assert.False(fake.Drained);
    }
}
