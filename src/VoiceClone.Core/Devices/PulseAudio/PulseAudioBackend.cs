namespace VoiceClone.Core.Devices.PulseAudio;

/// <summary>
/// Linux: PulseAudio, or PipeWire through its PulseAudio server (the default on current desktops), through libpulse's
/// client libraries. The server is PULSE_SERVER as PowerShell's $env: sees it (so a session can point elsewhere), else the
/// library's default. A missing library or server is AudioDeviceUnavailable.
/// </summary>
/// <param name="server">The server address to use instead of PULSE_SERVER (tests).</param>
internal sealed class PulseAudioBackend(string? server = null) : IAudioBackend
{
    public const string ServerVariable = "PULSE_SERVER";

    public string Name => "PulseAudio";

    // Read on every call: .NET's environment, which $env: changes, is not the C library's, which libpulse would read.
    private string? Server => server ?? (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } s ? s : null);

    public IReadOnlyList<AudioDevice> ListDevices() => WithLibrary(() => PulseDeviceList.Read(Server, Name));

    public IAudioInput OpenInput(AudioDevice? device, int sampleRateHz) =>
        WithLibrary(() => PulseStream.Open(Server, device, sampleRateHz, record: true));

    public IAudioOutput OpenOutput(AudioDevice? device, int sampleRateHz) =>
        WithLibrary(() => PulseStream.Open(Server, device, sampleRateHz, record: false));

    private static T WithLibrary<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioDeviceUnavailable,
                "The PulseAudio client library (libpulse0) is not installed, so there is no sound system to record from or play to "
                + "(Debian/Ubuntu: sudo apt-get install libpulse0, with PulseAudio or PipeWire running).", null, e);
        }
    }
}
