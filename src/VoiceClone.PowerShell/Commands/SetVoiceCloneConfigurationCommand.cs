using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Changes module settings for this process (the log folder). $env:VOICECLONE_LOG_DIR still wins when set.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "VoiceCloneConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(VoiceCloneConfiguration))]
public sealed class SetVoiceCloneConfigurationCommand : VoiceCloneCmdlet
{
    /// <summary>Folder for app.log; created if missing.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "LogDirectory")]
    [ValidateNotNullOrEmpty]
    public string LogDirectory { get; set; } = "";

    /// <summary>Return to the default log folder.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Reset")]
    public SwitchParameter ResetLogDirectory { get; set; }

    /// <summary>Emit the resulting configuration.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override string LogSource => "configuration";

    protected override void End()
    {
        string? directory = ResetLogDirectory ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(LogDirectory);
        if (!ShouldProcess(directory ?? "the default log folder", "Write VoiceClone logs to")) return;
        Runtime.Logs.SetDirectory(directory);
        if (Environment.GetEnvironmentVariable(RuntimeLogs.EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            WriteWarning($"${RuntimeLogs.EnvironmentVariable} is set ('{fromEnvironment}') and wins: logs stay there until it is cleared.");
        }
        if (PassThru) WriteObject(GetVoiceCloneConfigurationCommand.Current());
    }
}
