using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Recognises the emotion in a voice: neutral, calm, happy, sad, angry, fearful or disgust, with calibrated probabilities.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "VoiceEmotion", DefaultParameterSetName = LiteralPathSet)]
[OutputType(typeof(EmotionResult))]
[OutputType(typeof(PSObject))]
public sealed class GetVoiceEmotionCommand : ParallelFileCmdlet<EmotionResult>
{
    private EmotionRecognizer? _recognizer;

    /// <summary>A folder holding emotion.zip and emotion.json; default: the model that ships with the module.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ModelPath { get; set; }

    protected override string LogSource => EmotionService.Source;

    protected override BatchRun? Run => _recognizer?.Run;

    protected override void BeginWork() =>
        _recognizer = Runtime.Emotion.Prepare(ModelPath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(ModelPath));

    protected override BatchResultKind ResultKind => BatchResultKind.Emotion;

    protected override Func<EmotionResult> PlanWork(string file, string? manifestText)
    {
        EmotionRecognizer recognizer = _recognizer!;
        return () => recognizer.Recognize(file);
    }

    /// <summary>Emit one row of scalar columns per file instead of the typed object: ready for Export-Csv and spreadsheets.</summary>
    [Parameter]
    public SwitchParameter Flat { get; set; }

    protected override object? Present(EmotionResult result) => Flat ? FlatRecord.From(result) : result;
}
