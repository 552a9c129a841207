using VoiceClone.Core.Devices;

namespace VoiceClone.Core.Tests.Devices;

public sealed class AudioDeviceSelectorTests
{
    private readonly List<AudioDevice> _devices = new FakeAudioBackend().Devices;

    [Theory]
    [InlineData("Desk Microphone", "mic-1")]
    [InlineData("desk microphone", "mic-1")]
    [InlineData("mic-2", "mic-2")]
    [InlineData("USB", "mic-2")]
    public void A_name_an_id_or_a_unique_part_of_a_name_picks_the_device(string requested, string expectedId) =>
        Assert.Equal(expectedId, AudioDeviceSelector.Select(_devices, AudioDeviceKind.Input, requested, "Fake")!.Id);

    [Fact]
    public void Nothing_requested_means_the_default()
    {
        Assert.Null(AudioDeviceSelector.Select(_devices, AudioDeviceKind.Input, null, "Fake"));
        Assert.Null(AudioDeviceSelector.Select(_devices, AudioDeviceKind.Input, " ", "Fake"));
    }

    [Fact]
    public void An_ambiguous_or_unknown_name_is_AudioDeviceUnavailable_listing_the_devices_of_that_kind()
    {
        var ambiguous = Assert.Throws<VoiceCloneException>(() =>
            AudioDeviceSelector.Select(_devices, AudioDeviceKind.Input, "Microphone", "Fake"));
        Assert.Equal(VoiceCloneErrors.AudioDeviceUnavailable, ambiguous.Error);
        Assert.Contains("matches 2 input devices", ambiguous.Message);
        var unknown = Assert.Throws<VoiceCloneException>(() =>
            AudioDeviceSelector.Select(_devices, AudioDeviceKind.Output, "Microphone", "Fake"));
        Assert.Contains("No output device matches 'Microphone'", unknown.Message);
        Assert.Contains("'Speakers' (spk-1)", unknown.Message);
        Assert.DoesNotContain("Desk", unknown.Message);
    }
}
