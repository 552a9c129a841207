using System.Management.Automation;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Turns the pitch contour of Get-VoiceFeature -IncludeContour into one row per frame (time, Hz, voicing probability) for Export-Csv.</para>
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "VoiceContour")]
[OutputType(typeof(PitchContourRow))]
public sealed class ConvertToVoiceContourCommand : VoiceCloneCmdlet
{
    /// <summary>Results of Get-VoiceFeature -IncludeContour.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public VoiceFeatures InputObject { get; set; } = new();

    /// <summary>Leave out unvoiced frames (whose frequency is NaN).</summary>
    [Parameter]
    public SwitchParameter VoicedOnly { get; set; }

    protected override string LogSource => "feature_extractor";

    protected override void Process()
    {
        if (InputObject.Contour is not { } contour)
        {
            WriteError(ErrorRecords.Create(VoiceCloneErrors.ConfigurationInvalid,
                $"The features of '{InputObject.Path}' hold no contour: analyse it with Get-VoiceFeature -IncludeContour.", InputObject.Path));
            return;
        }
        foreach (PitchContourPoint point in contour)
        {
            if (VoicedOnly && double.IsNaN(point.FrequencyHz)) continue;
            WriteObject(new PitchContourRow
            {
                Path = InputObject.Path, TimeSeconds = point.TimeSeconds, FrequencyHz = point.FrequencyHz, VoicingProbability = point.VoicingProbability,
            });
        }
    }
}
