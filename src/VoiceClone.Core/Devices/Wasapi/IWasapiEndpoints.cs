namespace VoiceClone.Core.Devices.Wasapi;

/// <summary>An active WASAPI endpoint as Windows' device enumerator reports it.</summary>
internal sealed record WasapiEndpoint(string Id, string FriendlyName, bool IsCapture, bool IsDefault);

/// <summary>
/// What <see cref="WasapiBackend"/> needs from Windows: the endpoints, and streams on one of them (NAudio's in
/// <see cref="NAudioEndpoints"/>).
/// </summary>
internal interface IWasapiEndpoints
{
    /// <summary>Active capture and render endpoints; the console-role default of each flow marked.</summary>
    IReadOnlyList<WasapiEndpoint> Active();

    IAudioInput OpenCapture(string endpointId);

    IAudioOutput OpenRender(string endpointId);
}
