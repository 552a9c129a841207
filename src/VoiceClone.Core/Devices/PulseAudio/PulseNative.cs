using System.Runtime.InteropServices;

namespace VoiceClone.Core.Devices.PulseAudio;

/// <summary>
/// The parts of the PulseAudio client library used here (libpulse0; PipeWire's pipewire-pulse serves the same protocol):
/// the simple API (pulse/simple.h) for blocking streams, and the asynchronous API (pulse/context.h, introspect.h) for the
/// device lists. Structures are declared only up to the last field read; the library owns them.
/// </summary>
internal static unsafe partial class PulseNative
{
    public const string SimpleLibrary = "libpulse-simple.so.0";
    public const string Library = "libpulse.so.0";

    public const int SampleFloat32Le = 5;        // PA_SAMPLE_FLOAT32LE
    public const int StreamPlayback = 1;         // PA_STREAM_PLAYBACK
    public const int StreamRecord = 2;           // PA_STREAM_RECORD
    public const uint Default = uint.MaxValue;   // (uint32_t) -1: "let the server choose" in pa_buffer_attr

    public const int ContextReady = 4, ContextFailed = 5, ContextTerminated = 6;   // pa_context_state_t
    public const int OperationRunning = 0;                                         // pa_operation_state_t
    public const int ContextNoAutospawn = 1;                                       // PA_CONTEXT_NOAUTOSPAWN

    [StructLayout(LayoutKind.Sequential)]
    public struct SampleSpec
    {
        public int Format;
        public uint RateHz;
        public byte Channels;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct BufferAttr
    {
        public uint MaxLength, TargetLength, PreBuffer, MinimumRequest, FragmentSize;
    }

    /// <summary>The leading fields pa_sink_info and pa_source_info share.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct DeviceInfoHead
    {
        public IntPtr Name;
        public uint Index;
        public IntPtr Description;
    }

    /// <summary>pa_server_info up to the default device names.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ServerInfoHead
    {
        public IntPtr UserName, HostName, ServerVersion, ServerName;
        public SampleSpec SampleSpec;
        public IntPtr DefaultSinkName, DefaultSourceName;
    }

    [LibraryImport(SimpleLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr pa_simple_new(string? server, string name, int direction, string? device, string streamName,
        in SampleSpec spec, IntPtr channelMap, in BufferAttr attributes, out int error);

    [LibraryImport(SimpleLibrary)]
    public static partial int pa_simple_read(IntPtr stream, void* data, nuint bytes, out int error);

    [LibraryImport(SimpleLibrary)]
    public static partial int pa_simple_write(IntPtr stream, void* data, nuint bytes, out int error);

    [LibraryImport(SimpleLibrary)]
    public static partial int pa_simple_drain(IntPtr stream, out int error);

    [LibraryImport(SimpleLibrary)]
    public static partial int pa_simple_flush(IntPtr stream, out int error);

    [LibraryImport(SimpleLibrary)]
    public static partial void pa_simple_free(IntPtr stream);

    [LibraryImport(Library)]
    public static partial IntPtr pa_strerror(int error);

    [LibraryImport(Library)]
    public static partial IntPtr pa_mainloop_new();

    [LibraryImport(Library)]
    public static partial IntPtr pa_mainloop_get_api(IntPtr mainloop);

    [LibraryImport(Library)]
    public static partial int pa_mainloop_iterate(IntPtr mainloop, int block, out int result);

    [LibraryImport(Library)]
    public static partial void pa_mainloop_free(IntPtr mainloop);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr pa_context_new(IntPtr api, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int pa_context_connect(IntPtr context, string? server, int flags, IntPtr spawnApi);

    [LibraryImport(Library)]
    public static partial int pa_context_get_state(IntPtr context);

    [LibraryImport(Library)]
    public static partial int pa_context_errno(IntPtr context);

    [LibraryImport(Library)]
    public static partial void pa_context_disconnect(IntPtr context);

    [LibraryImport(Library)]
    public static partial void pa_context_unref(IntPtr context);

    [LibraryImport(Library)]
    public static partial IntPtr pa_context_get_sink_info_list(IntPtr context,
        delegate* unmanaged[Cdecl]<IntPtr, DeviceInfoHead*, int, IntPtr, void> callback, IntPtr userData);

    [LibraryImport(Library)]
    public static partial IntPtr pa_context_get_source_info_list(IntPtr context,
        delegate* unmanaged[Cdecl]<IntPtr, DeviceInfoHead*, int, IntPtr, void> callback, IntPtr userData);

    [LibraryImport(Library)]
    public static partial IntPtr pa_context_get_server_info(IntPtr context,
        delegate* unmanaged[Cdecl]<IntPtr, ServerInfoHead*, IntPtr, void> callback, IntPtr userData);

    [LibraryImport(Library)]
    public static partial int pa_operation_get_state(IntPtr operation);

    [LibraryImport(Library)]
    public static partial void pa_operation_unref(IntPtr operation);

    public static string ErrorText(int error) => Marshal.PtrToStringUTF8(pa_strerror(error)) ?? $"error {error}";
}
