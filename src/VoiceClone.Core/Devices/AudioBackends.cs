using VoiceClone.Core.Devices.PulseAudio;
using VoiceClone.Core.Devices.Wasapi;

namespace VoiceClone.Core.Devices;

/// <summary>The sound system of this platform: WASAPI on Windows, PulseAudio (or PipeWire's PulseAudio server) on Linux.</summary>
internal static class AudioBackends
{
    public static IAudioBackend ForThisPlatform() =>
        OperatingSystem.IsWindows() ? new WasapiBackend(new NAudioEndpoints())
        : OperatingSystem.IsLinux() ? new PulseAudioBackend()
        : new NoBackend($"{System.Runtime.InteropServices.RuntimeInformation.OSDescription} has no audio backend in this module yet "
            + "(Windows: WASAPI; Linux: PulseAudio or PipeWire)");

    /// <summary>A platform without a backend: every call is AudioDeviceUnavailable.</summary>
    private sealed class NoBackend(string reason) : IAudioBackend
    {
        public string Name => "none";
        public IReadOnlyList<AudioDevice> ListDevices() => throw Unavailable();
        public IAudioInput OpenInput(AudioDevice? device, int sampleRateHz) => throw Unavailable();
        public IAudioOutput OpenOutput(AudioDevice? device, int sampleRateHz) => throw Unavailable();
        private VoiceCloneException Unavailable() => new(VoiceCloneErrors.AudioDeviceUnavailable, reason + ".");
    }
}
