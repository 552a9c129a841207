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
        var views = new List<EmotionClipViews>();
        for (int i = 0; i < 70; i++)
        {
            int label = i % 7;
            clips.Add(new LabelledClip($"{i}.wav", $"s{i % 5}", EmotionLabels.All[label]));
            var oneHot = new float[8];
            oneHot[label] = 1;
            oneHot[7] = float.NaN; // a feature that is never measured
            views.Add(new EmotionClipViews(new EmotionViews([oneHot], VoicedSeconds: 1), [])); // linearly separable
        }
        var a = new EmotionTrainer(seed: 3).CrossValidateBySpeaker(clips, views).Metrics;
        var b = new EmotionTrainer(seed: 3).CrossValidateBySpeaker(clips, views).Metrics;
        Assert.Equal(a.UnweightedAccuracy, b.UnweightedAccuracy);
        Assert.True(a.UnweightedAccuracy > 0.9, $"separable data: {a.UnweightedAccuracy:P0}");
        Assert.All(Enumerable.Range(0, 7), c => Assert.True(a.ConfusionMatrix[c][c] > 0));
    }

    [Fact]
    public void The_uncertain_threshold_is_the_lowest_at_which_named_emotions_are_right_often_enough()
    {
        // Confidence 0.3: right 1 time in 3; 0.6: right 2 in 3; 0.9: always right.
        var truth = new List<int>();
        var scores = new List<float[]>();
        foreach (var (confidence, right) in new[] { (0.3f, 1), (0.6f, 2), (0.9f, 3) })
        {
            for (int i = 0; i < 30; i++)
            {
                truth.Add(i % 3 < right ? 0 : 1);
                scores.Add(OneHot(0, confidence));
            }
        }
        Assert.Equal((1.0, 2.0 / 3), UncertaintyThreshold.Evaluate(scores, truth, 0.2));
        // Answering from 0.31 up leaves the 0.6 and 0.9 groups: right 5 times in 6, above the 70 % target; from 0.2, 2 in 3 is not.
        Assert.Equal(0.31, UncertaintyThreshold.Choose(scores, truth), 9);
        Assert.Equal(0.61, UncertaintyThreshold.Choose(scores, truth, targetAccuracy: 0.9), 9);
        Assert.Equal((1.0 / 3, 1.0), UncertaintyThreshold.Evaluate(scores, truth, 0.61));
    }

    [Fact]
    public void Without_voiced_speech_the_probabilities_fall_to_uniform()
    {
        float[] confident = OneHot(4, 0.9f);
        Assert.Equal(confident, SpeechEvidence.Shrink(confident, voicedSeconds: 2));
        Assert.All(SpeechEvidence.Shrink(confident, voicedSeconds: 0), p => Assert.Equal(1 / 7f, p, 6));
        float[] half = SpeechEvidence.Shrink(confident, SpeechEvidence.FullEvidenceSeconds / 2);
        Assert.Equal(0.9 / 2 + 0.5 / 7, half[4], 5);
        Assert.Equal(1, half.Sum(), 5);
    }
}
