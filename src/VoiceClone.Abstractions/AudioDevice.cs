namespace VoiceClone;

/// <summary>Whether a sound device records (a microphone, a line input, a monitor of an output) or plays.</summary>
public enum AudioDeviceKind
{
    Input,
    Output,
}

/// <summary>A sound device as Get-VoiceAudioDevice lists it; its Name or Id goes to -Device.</summary>
public sealed class AudioDevice
{
    /// <summary>The name people read: WASAPI's friendly name, PulseAudio's description.</summary>
    public string Name { get; init; } = "";
    /// <summary>The sound system's own id: a WASAPI endpoint id, a PulseAudio source or sink name.</summary>
    public string Id { get; init; } = "";
    public AudioDeviceKind Kind { get; init; }
    /// <summary>The device used when -Device is left out.</summary>
    public bool IsDefault { get; init; }
    /// <summary>The sound system behind it: WASAPI (Windows) or PulseAudio (Linux, also PipeWire's PulseAudio server).</summary>
    public string Backend { get; init; } = "";
}
