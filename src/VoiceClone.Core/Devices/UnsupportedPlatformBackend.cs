namespace VoiceClone.Core.Devices;

/// <summary>A platform without a backend in this module (macOS, for now): every call is AudioDeviceUnavailable.</summary>
internal sealed class UnsupportedPlatformBackend : IAudioBackend
{
    public string Name => "none";

    public IReadOnlyList<AudioDevice> ListDevices() => throw Unavailable();

    public IAudioInput OpenInput(AudioDevice? device, int sampleRateHz) => throw Unavailable();

    public IAudioOutput OpenOutput(AudioDevice? device, int sampleRateHz) => throw Unavailable();

    private static VoiceCloneException Unavailable() => new(VoiceCloneErrors.AudioDeviceUnavailable,
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription} has no audio backend in this module yet "
        + "(Windows: WASAPI; Linux: PulseAudio or PipeWire).");
}
