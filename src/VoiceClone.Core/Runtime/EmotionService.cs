using VoiceClone.Core.Analysis;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.IO;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Runtime;

/// <summary>The emotion capability: recognising the emotion in a recording, and training a model on labelled recordings.</summary>
public sealed class EmotionService
{
    public const string Source = "emotion";
    public const string TrainingSource = EmotionModelBuilder.Source;
    private readonly VoiceCloneRuntime _runtime;

    internal EmotionService(VoiceCloneRuntime runtime) => _runtime = runtime;

    /// <summary>Loads the model in <paramref name="modelFolder"/> (null: the one that ships with the module) for a batch.</summary>
    public EmotionRecognizer Prepare(string? modelFolder) => new(_runtime.LoadEmotionModel(modelFolder));

    /// <summary>Reads and checks a training set before anything is written: the data folder, the manifest and the output folder.</summary>
    public EmotionTrainingPlan PlanTraining(string dataFolder, string manifest, string outputFolder, IReadOnlyCollection<string> excludedEmotions, bool overwrite)
    {
        if (Directory.Exists(outputFolder) && Directory.EnumerateFileSystemEntries(outputFolder).Any() && !overwrite)
        {
            throw new VoiceCloneException(VoiceCloneErrors.OutputExists, $"'{outputFolder}' already holds files and was left untouched.", outputFolder);
        }
        return new EmotionTrainingPlan(EmotionManifest.Read(dataFolder, manifest, excludedEmotions), manifest, outputFolder);
    }

    /// <summary>
    /// Trains and evaluates leave-one-speaker-out, writing the model beside the output folder and moving it into place at
    /// the end: a stop or failure leaves no half model, and an existing model is replaced only then.
    /// </summary>
    public EmotionModelInfo Train(EmotionTrainingPlan plan, int seed, Action<WorkProgress> progress, CancellationToken cancellation)
    {
        string staging = plan.OutputFolder.TrimEnd(Path.DirectorySeparatorChar) + $".tmp-{Guid.NewGuid():N}";
        try
        {
            EmotionMetrics metrics = EmotionModelBuilder.Build(plan.Clips, staging, seed,
                trainedOn: $"{plan.Manifest} ({plan.Clips.Count} recordings)", licence: "inherits the licence of the training data",
                (stage, done, total, eta) => progress(new WorkProgress($"{stage}: {done}/{total}",
                    total > 0 ? Math.Min(100, 100 * done / total) : -1, double.IsNaN(eta) ? -1 : (int)eta)), cancellation);
            StagedFolder.Replace(staging, plan.OutputFolder);
            return new EmotionModelInfo
            {
                Path = plan.OutputFolder,
                UnweightedAccuracy = metrics.UnweightedAccuracy,
                WeightedAccuracy = metrics.WeightedAccuracy,
                ExpectedCalibrationError = metrics.ExpectedCalibrationError,
                Recall = metrics.Labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => metrics.Recall[x.i]),
                Clips = plan.Clips.Count,
                Speakers = plan.Speakers,
                MetricsPath = Path.Combine(plan.OutputFolder, EmotionModelBuilder.MetricsFile),
                ConfusionMatrixPath = Path.Combine(plan.OutputFolder, EmotionModelBuilder.ConfusionMatrixFile),
            };
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}

/// <summary>One batch's emotion model; thread-safe, one call per recording.</summary>
public sealed class EmotionRecognizer
{
    private readonly EmotionModel _model;

    internal EmotionRecognizer(EmotionModel model) => _model = model;

    public EmotionResult Recognize(string path)
    {
        using var metrics = ExecutionMetrics.Start("Get-VoiceEmotion", EmotionService.Source, $"path={path}");
        try
        {
            AudioBuffer clip = EmotionFeatures.ReadClip(path);
            SpeechPresence.Require(SpeechPresence.VoicedSeconds(clip), path, "judging emotion");
            EmotionResult result = _model.Classify(clip, path);
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

/// <summary>A checked training set, ready to train.</summary>
public sealed class EmotionTrainingPlan
{
    internal EmotionTrainingPlan(IReadOnlyList<LabelledClip> clips, string manifest, string outputFolder)
    {
        Clips = clips;
        Manifest = manifest;
        OutputFolder = outputFolder;
    }

    internal IReadOnlyList<LabelledClip> Clips { get; }
    public int ClipCount => Clips.Count;
    public int Speakers => Clips.Select(c => c.Speaker).Distinct().Count();
    public string Manifest { get; }
    public string OutputFolder { get; }
}
