using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Emotion;

/// <summary>
/// A trained emotion classifier on disk: emotion.zip (the ML.NET pipeline) beside emotion.json, which records the
/// label order, the feature version and names it was trained on, and how it measured. Loading checks all three
/// against this module, so a model can never index a label it was not trained with.
/// </summary>
public sealed class EmotionModel
{
    public const string ModelFile = "emotion.zip";
    public const string MetadataFile = "emotion.json";
    private readonly PredictionEngine<EmotionTrainer.Row, EmotionScores> _engine;
    private readonly object _gate = new();

    private EmotionModel(string folder, EmotionModelMetadata metadata, PredictionEngine<EmotionTrainer.Row, EmotionScores> engine)
    {
        Folder = folder;
        Metadata = metadata;
        _engine = engine;
    }

    public string Folder { get; }
    public EmotionModelMetadata Metadata { get; }

    /// <summary>One calibrated probability per emotion, in <see cref="EmotionLabels"/> order. Thread-safe.</summary>
    public float[] Predict(AudioBuffer audio) => Predict(EmotionFeatures.Views(audio));

    /// <summary>The same from precomputed views (<see cref="EmotionFeatures.Views"/>): the classifier alone.</summary>
    public float[] Predict(EmotionViews views) => SpeechEvidence.Shrink(Calibrate(PredictUncalibrated(views.Views)), views.VoicedSeconds);

    /// <summary>The mean probability over the views, before calibration.</summary>
    public float[] PredictUncalibrated(float[][] views)
    {
        lock (_gate) return EmotionTrainer.AverageOverViews(_engine, views);
    }

    /// <summary>Temperature scaling with the model's temperature.</summary>
    public float[] Calibrate(float[] uncalibrated) => TemperatureScaling.Apply(uncalibrated, Metadata.Temperature);

    /// <summary>The most probable emotion, its calibrated confidence and every label's score.</summary>
    public EmotionResult Classify(AudioBuffer audio, string path)
    {
        float[] scores = Predict(audio);
        int best = EmotionMetrics.ArgMax(scores);
        return new EmotionResult
        {
            Path = path,
            Emotion = scores[best] >= Metadata.UncertainBelow ? Metadata.Labels[best] : EmotionLabels.Uncertain,
            MostProbable = Metadata.Labels[best],
            Confidence = scores[best],
            Scores = Metadata.Labels.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => (double)scores[x.i]),
            ModelPath = Folder,
        };
    }

    public static void Save(string folder, ITransformer model, MLContext ml, EmotionModelMetadata metadata)
    {
        Directory.CreateDirectory(folder);
        var schema = ml.Data
            .LoadFromEnumerable(Array.Empty<EmotionTrainer.Row>(), EmotionTrainer.Schema(metadata.FeatureNames.Count))
            .Schema;
        ml.Model.Save(model, schema, Path.Combine(folder, ModelFile));
        File.WriteAllText(Path.Combine(folder, MetadataFile), JsonSerializer.Serialize(metadata, EmotionModelMetadata.Json));
    }

    public static EmotionModel Load(string folder)
    {
        string metadataPath = Path.Combine(folder, MetadataFile), modelPath = Path.Combine(folder, ModelFile);
        if (!File.Exists(metadataPath) || !File.Exists(modelPath))
        {
            throw Incompatible(folder, $"it needs both {ModelFile} and {MetadataFile}");
        }
        EmotionModelMetadata metadata;
        try
        {
            metadata = JsonSerializer.Deserialize<EmotionModelMetadata>(File.ReadAllText(metadataPath), EmotionModelMetadata.Json)
                ?? throw Incompatible(folder, $"{MetadataFile} is empty");
        }
        catch (JsonException e)
        {
            throw Incompatible(folder, $"{MetadataFile} is not valid ({e.Message})");
        }
        if (metadata.FeatureVersion != EmotionFeatures.Version || !metadata.FeatureNames.SequenceEqual(EmotionFeatures.Names))
        {
            throw Incompatible(folder,
                $"it was trained on feature version {metadata.FeatureVersion} ({metadata.FeatureNames.Count} features); "
                + $"this module computes version {EmotionFeatures.Version} ({EmotionFeatures.Names.Count})");
        }
        if (!metadata.SpeedPerturbation.SequenceEqual(Emotion.SpeedPerturbation.Factors))
        {
            throw Incompatible(folder, $"it was trained at speeds [{string.Join(", ", metadata.SpeedPerturbation)}]; "
                + $"this module predicts at [{string.Join(", ", Emotion.SpeedPerturbation.Factors)}]");
        }
        if (!(metadata.Temperature > 0)) throw Incompatible(folder, $"its calibration temperature {metadata.Temperature} is not positive");
        if (!(metadata.UncertainBelow is >= 0 and <= 1))
        {
            throw Incompatible(folder, $"its 'uncertain' threshold {metadata.UncertainBelow} is not a probability");
        }
        if (!metadata.Labels.SequenceEqual(EmotionLabels.All))
        {
            throw Incompatible(folder,
                $"its labels are [{string.Join(", ", metadata.Labels)}]; this module uses [{string.Join(", ", EmotionLabels.All)}]");
        }
        var ml = new MLContext(seed: 0);
        try
        {
            ITransformer model = ml.Model.Load(modelPath, out _);
            var engine = ml.Model.CreatePredictionEngine<EmotionTrainer.Row, EmotionScores>(model,
                inputSchemaDefinition: EmotionTrainer.Schema(metadata.FeatureNames.Count));
            return new EmotionModel(folder, metadata, engine);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or IOException or ArgumentException)
        {
            throw Incompatible(folder, $"{ModelFile} cannot be loaded ({e.Message})");
        }
    }

    private static VoiceCloneException Incompatible(string folder, string defect) =>
        new(VoiceCloneErrors.EmotionModelIncompatible, $"The emotion model in '{folder}' cannot be used: {defect}.", folder);
}

/// <summary>What emotion.json records about a trained model.</summary>
public sealed record EmotionModelMetadata
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public int FeatureVersion { get; init; } = EmotionFeatures.Version;
    public IReadOnlyList<string> FeatureNames { get; init; } = EmotionFeatures.Names;
    /// <summary>Speeds each clip was also seen at in training; prediction averages over the same.</summary>
    public IReadOnlyList<double> SpeedPerturbation { get; init; } = Emotion.SpeedPerturbation.Factors;
    /// <summary>Temperature-scaling calibration, fitted on leave-one-speaker-out predictions.</summary>
    public double Temperature { get; init; } = 1;
    /// <summary>A top probability under this is reported as <see cref="EmotionLabels.Uncertain"/> (the scores stay).</summary>
    public double UncertainBelow { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = EmotionLabels.All;
    public string Trainer { get; init; } = "LbfgsMaximumEntropy";
    public int Seed { get; init; }
    public int Clips { get; init; }
    public int Speakers { get; init; }
    public string TrainedOn { get; init; } = "";
    public string Licence { get; init; } = "";
    /// <summary>Leave-one-speaker-out unweighted accuracy.</summary>
    public double UnweightedAccuracy { get; init; }
    public double ExpectedCalibrationError { get; init; }
}
