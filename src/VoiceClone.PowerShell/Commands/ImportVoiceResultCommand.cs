using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Reads the results of sharded, resumable batches (-ResultPath of Get-VoiceFeature and Get-VoiceEmotion) back as VoiceFeatures and EmotionResult objects, each input once.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "VoiceResult", DefaultParameterSetName = LiteralPathSet)]
[OutputType(typeof(VoiceFeatures))]
[OutputType(typeof(EmotionResult))]
[OutputType(typeof(PSObject))]
public sealed class ImportVoiceResultCommand : FileInputCmdlet
{
    private static readonly IReadOnlyList<string> ResultFiles = ["*.jsonl"];
    private ResultImport? _import;

    /// <summary>Only results of this kind: Features (Get-VoiceFeature) or Emotion (Get-VoiceEmotion); default: both.</summary>
    [Parameter]
    [ValidateSet("Features", "Emotion")]
    public string? Kind { get; set; }

    /// <summary>Emit one row of scalar columns per result instead of the typed object: ready for Export-Csv and spreadsheets.</summary>
    [Parameter]
    public SwitchParameter Flat { get; set; }

    protected override string LogSource => BatchService.Source;

    protected override void Begin() => _import = Runtime.Batches.Import(Kind is null ? null : Enum.Parse<BatchResultKind>(Kind));

    protected override void Process()
    {
        foreach (string file in InputFiles(ResultFiles))
        {
            try
            {
                foreach (object result in _import!.Read(file))
                {
                    StopToken.ThrowIfCancellationRequested();
                    WriteObject(Flat ? FlatRecord.From(result) : result);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                WriteItemError(e, file);
            }
            FlushLogEvents();
        }
    }

    protected override void End()
    {
        if (_import!.Duplicates > 0) WriteVerbose($"Passed over {_import.Duplicates} result(s) of inputs already read (done twice, by tasks that overlapped)");
    }
}
