using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Tests.Telemetry;

public sealed class BatchEtaTests
{
    [Fact]
    public void The_time_left_follows_the_pace_so_far()
    {
        var eta = new BatchEta("tests");
        Assert.Equal(-1, eta.SecondsRemaining(0, 10)); // nothing done: no pace yet
        Assert.Equal(-1, eta.SecondsRemaining(3, 0));
        Thread.Sleep(200);
        double elapsed = eta.Elapsed.TotalSeconds;
        int left = eta.SecondsRemaining(1, 11); // 10 more at the pace of the first
        Assert.InRange(left, (int)Math.Floor(elapsed * 10), (int)Math.Ceiling(eta.Elapsed.TotalSeconds * 10));
        Assert.Equal(0, eta.SecondsRemaining(11, 11));
    }

    [Theory]
    [InlineData(-1, "unknown")]
    [InlineData(45, "45 s")]
    [InlineData(185, "3 min 05 s")]
    [InlineData(7620, "2 h 07 min")]
    public void Durations_read_as_people_say_them(int seconds, string text) => Assert.Equal(text, BatchEta.Format(seconds));

    [Fact]
    public void Long_batches_log_ETA_lines_at_most_every_interval_and_short_ones_none()
    {
        var capture = new LogForwarding();
        using (capture.Activate())
        {
            var quick = new BatchEta("tests");
            quick.Log("Analysed 1 of 2", 3); // under FirstLogAfter: quiet
            var slow = new BatchEta("tests", TimeSpan.Zero, TimeSpan.FromHours(1));
            slow.Log("Analysed 1 of 40", 120);
            slow.Log("Analysed 2 of 40", 115); // within the interval: quiet
            slow.Log("Analysed 3 of 40", -1);
        }
        ModuleLogEvent line = Assert.Single(capture.Drain());
        Assert.Equal("Analysed 1 of 40; ETA 2 min 00 s", line.Message);
        Assert.Equal(ModuleLogLevel.Information, line.Level);
    }
}
