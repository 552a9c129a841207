using System.Management.Automation;
using VoiceClone.Core.Analysis;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Recognises the emotion in a voice: neutral, calm, happy, sad, angry, fearful or disgust, with calibrated probabilities.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "VoiceEmotion", DefaultParameterSetName = LiteralPathSet)]
[OutputType(typeof(EmotionResult))]
public sealed class GetVoiceEmotionCommand : VoiceCloneCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private OrderedWorkQueue<EmotionResult>? _queue;
    private EmotionModel? _model;

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

    /// <summary>A folder holding emotion.zip and emotion.json; default: the model that ships with the module.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ModelPath { get; set; }

    /// <summary>How many files to analyse at once; default: one per core.</summary>
    [Parameter]
    [ValidateRange(1, 256)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    protected override string LogSource => "emotion";

    protected override void Begin()
    {
        string? folder = ModelPath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(ModelPath);
        _model = EmotionModelCache.Get(folder);
        _queue = new OrderedWorkQueue<EmotionResult>(ThrottleLimit, StopToken);
    }

    protected override void Process()
    {
        bool literal = ParameterSetName == LiteralPathSet;
        foreach (string file in InputPathResolver.Resolve(this, literal ? LiteralPath : Path, literal, "*.wav"))
        {
            _queue!.Enqueue(file, () => Recognise(file));
            WriteFinished(all: false);
        }
    }

    protected override void End() => WriteFinished(all: true);

    private EmotionResult Recognise(string file)
    {
        using var metrics = ExecutionMetrics.Start("Get-VoiceEmotion", LogSource, $"path={file}");
        try
        {
            // The features the model was trained with: default pitch tracker and the energy speech detector.
            VoiceFeatures features = VoiceFeatureExtractor.Analyze(file, new VoiceFeatureOptions { Vad = VadMethod.Energy });
            float[] scores = _model!.Predict(features);
            int best = EmotionMetrics.ArgMax(scores);
            var result = new EmotionResult
            {
                Path = file,
                Emotion = _model.Metadata.Labels[best],
                Confidence = scores[best],
                Scores = _model.Metadata.Labels.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => (double)scores[x.i]),
                ModelPath = _model.Folder,
            };
            metrics.Complete($"EmotionResult emotion={result.Emotion} confidence={result.Confidence:F2}");
            return result;
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
            FlushLogEvents();
        }
    }
}
