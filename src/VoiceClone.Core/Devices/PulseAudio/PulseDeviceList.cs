using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static VoiceClone.Core.Devices.PulseAudio.PulseNative;

namespace VoiceClone.Core.Devices.PulseAudio;

/// <summary>
/// Lists a PulseAudio server's sources and sinks with its asynchronous API, turning the main loop by hand without blocking,
/// so a server that never answers is an error after <see cref="DeviceThread.Timeout"/>, not a hang.
/// </summary>
internal static unsafe class PulseDeviceList
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(5);

    private sealed class Collected
    {
        public List<(string Id, string Name)> Sinks { get; } = [];
        public List<(string Id, string Name)> Sources { get; } = [];
        public string? DefaultSink { get; set; }
        public string? DefaultSource { get; set; }
    }

    public static IReadOnlyList<AudioDevice> Read(string? server, string backend)
    {
        IntPtr mainloop = pa_mainloop_new();
        IntPtr context = pa_context_new(pa_mainloop_get_api(mainloop), "VoiceClone");
        var collected = new Collected();
        GCHandle handle = GCHandle.Alloc(collected);
        long deadline = Environment.TickCount64 + (long)DeviceThread.Timeout.TotalMilliseconds;
        try
        {
            if (pa_context_connect(context, server, ContextNoAutospawn, IntPtr.Zero) < 0)
            {
                throw Unavailable(server, pa_context_errno(context));
            }
            while (pa_context_get_state(context) is int state && state != ContextReady)
            {
                if (state is ContextFailed or ContextTerminated) throw Unavailable(server, pa_context_errno(context));
                Turn(mainloop, deadline, server);
            }
            IntPtr data = GCHandle.ToIntPtr(handle);
            Await(mainloop, pa_context_get_server_info(context, &OnServer, data), deadline, server);
            Await(mainloop, pa_context_get_source_info_list(context, &OnSource, data), deadline, server);
            Await(mainloop, pa_context_get_sink_info_list(context, &OnSink, data), deadline, server);
        }
        finally
        {
            pa_context_disconnect(context);
            pa_context_unref(context);
            pa_mainloop_free(mainloop);
            handle.Free();
        }
        return
        [
            .. collected.Sources.Select(s => Device(s, AudioDeviceKind.Input, s.Id == collected.DefaultSource, backend)),
            .. collected.Sinks.Select(s => Device(s, AudioDeviceKind.Output, s.Id == collected.DefaultSink, backend)),
        ];
    }

    /// <summary>The error for a server that cannot be reached, naming where the library looked.</summary>
    public static VoiceCloneException Unavailable(string? server, int error) => new(VoiceCloneErrors.AudioDeviceUnavailable,
        $"No PulseAudio or PipeWire sound server answered at {server ?? "the default address"} ({ErrorText(error)}); "
        + "recording and playback need a running sound server and a sound device.");

    private static AudioDevice Device((string Id, string Name) d, AudioDeviceKind kind, bool isDefault, string backend) =>
        new() { Id = d.Id, Name = d.Name, Kind = kind, IsDefault = isDefault, Backend = backend };

    private static void Await(IntPtr mainloop, IntPtr operation, long deadline, string? server)
    {
        try
        {
            while (pa_operation_get_state(operation) == OperationRunning) Turn(mainloop, deadline, server);
        }
        finally
        {
            pa_operation_unref(operation);
        }
    }

    private static void Turn(IntPtr mainloop, long deadline, string? server)
    {
        if (Environment.TickCount64 > deadline)
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioDeviceUnavailable,
                $"The sound server at {server ?? "the default address"} did not list its devices "
                + $"within {DeviceThread.Timeout.TotalSeconds:F0} s.");
        }
        if (pa_mainloop_iterate(mainloop, 0, out _) == 0) Thread.Sleep(IdleWait);
    }

    private static Collected Target(IntPtr data) => (Collected)GCHandle.FromIntPtr(data).Target!;

    private static (string, string) Entry(DeviceInfoHead* info)
    {
        string id = Marshal.PtrToStringUTF8(info->Name) ?? "";
        return (id, Marshal.PtrToStringUTF8(info->Description) ?? id);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnServer(IntPtr context, ServerInfoHead* info, IntPtr data)
    {
        if (info == null) return;
        Target(data).DefaultSink = Marshal.PtrToStringUTF8(info->DefaultSinkName);
        Target(data).DefaultSource = Marshal.PtrToStringUTF8(info->DefaultSourceName);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnSource(IntPtr context, DeviceInfoHead* info, int endOfList, IntPtr data)
    {
        if (endOfList == 0 && info != null) Target(data).Sources.Add(Entry(info));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnSink(IntPtr context, DeviceInfoHead* info, int endOfList, IntPtr data)
    {
        if (endOfList == 0 && info != null) Target(data).Sinks.Add(Entry(info));
    }
}
