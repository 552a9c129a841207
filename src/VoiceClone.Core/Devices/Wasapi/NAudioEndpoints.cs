using NAudio.CoreAudioApi;

namespace VoiceClone.Core.Devices.Wasapi;

/// <summary>
/// Windows' endpoints and streams through NAudio's WASAPI wrappers (NAudio.Wasapi 2.2.1, the last for net8.0). Windows only.
/// </summary>
internal sealed class NAudioEndpoints : IWasapiEndpoints
{
    public IReadOnlyList<WasapiEndpoint> Active()
    {
        using var enumerator = new MMDeviceEnumerator();
        string? defaultCapture = DefaultId(enumerator, DataFlow.Capture);
        string? defaultRender = DefaultId(enumerator, DataFlow.Render);
        var endpoints = new List<WasapiEndpoint>();
        foreach (MMDevice device in enumerator.EnumerateAudioEndPoints(DataFlow.All, DeviceState.Active))
        {
            using (device)
            {
                bool capture = device.DataFlow == DataFlow.Capture;
                string? defaultId = capture ? defaultCapture : defaultRender;
                endpoints.Add(new WasapiEndpoint(device.ID, device.FriendlyName, capture, device.ID == defaultId));
            }
        }
        return endpoints;
    }

    public IAudioInput OpenCapture(string endpointId) => new WasapiInput(Device(endpointId));

    public IAudioOutput OpenRender(string endpointId) => new WasapiOutput(Device(endpointId));

    private static MMDevice Device(string endpointId)
    {
        using var enumerator = new MMDeviceEnumerator();
        return enumerator.GetDevice(endpointId);
    }

    private static string? DefaultId(MMDeviceEnumerator enumerator, DataFlow flow)
    {
        if (!enumerator.HasDefaultAudioEndpoint(flow, Role.Console)) return null;
        using MMDevice device = enumerator.GetDefaultAudioEndpoint(flow, Role.Console);
        return device.ID;
    }
}
