namespace VoiceClone;

/// <summary>What New-VoiceEmotionModel trained and how it measured (leave-one-speaker-out).</summary>
public sealed class EmotionModelInfo
{
    public string Path { get; init; } = "";
    public double UnweightedAccuracy { get; init; }
    public double WeightedAccuracy { get; init; }
    public double ExpectedCalibrationError { get; init; }
    /// <summary>Recall per emotion.</summary>
    public IReadOnlyDictionary<string, double> Recall { get; init; } = new Dictionary<string, double>();
    public int Clips { get; init; }
    public int Speakers { get; init; }
    public string MetricsPath { get; init; } = "";
    public string ConfusionMatrixPath { get; init; } = "";
}
