using System.Text.Json.Nodes;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Emotion;

/// <summary>The model that ships in models/emotion, and the checks that keep a wrong model from ever loading.</summary>
public sealed class EmotionModelTests : IDisposable
{
    private static readonly string Shipped = Path.Combine(SharedData.RepositoryRoot, "models", "emotion");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string CopyOfShipped()
    {
        foreach (string f in Directory.GetFiles(Shipped)) File.Copy(f, _dir.File(Path.GetFileName(f)));
        return _dir.Path;
    }

    private void EditMetadata(Action<JsonObject> edit)
    {
        string path = _dir.File(EmotionModel.MetadataFile);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    [Fact]
    public void The_shipped_model_loads_and_scores_all_seven_emotions_summing_to_one()
    {
        EmotionModel model = EmotionModel.Load(Shipped);
        float[] scores = model.Predict(new AudioBuffer(Voices.Harmonic(t => 180 + 40 * Math.Sin(6 * t), 2.0), Voices.Rate));
        Assert.Equal(7, scores.Length);
        Assert.Equal(1.0, scores.Sum(), 4);
        Assert.All(scores, s => Assert.InRange(s, 0f, 1f));
        Assert.Equal(EmotionLabels.All, model.Metadata.Labels);
        Assert.Contains("CC BY-NC-SA", model.Metadata.Licence);
    }

    [Fact]
    public void A_model_with_another_label_set_is_refused()
    {
        CopyOfShipped();
        EditMetadata(j => j["labels"] = new JsonArray("neutral", "calm", "happy", "sad", "angry", "fearful", "surprised"));
        var e = Assert.Throws<VoiceCloneException>(() => EmotionModel.Load(_dir.Path));
        Assert.Equal("EmotionModelIncompatible", e.ErrorId);
        Assert.Contains("surprised", e.Message);
    }

    [Fact]
    public void A_model_whose_uncertain_threshold_is_not_a_probability_is_refused()
    {
        CopyOfShipped();
        EditMetadata(j => j["uncertain_below"] = 1.5);
        Assert.Contains("'uncertain' threshold", Assert.Throws<VoiceCloneException>(() => EmotionModel.Load(_dir.Path)).Message);
    }

    [Fact]
    public void A_model_from_another_feature_version_is_refused()
    {
        CopyOfShipped();
        EditMetadata(j => j["feature_version"] = EmotionFeatures.Version + 1);
        Assert.Contains("feature version", Assert.Throws<VoiceCloneException>(() => EmotionModel.Load(_dir.Path)).Message);
    }

    [Fact]
    public void Missing_or_damaged_files_are_refused()
    {
        Assert.Equal("EmotionModelIncompatible", Assert.Throws<VoiceCloneException>(() => EmotionModel.Load(_dir.Path)).ErrorId);
        CopyOfShipped();
        File.WriteAllText(_dir.File(EmotionModel.ModelFile), "not a zip");
        Assert.Equal("EmotionModelIncompatible", Assert.Throws<VoiceCloneException>(() => EmotionModel.Load(_dir.Path)).ErrorId);
    }
}
