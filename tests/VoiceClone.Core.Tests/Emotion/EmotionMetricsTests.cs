using VoiceClone.Core.Emotion;

namespace VoiceClone.Core.Tests.Emotion;

public sealed class EmotionMetricsTests
{
    private static float[] OneHot(int index, float confidence)
    {
        var scores = Enumerable.Repeat((1 - confidence) / 6, 7).ToArray();
        scores[index] = confidence;
        return scores;
    }

    [Fact]
    public void Unweighted_accuracy_averages_recall_so_small_classes_count_fully()
    {
        // 10 neutral clips all wrong, 90 calm clips all right: weighted accuracy 90 %, unweighted (mean recall) 50 % over two classes.
        var truth = Enumerable.Repeat(0, 10).Concat(Enumerable.Repeat(1, 90)).ToList();
        var scores = truth.Select(_ => OneHot(1, 0.9f)).ToList();
        var labels = EmotionLabels.All.Take(2).ToList();
        var metrics = EmotionMetrics.Compute(labels, truth, scores.Select(s => s[..2]).ToList());
        Assert.Equal(0.9, metrics.WeightedAccuracy, 9);
        Assert.Equal(0.5, metrics.UnweightedAccuracy, 9);
        Assert.Equal([0, 10], metrics.ConfusionMatrix[0]);
        Assert.Equal(0.9, metrics.Precision[1], 9);
    }

    [Fact]
    public void Calibration_error_is_zero_when_confidence_matches_accuracy_and_large_when_overconfident()
    {
        // 80 % confident and right 8 times in 10: calibrated.
        var truth = Enumerable.Range(0, 100).Select(i => i % 7).ToList();
        var calibrated = truth.Select((t, i) => OneHot(i % 10 < 8 ? t : (t + 1) % 7, 0.8f)).ToList();
        Assert.Equal(0, EmotionMetrics.Compute(EmotionLabels.All, truth, calibrated).ExpectedCalibrationError, 6);
        // 99 % confident but right only 8 times in 10.
        var overconfident = truth.Select((t, i) => OneHot(i % 10 < 8 ? t : (t + 1) % 7, 0.99f)).ToList();
        Assert.Equal(0.19, EmotionMetrics.Compute(EmotionLabels.All, truth, overconfident).ExpectedCalibrationError, 2);
    }

    [Fact]
    public void Training_is_deterministic_with_a_seed_and_scores_follow_the_label_order()
    {
        var clips = new List<LabelledClip>();
        var views = new List<float[][]>();
        for (int i = 0; i < 70; i++)
        {
            int label = i % 7;
            clips.Add(new LabelledClip($"{i}.wav", $"s{i % 5}", EmotionLabels.All[label]));
            var oneHot = new float[8];
            oneHot[label] = 1;
            oneHot[7] = float.NaN; // a feature that is never measured
            views.Add([oneHot]);   // linearly separable
        }
        var a = new EmotionTrainer(seed: 3).CrossValidateBySpeaker(clips, views).Metrics;
        var b = new EmotionTrainer(seed: 3).CrossValidateBySpeaker(clips, views).Metrics;
        Assert.Equal(a.UnweightedAccuracy, b.UnweightedAccuracy);
        Assert.True(a.UnweightedAccuracy > 0.9, $"separable data: {a.UnweightedAccuracy:P0}");
        Assert.All(Enumerable.Range(0, 7), c => Assert.True(a.ConfusionMatrix[c][c] > 0));
    }
}
