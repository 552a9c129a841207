using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Saves a reusable voice: the Qwen3-TTS speaker embedding (and reference codes) of a recording, with its analysis, in one file.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "VoiceProfile", DefaultParameterSetName = LiteralPathSet, SupportsShouldProcess = true)]
[OutputType(typeof(VoiceProfile))]
public sealed class NewVoiceProfileCommand : BatchFileCmdlet
{
    private string _model = "";
    private string _output = "";

    /// <summary>The Qwen3-TTS model folder the profile is for (the same one New-VoiceClone will use).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string ModelPath { get; set; } = "";

    /// <summary>What the recording says: the profile then holds the reference codes for in-context cloning.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ReferenceText { get; set; }

    /// <summary>Folder for the profile files (&lt;recording name&gt;.voiceprofile.json); default: the current location.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string OutputDirectory { get; set; } = ".";

    /// <summary>Replace an existing profile of the same name.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string LogSource => ProfileService.Source;

    protected override void Begin()
    {
        base.Begin();
        _model = SessionState.Path.GetUnresolvedProviderPathFromPSPath(ModelPath);
        Runtime.Profiles.Prepare(_model, referenceText: null); // a missing or broken model is one error for the whole call
        _output = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputDirectory);
    }

    protected override void Process()
    {
        ProfileWriter writer = Runtime.Profiles.Prepare(_model, ReferenceText); // ReferenceText binds per pipeline object
        foreach (string file in InputFiles(InputPatterns.Audio))
        {
            if (!ShouldProcess(ProfileService.TargetPath(file, _output), $"Save the voice of '{file}'")) continue;
            try
            {
                WriteObject(writer.Save(file, _output, Force));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                WriteItemError(e, file);
            }
            FlushLogEvents();
        }
    }
}
