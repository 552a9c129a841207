using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Lists the sound inputs and outputs for New-VoiceRecording, Start-VoicePlayback and New-VoiceClone -Play.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "VoiceAudioDevice")]
[OutputType(typeof(AudioDevice))]
public sealed class GetVoiceAudioDeviceCommand : VoiceCloneCmdlet
{
    /// <summary>Only devices whose name or id matches; wildcards allowed.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = [];

    /// <summary>Only inputs or only outputs.</summary>
    [Parameter]
    public AudioDeviceKind? Kind { get; set; }

    protected override string LogSource => DeviceService.Source;

    protected override void End()
    {
        Task<IReadOnlyList<AudioDevice>> listing = Task.Run(() => Runtime.Devices.List(), StopToken);
        WaitFor(listing);
        var patterns = Name.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
        foreach (AudioDevice device in listing.GetAwaiter().GetResult())
        {
            if (Kind is { } kind && device.Kind != kind) continue;
            if (patterns.Count > 0 && !patterns.Any(p => p.IsMatch(device.Name) || p.IsMatch(device.Id))) continue;
            WriteObject(device);
        }
    }
}
