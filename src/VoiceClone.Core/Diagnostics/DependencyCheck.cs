using VoiceClone.Core.Emotion;

namespace VoiceClone.Core.Diagnostics;

/// <summary>
/// Exercises the dependency that motivated the module's load context: ML.NET, which needs
/// System.Collections.Immutable 9 while PowerShell 7.4 holds 8.0. The isolation test calls it in a .NET 8 process.
/// </summary>
public static class DependencyCheck
{
    /// <summary>Trains a tiny emotion model; returns the versions it ran with.</summary>
    public static string TrainTinyModel()
    {
        var random = new Random(1);
        var clips = new List<LabelledClip>();
        var views = new List<float[][]>();
        for (int i = 0; i < 28; i++)
        {
            string label = EmotionLabels.All[i % EmotionLabels.All.Count];
            clips.Add(new LabelledClip($"clip{i}.wav", $"speaker{i % 2}", label));
            views.Add([[i % EmotionLabels.All.Count + (float)random.NextDouble(), (float)random.NextDouble()]]);
        }
        new EmotionTrainer(seed: 1).Fit(clips, views);
        return $"ML.NET {typeof(Microsoft.ML.MLContext).Assembly.GetName().Version} with System.Collections.Immutable {typeof(System.Collections.Immutable.ImmutableArray).Assembly.GetName().Version}";
    }
}
