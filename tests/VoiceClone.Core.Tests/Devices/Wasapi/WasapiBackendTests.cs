using System.Runtime.InteropServices;
using VoiceClone.Core.Devices;
using VoiceClone.Core.Devices.Wasapi;

namespace VoiceClone.Core.Tests.Devices.Wasapi;

/// <summary>The Windows backend over a fake endpoint list: what it lists, which endpoint it opens, Windows' failures as errors.</summary>
public sealed class WasapiBackendTests
{
    private sealed class FakeEndpoints(IReadOnlyList<WasapiEndpoint> endpoints, Exception? failure = null) : IWasapiEndpoints
    {
        public List<string> Opened { get; } = [];
        public IReadOnlyList<WasapiEndpoint> Active() => failure is null ? endpoints : throw failure;
        public IAudioInput OpenCapture(string endpointId) => Open(endpointId);
        public IAudioOutput OpenRender(string endpointId) => Open(endpointId);

        private FakeAudioStream Open(string id)
        {
            Opened.Add(id);
            return new FakeAudioStream();
        }
    }

    private sealed class FakeAudioStream : IAudioInput, IAudioOutput
    {
        public int SampleRateHz => 48000;
        public int Read(Span<float> destination) => 0;
        public void Write(ReadOnlySpan<float> samples) { }
        public void Drain() { }
        public void Discard() { }
        public void Dispose() { }
    }

    private static readonly WasapiEndpoint[] Laptop =
    [
        new("{0.0.0.00000000}.{speakers}", "Speakers (Realtek(R) Audio)", IsCapture: false, IsDefault: true),
        new("{0.0.1.00000000}.{usb}", "Microphone (USB Audio Device)", IsCapture: true, IsDefault: false),
        new("{0.0.0.00000000}.{hdmi}", "LG TV (NVIDIA High Definition Audio)", IsCapture: false, IsDefault: false),
        new("{0.0.1.00000000}.{array}", "Microphone Array (Realtek(R) Audio)", IsCapture: true, IsDefault: true),
    ];

    [Fact]
    public void Lists_inputs_then_outputs_default_first_with_friendly_names_and_endpoint_ids()
    {
        var devices = new WasapiBackend(new FakeEndpoints(Laptop)).ListDevices();
        Assert.Equal(
        [
            "Input * Microphone Array (Realtek(R) Audio) {0.0.1.00000000}.{array}",
            "Input   Microphone (USB Audio Device) {0.0.1.00000000}.{usb}",
            "Output * Speakers (Realtek(R) Audio) {0.0.0.00000000}.{speakers}",
            "Output   LG TV (NVIDIA High Definition Audio) {0.0.0.00000000}.{hdmi}",
        ], devices.Select(d => $"{d.Kind} {(d.IsDefault ? "*" : " ")} {d.Name} {d.Id}"));
        Assert.All(devices, d => Assert.Equal("WASAPI", d.Backend));
    }

    [Fact]
    public void Opens_the_default_endpoint_of_the_right_flow_or_the_chosen_one()
    {
        var endpoints = new FakeEndpoints(Laptop);
        var backend = new WasapiBackend(endpoints);
        backend.OpenInput(null, 48000).Dispose();
        backend.OpenOutput(null, 48000).Dispose();
        AudioDevice usb = AudioDeviceSelector.Select(backend.ListDevices(), AudioDeviceKind.Input, "USB", backend.Name)!;
        backend.OpenInput(usb, 16000).Dispose();
        Assert.Equal(["{0.0.1.00000000}.{array}", "{0.0.0.00000000}.{speakers}", "{0.0.1.00000000}.{usb}"], endpoints.Opened);
    }

    [Fact]
    public void A_machine_without_a_microphone_is_AudioDeviceUnavailable_before_any_stream_opens()
    {
        var endpoints = new FakeEndpoints(Laptop.Where(e => !e.IsCapture).ToList());
        var e = Assert.Throws<VoiceCloneException>(() => new WasapiBackend(endpoints).OpenInput(null, 48000));
        Assert.Equal(VoiceCloneErrors.AudioDeviceUnavailable, e.Error);
        Assert.Contains("no active microphone", e.Message);
        Assert.Empty(endpoints.Opened);
    }

    [Fact]
    public void Windows_failures_become_AudioDeviceUnavailable_with_the_privacy_hint_for_denied_access()
    {
        // 0x80070424: the Windows Audio service is not running.
        var serviceStopped = new COMException("The specified service does not exist as an installed service.", unchecked((int)0x80070424));
        var stopped = Assert.Throws<VoiceCloneException>(() => new WasapiBackend(new FakeEndpoints([], serviceStopped)).ListDevices());
        Assert.Equal(VoiceCloneErrors.AudioDeviceUnavailable, stopped.Error);
        Assert.Same(serviceStopped, stopped.InnerException);
        var denied = Assert.Throws<VoiceCloneException>(() =>
            new WasapiBackend(new FakeEndpoints([], new UnauthorizedAccessException("Access is denied."))).OpenInput(null, 48000));
        Assert.Contains("Privacy", denied.Message);
    }
}
