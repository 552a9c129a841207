using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Records the microphone (or another input) to a WAV file with a countdown and level meter; checks the take.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "VoiceRecording", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class NewVoiceRecordingCommand : VoiceCloneCmdlet
{
    /// <summary>The WAV file to write.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>How long to record (default 5 s).</summary>
    [Parameter]
    [ValidateRange(1.0, 3600.0)]
    public double Seconds { get; set; } = 5;

    /// <summary>The input's name or id (Get-VoiceAudioDevice), or a unique part of its name; default: the system's default input.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Device { get; set; }

    /// <summary>Samples per second in the file (default 48000).</summary>
    [Parameter]
    [ValidateRange(8000, 192000)]
    public int SampleRate { get; set; } = 48000;

    /// <summary>Replace an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string LogSource => DeviceService.Source;

    protected override void End()
    {
        string path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (!ShouldProcess(path, $"Record {Seconds:0.#} s from {Device ?? "the default input"}")) return;
        var settings = new RecordingSettings(path) { Seconds = Seconds, Device = Device, SampleRateHz = SampleRate, Overwrite = Force };
        Task<RecordedTake> recording = Task.Run(() => Runtime.Devices.Record(settings, ReportProgress, StopToken), StopToken);
        WaitFor(recording);
        RecordedTake take = recording.GetAwaiter().GetResult();
        CompleteProgress();
        WriteObject(InvokeProvider.Item.Get([take.Path], force: false, literalPath: true), enumerateCollection: true);
    }
}
