using System.Management.Automation;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Recognises the emotion in a voice: neutral, calm, happy, sad, angry, fearful or disgust, with calibrated probabilities.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "VoiceEmotion", DefaultParameterSetName = LiteralPathSet)]
[OutputType(typeof(EmotionResult))]
public sealed class GetVoiceEmotionCommand : ParallelFileCmdlet<EmotionResult>
{
    private EmotionModel? _model;

    /// <summary>A folder holding emotion.zip and emotion.json; default: the model that ships with the module.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ModelPath { get; set; }

    protected override string LogSource => "emotion";

    protected override void BeginAnalysis()
    {
        string? folder = ModelPath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(ModelPath);
        _model = EmotionModelCache.Get(folder);
    }

    protected override Func<EmotionResult> PlanAnalysis(string file) => () => Recognise(file);

    private EmotionResult Recognise(string file)
    {
        using var metrics = ExecutionMetrics.Start("Get-VoiceEmotion", LogSource, $"path={file}");
        try
        {
            EmotionResult result = _model!.Classify(EmotionFeatures.ReadClip(file), file);
            metrics.Complete($"EmotionResult emotion={result.Emotion} confidence={result.Confidence:F2}");
            return result;
        }
        catch (VoiceCloneException e)
        {
            metrics.Fail(e.ErrorId);
            throw;
        }
    }
}
