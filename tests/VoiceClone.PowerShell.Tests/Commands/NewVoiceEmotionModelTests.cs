using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

/// <summary>
/// Training end to end on a small synthetic corpus: each "emotion" is a voice at its own pitch, spoken by two "speakers".
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class NewVoiceEmotionModelTests : IDisposable
{
    private static readonly string[] Emotions = ["neutral", "calm", "happy", "sad", "angry", "fearful", "disgust"];
    private readonly ModuleSession _session = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-train-").FullName;

    public NewVoiceEmotionModelTests()
    {
        var lines = new List<string> { "file,speaker,emotion" };
        for (int e = 0; e < Emotions.Length; e++)
        {
            for (int i = 0; i < 10; i++)
            {
                string name = $"{Emotions[e]}_{i}.wav";
                TestAudio.WriteVoice(Path.Combine(_dir, name), 100 + 40 * e + i % 3, 1.0);
                lines.Add($"{name},{(i % 2 == 0 ? "anna" : "ben")},{Emotions[e]}");
            }
        }
        File.WriteAllLines(Path.Combine(_dir, "labels.csv"), lines);
    }

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Trains_evaluates_writes_the_model_and_the_model_is_usable()
    {
        string model = Path.Combine(_dir, "model");
        var info = _session.Invoke(
            $"New-VoiceEmotionModel -DataPath '{_dir}' -Manifest '{_dir}/labels.csv' -OutputPath '{model}' -Seed 5").Single();
        Assert.Equal("VoiceClone.EmotionModelInfo", info.BaseObject.GetType().FullName);
        Assert.True((double)info.Properties["UnweightedAccuracy"].Value > 0.8, "pitch separates these synthetic classes");
        foreach (string file in new[] { "emotion.zip", "emotion.json", "metrics.json", "confusion_matrix.png" })
            Assert.True(File.Exists(Path.Combine(model, file)), file);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(model, "confusion_matrix.png")).Take(4));
        Assert.Empty(Directory.GetDirectories(_dir, "model.tmp-*"));

        string sad = Path.Combine(_dir, "sad_0.wav");
        var result = _session.Invoke($"Get-VoiceEmotion '{sad}' -ModelPath '{model}'").Single();
        Assert.Equal("sad", result.Properties["Emotion"].Value);
    }

    [Fact]
    public void WhatIf_writes_nothing_and_an_existing_model_needs_Force()
    {
        string model = Path.Combine(_dir, "model");
        _session.Invoke($"New-VoiceEmotionModel -DataPath '{_dir}' -Manifest '{_dir}/labels.csv' -OutputPath '{model}' -WhatIf");
        Assert.False(Directory.Exists(model));
        Directory.CreateDirectory(model);
        File.WriteAllText(Path.Combine(model, "keep.txt"), "mine");
        var id = _session.Invoke(
            $"try {{ New-VoiceEmotionModel -DataPath '{_dir}' -Manifest '{_dir}/labels.csv' -OutputPath '{model}' }} " +
            $"catch {{ $_.FullyQualifiedErrorId }}").Single();
        Assert.StartsWith("OutputExists,", (string)id.BaseObject);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(model, "keep.txt")));
    }

    [Fact]
    public void Unknown_labels_are_a_TrainingDataInvalid_error_unless_excluded()
    {
        File.AppendAllLines(Path.Combine(_dir, "labels.csv"), ["neutral_0.wav,anna,bored"]);
        var id = _session.Invoke(
            $"try {{ New-VoiceEmotionModel -DataPath '{_dir}' -Manifest '{_dir}/labels.csv' -OutputPath '{_dir}/m' -WhatIf }} " +
            $"catch {{ $_.FullyQualifiedErrorId }}").Single();
        Assert.StartsWith("TrainingDataInvalid,", (string)id.BaseObject);
        Assert.Empty(_session.Invoke(
            $"New-VoiceEmotionModel -DataPath '{_dir}' -Manifest '{_dir}/labels.csv' -OutputPath '{_dir}/m' " +
            $"-ExcludeEmotion bored -WhatIf"));
    }
}
