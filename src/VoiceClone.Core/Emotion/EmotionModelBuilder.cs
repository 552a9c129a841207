using System.Diagnostics;
using System.Text.Json;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Emotion;

/// <summary>
/// The whole training job behind New-VoiceEmotionModel: features for every clip, leave-one-speaker-out evaluation
/// (logged as "Fold i/N ... ETA ..."), the final model on all clips, and the model, its metadata and metrics.json
/// written to the output folder. Times left come from <see cref="BatchEta"/>, as for every long command.
/// </summary>
public static class EmotionModelBuilder
{
    public const string Source = "emotion_trainer";
    public const string MetricsFile = "metrics.json";
    public const string ConfusionMatrixFile = "confusion_matrix.png";

    /// <summary>
    /// Progress as (stage, done, total, seconds remaining or -1); <paramref name="evaluated"/> gets the folds and pooled
    /// result.
    /// </summary>
    public static EmotionMetrics Build(IReadOnlyList<LabelledClip> clips, string outputFolder, int seed, string trainedOn, string licence,
        Action<string, int, int, int>? progress = null, CancellationToken cancel = default, Action<EmotionEvaluation>? evaluated = null)
    {
        var log = ModuleLog.For(Source);
        var watch = Stopwatch.StartNew();
        log.Information("Extracting features from {Clips} recordings of {Speakers} speakers, each at {Views} speeds",
            clips.Count, clips.Select(c => c.Speaker).Distinct().Count(), SpeedPerturbation.Factors.Count + 1);
        var extraction = new BatchEta(Source);
        var features = EmotionTrainer.ExtractFeatures(clips, EmotionAugmentation.Default, onClip: done =>
        {
            int eta = extraction.SecondsRemaining(done, clips.Count);
            extraction.Log($"Extracted features of {done}/{clips.Count} recordings", eta);
            progress?.Invoke("Extracting features", done, clips.Count, eta);
        }, cancel: cancel);
        log.Information("Features extracted in {Seconds:F1} s", watch.Elapsed.TotalSeconds);

        var trainer = new EmotionTrainer(seed);
        var folds = new BatchEta(Source);
        EmotionEvaluation evaluation = trainer.CrossValidateBySpeaker(clips, features, (fold, total, speaker) =>
        {
            int eta = folds.SecondsRemaining(fold - 1, total);
            log.Information("Fold {Fold}/{Total} (leaving out speaker {Speaker}) ETA {Eta}", fold, total, speaker, BatchEta.Format(eta));
            progress?.Invoke("Leave-one-speaker-out evaluation", fold - 1, total, eta);
        }, cancel);
        evaluated?.Invoke(evaluation);
        EmotionMetrics metrics = evaluation.Metrics;
        log.Information("Leave-one-speaker-out unweighted accuracy {Accuracy:P1}, expected calibration error {Ece:F3}",
            metrics.UnweightedAccuracy, metrics.ExpectedCalibrationError);

        var model = trainer.Fit(clips, features.Select(f => f.Training).ToList());
        var metadata = new EmotionModelMetadata
        {
            Seed = seed, Clips = clips.Count, Speakers = clips.Select(c => c.Speaker).Distinct().Count(),
            TrainedOn = trainedOn, Licence = licence,
            Temperature = Math.Round(evaluation.Temperature, 4), UncertainBelow = evaluation.UncertainBelow,
            UnweightedAccuracy = Math.Round(metrics.UnweightedAccuracy, 4),
            ExpectedCalibrationError = Math.Round(metrics.ExpectedCalibrationError, 4),
        };
        EmotionModel.Save(outputFolder, model, trainer.Context, metadata);
        File.WriteAllText(Path.Combine(outputFolder, MetricsFile), JsonSerializer.Serialize(new
        {
            evaluation = "leave-one-speaker-out",
            unweighted_accuracy = metrics.UnweightedAccuracy,
            weighted_accuracy = metrics.WeightedAccuracy,
            expected_calibration_error = metrics.ExpectedCalibrationError,
            uncertain_below = evaluation.UncertainBelow,
            answered = evaluation.Answered,
            right_when_answered = evaluation.RightWhenAnswered,
            clips = metrics.Clips,
            labels = metrics.Labels,
            recall = metrics.Recall,
            precision = metrics.Precision,
            f1 = metrics.F1,
            confusion_matrix = metrics.ConfusionMatrix,
        }, new JsonSerializerOptions { WriteIndented = true }));
        ConfusionMatrixPlot.Save(metrics, Path.Combine(outputFolder, ConfusionMatrixFile));
        log.Information("Model written to {Folder} in {Seconds:F1} s", outputFolder, watch.Elapsed.TotalSeconds);
        return metrics;
    }
}
