namespace VoiceClone.Core.Devices;

/// <summary>Told by the device thread after every block, so the watchdog knows the device still answers.</summary>
internal sealed class DeviceHeartbeat
{
    private long _lastTicks = Environment.TickCount64;

    /// <summary>Set when the watchdog gave up on this thread: the body should close its stream and return.</summary>
    public CancellationToken Abandoned { get; init; }

    public void Beat() => Volatile.Write(ref _lastTicks, Environment.TickCount64);

    public TimeSpan Silence => TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _lastTicks));
}

/// <summary>
/// Runs a device session (open, stream, close) on a thread of its own and watches it: a sound system that does not answer
/// within <see cref="Timeout"/> (at open, or between two blocks) is an AudioDeviceUnavailable error at once, never a hang.
/// The abandoned thread closes its stream itself if the call it is stuck in ever returns.
/// </summary>
internal static class DeviceThread
{
    /// <summary>How long a device may take to open or to deliver (or accept) the next block.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static T Run<T>(string what, Func<DeviceHeartbeat, T> body, CancellationToken stop) => Run(what, body, Timeout, stop);

    internal static T Run<T>(string what, Func<DeviceHeartbeat, T> body, TimeSpan timeout, CancellationToken stop)
    {
        var abandon = new CancellationTokenSource(); // not disposed: an abandoned thread may still read its token
        var heartbeat = new DeviceHeartbeat { Abandoned = abandon.Token };
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try { done.SetResult(body(heartbeat)); }
            catch (Exception e) { done.SetException(e); }
        })
        { IsBackground = true, Name = "VoiceClone audio device" };
        thread.Start();
        while (!((IAsyncResult)done.Task).AsyncWaitHandle.WaitOne(PollInterval))
        {
            // A stop is the body's to honour between blocks; if it is stuck in the device, the stall rule ends the wait.
            if (heartbeat.Silence <= timeout) continue;
            abandon.Cancel();
            stop.ThrowIfCancellationRequested();
            throw new VoiceCloneException(VoiceCloneErrors.AudioDeviceUnavailable,
                $"{what} did not answer within {timeout.TotalSeconds:F0} s; the sound system or the device is not working.");
        }
        return done.Task.GetAwaiter().GetResult();
    }
}
