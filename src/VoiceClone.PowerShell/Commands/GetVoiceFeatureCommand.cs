using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Measures a voice: pitch, energy and stress, pauses, speaking rate and voice quality.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "VoiceFeature", DefaultParameterSetName = LiteralPathSet)]
[OutputType(typeof(VoiceFeatures))]
[OutputType(typeof(PSObject))]
public sealed class GetVoiceFeatureCommand : ParallelFileCmdlet<VoiceFeatures>
{
    private FeatureAnalysis? _analysis;

    /// <summary>Pitch tracker: the built-in YIN+Viterbi (Default) or the SwiftF0 model.</summary>
    [Parameter]
    public PitchAlgorithm PitchAlgorithm { get; set; } = PitchAlgorithm.Default;

    /// <summary>Speech detector: Silero when its model is present (Auto), Silero, or Energy.</summary>
    [Parameter]
    public VadMethod Vad { get; set; } = VadMethod.Auto;

    /// <summary>Lowest F0 searched, Hz.</summary>
    [Parameter]
    [ValidateRange(20, 1000)]
    public double PitchFloorHz { get; set; } = AnalysisSettings.DefaultPitchFloorHz;

    /// <summary>Highest F0 searched, Hz.</summary>
    [Parameter]
    [ValidateRange(40, 3200)]
    public double PitchCeilingHz { get; set; } = AnalysisSettings.DefaultPitchCeilingHz;

    /// <summary>Search adult speaking voices only (60-400 Hz) instead of the default 50-800 Hz.</summary>
    [Parameter]
    public SwitchParameter SpeechRange { get; set; }

    /// <summary>Shortest silence inside speech that counts as a pause, seconds.</summary>
    [Parameter]
    [ValidateRange(0.05, 10)]
    public double MinimumPauseSeconds { get; set; } = 0.25;

    /// <summary>The words spoken; Wpm is then exact. With -Manifest, the manifest's text column says them.</summary>
    // Not in the Manifest set: a pipeline parameter common to every set stops PowerShell preferring the default
    // (LiteralPath) set, and a FileInfo or result object would then bind to -Path as a wildcard pattern.
    [Parameter(ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    public string? Text { get; set; }

    /// <summary>Add the frame-by-frame pitch contour (Contour property).</summary>
    [Parameter]
    public SwitchParameter IncludeContour { get; set; }

    protected override string LogSource => AnalysisService.Source;

    protected override BatchRun? Run => _analysis?.Run;

    protected override void BeginWork() => _analysis = Runtime.Analysis.Prepare(new AnalysisSettings
    {
        PitchAlgorithm = PitchAlgorithm, Vad = Vad, PitchFloorHz = PitchFloorHz, PitchCeilingHz = PitchCeilingHz, SpeechRange = SpeechRange,
        MinimumPauseSeconds = MinimumPauseSeconds, IncludeContour = IncludeContour,
    });

    protected override BatchResultKind ResultKind => BatchResultKind.Features;

    protected override Func<VoiceFeatures> PlanWork(string file, string? manifestText)
    {
        FeatureAnalysis analysis = _analysis!;
        string? text = manifestText ?? Text; // Text binds per pipeline object
        return () => analysis.Analyze(file, text);
    }

    /// <summary>Emit one row of scalar columns per file instead of the typed object: ready for Export-Csv and spreadsheets.</summary>
    [Parameter]
    public SwitchParameter Flat { get; set; }

    protected override object? Present(VoiceFeatures result) => Flat ? FlatRecord.From(result) : result;
}
