using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

[Collection(EngineCollection.Name)]
public sealed class GetVoiceEmotionTests : IDisposable
{
    private readonly ModuleSession _session = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-emo-").FullName;

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Uses_the_model_that_ships_with_the_module_and_emits_seven_scores()
    {
        string wav = Path.Combine(_dir, "v.wav");
        TestAudio.WriteVoice(wav, 200, 2.0);
        var r = _session.Invoke($"Get-VoiceEmotion '{wav}'").Single();
        Assert.Equal("VoiceClone.EmotionResult", r.BaseObject.GetType().FullName);
        var scores = (IReadOnlyDictionary<string, double>)r.Properties["Scores"].Value;
        Assert.Equal(["neutral", "calm", "happy", "sad", "angry", "fearful", "disgust"], scores.Keys);
        Assert.Equal(1.0, scores.Values.Sum(), 4);
        Assert.Equal(scores.Values.Max(), (double)r.Properties["Confidence"].Value, 6);
        Assert.Equal(scores.MaxBy(s => s.Value).Key, r.Properties["Emotion"].Value);
        // From a source checkout the repository's models/ comes first; an installed module uses the copy it carries.
        Assert.EndsWith(Path.Combine("models", "emotion"), (string)r.Properties["ModelPath"].Value);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.ModuleDirectory, "models", "emotion", "emotion.json")));
    }

    [Fact]
    public void An_incompatible_model_stops_the_command_with_its_error_id()
    {
        string model = Directory.CreateDirectory(Path.Combine(_dir, "model")).FullName;
        File.WriteAllText(Path.Combine(model, "emotion.json"), "{}");
        var id = _session.Invoke($"try {{ Get-VoiceEmotion '{_dir}' -ModelPath '{model}' }} catch {{ $_.FullyQualifiedErrorId }}").Single();
        Assert.StartsWith("EmotionModelIncompatible,", (string)id.BaseObject);
    }
}
