using VoiceClone.Core.Analysis;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Emotion;
using System.Globalization;
using VoiceClone.Core.IO;
using VoiceClone.Core.Runs;
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
    public EmotionRecognizer Prepare(string? modelFolder)
    {
        EmotionModel model = _runtime.LoadEmotionModel(modelFolder);
        var log = new RunLog("Get-VoiceEmotion", new Dictionary<string, string?> { ["model_path"] = modelFolder });
        log.Describe("ml.net", "cpu",
            modelFolder is null ? "shipped" : Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(modelFolder))));
        return new EmotionRecognizer(model, new BatchRun(_runtime.Runs.Track(log, RunWritePolicy.Batch)));
    }

    /// <summary>
    /// Reads and checks a training set before anything is written: the data folder, the manifest and the output folder.
    /// </summary>
    public EmotionTrainingPlan PlanTraining(
        string dataFolder, string manifest, string outputFolder, IReadOnlyCollection<string> excludedEmotions, bool overwrite)
    {
        if (Directory.Exists(outputFolder) && Directory.EnumerateFileSystemEntries(outputFolder).Any() && !overwrite)
        {
            throw new VoiceCloneException(VoiceCloneErrors.OutputExists,
                $"'{outputFolder}' already holds files and was left untouched.", outputFolder);
        }
        return new EmotionTrainingPlan(EmotionManifest.Read(dataFolder, manifest, excludedEmotions), manifest, outputFolder);
    }

    /// <summary>
    /// Trains and evaluates leave-one-speaker-out, writing the model beside the output folder and moving it into place at
    /// the end: a stop or failure leaves no half model, and an existing model is replaced only then.
    /// </summary>
    /// <remarks>
    /// The training has a run log (New-VoiceEmotionModel): its folds' and the pooled UA and ECE, and the confusion matrix.
    /// </remarks>
    public EmotionModelInfo Train(EmotionTrainingPlan plan, int seed, Action<WorkProgress> progress, CancellationToken cancellation)
    {
        string staging = plan.OutputFolder.TrimEnd(Path.DirectorySeparatorChar) + $".tmp-{Guid.NewGuid():N}";
        var log = new RunLog("New-VoiceEmotionModel", new Dictionary<string, string?>
        {
            ["manifest"] = plan.Manifest, ["output_path"] = plan.OutputFolder, ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
            ["clips"] = plan.ClipCount.ToString(CultureInfo.InvariantCulture),
            ["speakers"] = plan.Speakers.ToString(CultureInfo.InvariantCulture),
        });
        log.Describe("ml.net-maxent", "cpu");
        RunTracker run = _runtime.Runs.Track(log, RunWritePolicy.FirstItem);
        run.ItemStarted();
        try
        {
            EmotionMetrics metrics = EmotionModelBuilder.Build(plan.Clips, staging, seed,
                trainedOn: $"{plan.Manifest} ({plan.Clips.Count} recordings)", licence: "inherits the licence of the training data",
                (stage, done, total, eta) =>
                {
                    progress(new WorkProgress($"{stage}: {done}/{total}", total > 0 ? Math.Min(100, 100 * done / total) : -1, eta));
                    run.Checkpoint();
                }, cancellation, evaluation => log.Training(Training(plan, evaluation)));
            StagedFolder.Replace(staging, plan.OutputFolder);
            run.Finish("completed");
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
        catch (OperationCanceledException)
        {
            run.Finish("stopped");
            throw;
        }
        catch (VoiceCloneException e)
        {
            log.Error("training", e);
            run.Finish("failed");
            throw;
        }
        finally
        {
            run.Finish("failed"); // anything else; a finished run is not finished again
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static RunTraining Training(EmotionTrainingPlan plan, EmotionEvaluation evaluation) => new()
    {
        Clips = plan.ClipCount, Speakers = plan.Speakers, UnweightedAccuracy = evaluation.Metrics.UnweightedAccuracy,
        WeightedAccuracy = evaluation.Metrics.WeightedAccuracy, ExpectedCalibrationError = evaluation.Metrics.ExpectedCalibrationError,
        Labels = [.. evaluation.Metrics.Labels], ConfusionMatrix = evaluation.Metrics.ConfusionMatrix,
        Folds = evaluation.Folds.Select(f => new RunFold
        {
            HeldOut = f.Speaker, Clips = f.Clips, UnweightedAccuracy = f.UnweightedAccuracy,
            ExpectedCalibrationError = f.ExpectedCalibrationError, DurationMs = f.DurationMs,
        }).ToList(),
    };
}

/// <summary>One batch's emotion model and its run (finish it when the batch ends); thread-safe, one call per recording.</summary>
public sealed class EmotionRecognizer
{
    private readonly EmotionModel _model;

    internal EmotionRecognizer(EmotionModel model, BatchRun run)
    {
        _model = model;
        Run = run;
    }

    public BatchRun Run { get; }

    public EmotionResult Recognize(string path)
    {
        double audioSeconds = 0, voicedSeconds = 0;
        return Run.Item(path, () => Classify(path, out audioSeconds, out voicedSeconds), result => new RunItem
        {
            AudioSeconds = audioSeconds, Label = result.Emotion,
            Measures = new()
            {
                ["speech_fraction"] = audioSeconds > 0 ? voicedSeconds / audioSeconds : double.NaN, ["confidence"] = result.Confidence,
            },
        });
    }

    private EmotionResult Classify(string path, out double audioSeconds, out double voicedSeconds)
    {
        using var metrics = ExecutionMetrics.Start("Get-VoiceEmotion", EmotionService.Source, $"path={path}");
        try
        {
            AudioBuffer clip = EmotionFeatures.ReadClip(path);
            audioSeconds = clip.DurationSeconds;
            voicedSeconds = SpeechPresence.VoicedSeconds(clip);
            SpeechPresence.Require(voicedSeconds, path, "judging emotion");
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
