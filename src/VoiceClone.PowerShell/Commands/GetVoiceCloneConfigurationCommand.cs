using System.Management.Automation;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Shows the module's effective settings: version, where logs go and why.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "VoiceCloneConfiguration")]
[OutputType(typeof(VoiceCloneConfiguration))]
public sealed class GetVoiceCloneConfigurationCommand : VoiceCloneCmdlet
{
    protected override string LogSource => "configuration";

    protected override void End() => WriteObject(Current());

    internal static VoiceCloneConfiguration Current() => new()
    {
        Version = ModuleState.Version,
        ModuleRoot = ModuleState.ModuleRoot,
        LogDirectory = Runtime.Logs.Directory,
        LogDirectorySource = Runtime.Logs.DirectoryReason,
        LogFile = Runtime.Logs.FilePath,
    };
}
