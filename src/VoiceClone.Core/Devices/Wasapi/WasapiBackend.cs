using System.Runtime.InteropServices;

namespace VoiceClone.Core.Devices.Wasapi;

/// <summary>
/// Windows: WASAPI in shared mode through NAudio. Devices are the active endpoints; a stream runs at the endpoint's mix rate
/// (the callers resample). Windows' own failures (the audio service stopped, no endpoint, microphone access denied in
/// privacy settings) are AudioDeviceUnavailable.
/// </summary>
internal sealed class WasapiBackend(IWasapiEndpoints endpoints) : IAudioBackend
{
    public string Name => "WASAPI";

    public IReadOnlyList<AudioDevice> ListDevices() => Windows("list the sound devices", () => endpoints.Active()
        .OrderBy(e => e.IsCapture ? 0 : 1).ThenByDescending(e => e.IsDefault).ThenBy(e => e.FriendlyName, StringComparer.OrdinalIgnoreCase)
        .Select(e => new AudioDevice
        {
            Id = e.Id, Name = e.FriendlyName, Kind = e.IsCapture ? AudioDeviceKind.Input : AudioDeviceKind.Output,
            IsDefault = e.IsDefault, Backend = Name,
        })
        .ToList());

    public IAudioInput OpenInput(AudioDevice? device, int sampleRateHz) =>
        Windows("open the input", () => endpoints.OpenCapture(EndpointId(device, AudioDeviceKind.Input)));

    public IAudioOutput OpenOutput(AudioDevice? device, int sampleRateHz) =>
        Windows("open the output", () => endpoints.OpenRender(EndpointId(device, AudioDeviceKind.Output)));

    /// <summary>The chosen endpoint, or the default of its kind; none at all (a server, a session without audio) is an error.</summary>
    private string EndpointId(AudioDevice? device, AudioDeviceKind kind)
    {
        if (device is not null) return device.Id;
        return ListDevices().FirstOrDefault(d => d.Kind == kind && d.IsDefault)?.Id
            ?? throw new VoiceCloneException(VoiceCloneErrors.AudioDeviceUnavailable,
                $"Windows reports no active {(kind == AudioDeviceKind.Input ? "microphone or other input" : "speaker or other output")} "
                + "(a server, a remote session without audio, or a device disabled or unplugged).");
    }

    private static T Windows<T>(string doing, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is COMException or UnauthorizedAccessException or InvalidCastException or TypeLoadException)
        {
            string hint = e is UnauthorizedAccessException ? " Windows denied access: allow microphone access in Settings > Privacy." : "";
            throw new VoiceCloneException(VoiceCloneErrors.AudioDeviceUnavailable,
                $"WASAPI could not {doing}: {e.Message}.{hint}", null, e);
        }
    }
}
