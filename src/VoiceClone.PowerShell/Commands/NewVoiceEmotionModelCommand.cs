using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Trains an emotion model from labelled recordings and evaluates it leave-one-speaker-out.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "VoiceEmotionModel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(EmotionModelInfo))]
public sealed class NewVoiceEmotionModelCommand : VoiceCloneCmdlet
{
    /// <summary>The folder the manifest's file paths are relative to.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string DataPath { get; set; } = "";

    /// <summary>CSV with the columns file, speaker (or actor) and emotion.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Manifest { get; set; } = "";

    /// <summary>Folder to write the model to (emotion.zip, emotion.json, metrics.json, confusion_matrix.png).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string OutputPath { get; set; } = "";

    /// <summary>Labels in the manifest to leave out (for RAVDESS: surprised).</summary>
    [Parameter]
    public string[] ExcludeEmotion { get; set; } = [];

    /// <summary>Seed for the trainer, so the same data gives the same model.</summary>
    [Parameter]
    public int Seed { get; set; } = 1;

    /// <summary>Replace an existing model in OutputPath.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string LogSource => EmotionService.TrainingSource;

    protected override void End()
    {
        EmotionTrainingPlan plan = Runtime.Emotion.PlanTraining(SessionState.Path.GetUnresolvedProviderPathFromPSPath(DataPath),
            SessionState.Path.GetUnresolvedProviderPathFromPSPath(Manifest), SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputPath),
            ExcludeEmotion, Force);
        if (!ShouldProcess(plan.OutputFolder, $"Train an emotion model on {plan.ClipCount} recordings and write it")) return;
        Task<EmotionModelInfo> training = Task.Run(() => Runtime.Emotion.Train(plan, Seed, ReportProgress, StopToken), StopToken);
        WaitFor(training);
        EmotionModelInfo model = training.GetAwaiter().GetResult();
        CompleteProgress();
        WriteObject(model);
    }
}
