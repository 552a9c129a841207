using System.Management.Automation;
using VoiceClone.Core.Analysis;
using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Models;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Measures a voice: pitch, energy and stress, pauses, speaking rate and voice quality.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "VoiceFeature", DefaultParameterSetName = LiteralPathSet)]
[OutputType(typeof(VoiceFeatures))]
public sealed class GetVoiceFeatureCommand : ParallelFileCmdlet<VoiceFeatures>
{
    private VoiceFeatureOptions _options = new();

    /// <summary>Pitch tracker: the built-in YIN+Viterbi (Default) or the SwiftF0 model.</summary>
    [Parameter]
    public PitchAlgorithm PitchAlgorithm { get; set; } = PitchAlgorithm.Default;

    /// <summary>Speech detector: Silero when its model is present (Auto), Silero, or Energy.</summary>
    [Parameter]
    public VadMethod Vad { get; set; } = VadMethod.Auto;

    /// <summary>Lowest F0 searched, Hz.</summary>
    [Parameter]
    [ValidateRange(20, 1000)]
    public double PitchFloorHz { get; set; } = PitchTrackerOptions.Default.MinHz;

    /// <summary>Highest F0 searched, Hz.</summary>
    [Parameter]
    [ValidateRange(40, 3200)]
    public double PitchCeilingHz { get; set; } = PitchTrackerOptions.Default.MaxHz;

    /// <summary>Search adult speaking voices only (60-400 Hz) instead of the default 50-800 Hz.</summary>
    [Parameter]
    public SwitchParameter SpeechRange { get; set; }

    /// <summary>Shortest silence inside speech that counts as a pause, seconds.</summary>
    [Parameter]
    [ValidateRange(0.05, 10)]
    public double MinimumPauseSeconds { get; set; } = 0.25;

    /// <summary>The words spoken; Wpm is then exact.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Text { get; set; }

    /// <summary>Add the frame-by-frame pitch contour (Contour property).</summary>
    [Parameter]
    public SwitchParameter IncludeContour { get; set; }

    protected override string LogSource => VoiceFeatureExtractor.Source;

    protected override void BeginAnalysis()
    {
        if (PitchCeilingHz <= PitchFloorHz)
        {
            ThrowTerminatingError(ErrorRecords.Create(VoiceCloneErrors.ConfigurationInvalid,
                $"-PitchCeilingHz ({PitchCeilingHz}) must be above -PitchFloorHz ({PitchFloorHz}).", null));
        }
        // A missing model is one error for the whole command, not one per file.
        if (PitchAlgorithm == PitchAlgorithm.SwiftF0) ModelLocator.Require(ModelLocator.SwiftF0, "-PitchAlgorithm SwiftF0");
        if (Vad == VadMethod.Silero) ModelLocator.Require(ModelLocator.SileroVad, "-Vad Silero");
        var pitch = SpeechRange ? PitchTrackerOptions.Speech
            : PitchTrackerOptions.Default with { MinHz = PitchFloorHz, MaxHz = PitchCeilingHz };
        _options = new VoiceFeatureOptions
        {
            Pitch = pitch, PitchAlgorithm = PitchAlgorithm, Vad = Vad, MinimumPauseSeconds = MinimumPauseSeconds, IncludeContour = IncludeContour,
        };
    }

    protected override Func<VoiceFeatures> PlanAnalysis(string file)
    {
        VoiceFeatureOptions options = _options with { Text = Text }; // Text binds per pipeline object
        return () => Analyze(file, options);
    }

    private VoiceFeatures Analyze(string file, VoiceFeatureOptions options)
    {
        using var metrics = ExecutionMetrics.Start("Get-VoiceFeature", LogSource, $"path={file}");
        try
        {
            VoiceFeatures features = VoiceFeatureExtractor.Analyze(file, options);
            metrics.Complete($"VoiceFeatures duration_s={features.DurationSeconds:F3} sample_rate_hz={features.SampleRateHz} features={features.FeatureVector.Length}");
            return features;
        }
        catch (VoiceCloneException e)
        {
            metrics.Fail(e.ErrorId);
            throw;
        }
    }
}
