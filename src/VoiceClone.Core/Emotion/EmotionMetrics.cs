namespace VoiceClone.Core.Emotion;

/// <summary>
/// Evaluation of predicted score vectors against true labels: unweighted accuracy (mean per-class recall, so the
/// smaller neutral class counts as much as the others), per-class precision/recall/F1, the confusion matrix (rows =
/// truth), and the expected calibration error over 10 equal-width confidence bins (Guo et al. 2017).
/// </summary>
public sealed class EmotionMetrics
{
    public const int CalibrationBins = 10;

    public required IReadOnlyList<string> Labels { get; init; }
    public required int[][] ConfusionMatrix { get; init; }
    public required double UnweightedAccuracy { get; init; }
    public required double WeightedAccuracy { get; init; }
    public required double[] Recall { get; init; }
    public required double[] Precision { get; init; }
    public required double[] F1 { get; init; }
    public required double ExpectedCalibrationError { get; init; }
    public required int Clips { get; init; }

    public static EmotionMetrics Compute(IReadOnlyList<string> labels, IReadOnlyList<int> truth, IReadOnlyList<float[]> scores)
    {
        int k = labels.Count;
        var confusion = Enumerable.Range(0, k).Select(_ => new int[k]).ToArray();
        var binConfidence = new double[CalibrationBins];
        var binCorrect = new double[CalibrationBins];
        var binCount = new int[CalibrationBins];
        for (int i = 0; i < truth.Count; i++)
        {
            int predicted = ArgMax(scores[i]);
            confusion[truth[i]][predicted]++;
            double confidence = scores[i][predicted];
            int bin = Math.Min(CalibrationBins - 1, (int)(confidence * CalibrationBins));
            binConfidence[bin] += confidence;
            binCorrect[bin] += predicted == truth[i] ? 1 : 0;
            binCount[bin]++;
        }
        double[] recall = Enumerable.Range(0, k).Select(c => Ratio(confusion[c][c], confusion[c].Sum())).ToArray();
        double[] precision = Enumerable.Range(0, k).Select(c => Ratio(confusion[c][c], confusion.Sum(row => row[c]))).ToArray();
        double[] f1 = Enumerable.Range(0, k)
            .Select(c => precision[c] + recall[c] > 0 ? 2 * precision[c] * recall[c] / (precision[c] + recall[c]) : 0)
            .ToArray();
        double ece = 0;
        for (int b = 0; b < CalibrationBins; b++)
        {
            if (binCount[b] > 0) ece += Math.Abs(binCorrect[b] - binConfidence[b]) / truth.Count;
        }
        return new EmotionMetrics
        {
            Labels = labels, ConfusionMatrix = confusion, Recall = recall, Precision = precision, F1 = f1,
            UnweightedAccuracy = recall.Average(),
            WeightedAccuracy = Ratio(Enumerable.Range(0, k).Sum(c => confusion[c][c]), truth.Count),
            ExpectedCalibrationError = ece, Clips = truth.Count,
        };
    }

    public static int ArgMax(float[] scores)
    {
        int best = 0;
        for (int i = 1; i < scores.Length; i++) if (scores[i] > scores[best]) best = i;
        return best;
    }

    private static double Ratio(double a, double b) => b > 0 ? a / b : 0;
}
