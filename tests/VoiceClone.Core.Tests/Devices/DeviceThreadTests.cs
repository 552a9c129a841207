using VoiceClone.Core.Devices;

namespace VoiceClone.Core.Tests.Devices;

public sealed class DeviceThreadTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void A_device_that_stops_answering_is_AudioDeviceUnavailable_and_its_thread_is_told_to_give_up()
    {
        var gaveUp = new ManualResetEventSlim();
        var e = Assert.Throws<VoiceCloneException>(() => DeviceThread.Run("Fake input", heartbeat =>
        {
            heartbeat.Abandoned.WaitHandle.WaitOne(); // stuck in the device until abandoned
            gaveUp.Set();
            return 0;
        }, ShortTimeout, CancellationToken.None));
        Assert.Equal(VoiceCloneErrors.AudioDeviceUnavailable, e.Error);
        Assert.StartsWith("Fake input did not answer", e.Message);
        Assert.True(gaveUp.Wait(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void A_device_that_keeps_answering_may_run_longer_than_the_timeout()
    {
        int blocks = DeviceThread.Run("Fake input", heartbeat =>
        {
            int n = 0;
            for (long end = Environment.TickCount64 + 3 * (long)ShortTimeout.TotalMilliseconds; Environment.TickCount64 < end; n++)
            {
                Thread.Sleep(20);
                heartbeat.Beat();
            }
            return n;
        }, ShortTimeout, CancellationToken.None);
        Assert.True(blocks > 10);
    }

    [Fact]
    public void The_body_s_own_failure_reaches_the_caller()
    {
        var failure = new VoiceCloneException(VoiceCloneErrors.AudioDeviceUnavailable, "Cannot open the sink.");
        Assert.Same(failure, Assert.Throws<VoiceCloneException>(() =>
            DeviceThread.Run<int>("Fake", _ => throw failure, ShortTimeout, default)));
    }
}
