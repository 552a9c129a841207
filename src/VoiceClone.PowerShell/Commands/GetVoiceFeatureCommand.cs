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
public sealed class GetVoiceFeatureCommand : VoiceCloneCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const int ProgressActivityId = 0x7C01;
    private OrderedWorkQueue<VoiceFeatures>? _queue;
    private VoiceFeatureOptions _options = new();
    private int _done;

    /// <summary>WAV files or folders; wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>WAV files or folders, taken exactly as typed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

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

    /// <summary>How many files to analyse at once; default: one per core.</summary>
    [Parameter]
    [ValidateRange(1, 256)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    protected override string LogSource => VoiceFeatureExtractor.Source;

    protected override void Begin()
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
        _queue = new OrderedWorkQueue<VoiceFeatures>(ThrottleLimit, StopToken);
    }

    protected override void Process()
    {
        bool literal = ParameterSetName == LiteralPathSet;
        VoiceFeatureOptions options = _options with { Text = Text };
        foreach (string file in InputPathResolver.Resolve(this, literal ? LiteralPath : Path, literal, "*.wav"))
        {
            _queue!.Enqueue(file, () => Analyze(file, options));
            WriteFinished(all: false);
        }
    }

    protected override void End()
    {
        WriteFinished(all: true);
        if (_done > 1) WriteProgress(new ProgressRecord(ProgressActivityId, "Get-VoiceFeature", "Done") { RecordType = ProgressRecordType.Completed });
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

    private void WriteFinished(bool all)
    {
        foreach (var (file, work) in _queue!.TakeFinished(all))
        {
            if (work.IsFaulted && work.Exception!.InnerException is VoiceCloneException e) WriteEngineError(e, file);
            else WriteObject(work.GetAwaiter().GetResult());
            _done++;
            FlushLogEvents();
            if (_done > 1 || _queue.Count > 0)
            {
                WriteProgress(new ProgressRecord(ProgressActivityId, "Get-VoiceFeature", $"Analysed {_done} file(s)")
                    { CurrentOperation = System.IO.Path.GetFileName(file) });
            }
        }
    }
}
