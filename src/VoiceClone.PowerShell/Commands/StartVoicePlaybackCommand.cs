using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Plays WAV files on the default or a chosen output, one after another; Ctrl+C stops at once.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "VoicePlayback", DefaultParameterSetName = LiteralPathSet)]
[OutputType(typeof(FileInfo))]
public sealed class StartVoicePlaybackCommand : FileInputCmdlet
{
    /// <summary>The output's name or id (Get-VoiceAudioDevice), or a unique part of its name; default: the default output.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Device { get; set; }

    /// <summary>Emit each file after it has played.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override string LogSource => DeviceService.Source;

    protected override void Process()
    {
        foreach (string file in InputFiles(InputPatterns.Audio))
        {
            Task playing = Task.Run(() => Runtime.Devices.Play(file, Device, ReportProgress, StopToken), StopToken);
            WaitFor(playing);
            try
            {
                playing.GetAwaiter().GetResult();
            }
            catch (VoiceCloneException e) when (e.Error != VoiceCloneErrors.AudioDeviceUnavailable)
            {
                WriteEngineError(e, file); // this file is unreadable; the next may play
                continue;
            }
            if (PassThru) WriteObject(InvokeProvider.Item.Get([file], force: false, literalPath: true), enumerateCollection: true);
        }
    }

    protected override void End() => CompleteProgress();
}
