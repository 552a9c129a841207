using VoiceClone.Core.Emotion;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Emotion;

public sealed class EmotionManifestTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A manifest of <paramref name="perEmotion"/> clips per emotion over two speakers, plus extra lines.</summary>
    private string Manifest(int perEmotion, string header = "file,speaker,emotion", params string[] extraLines)
    {
        var lines = new List<string> { header };
        foreach (string emotion in EmotionLabels.All)
        {
            for (int i = 0; i < perEmotion; i++)
            {
                string name = $"{emotion}_{i}.wav";
                File.WriteAllBytes(_dir.File(name), [0]);
                lines.Add($"{name},{(i % 2 == 0 ? "anna" : "ben")},{emotion}");
            }
        }
        lines.AddRange(extraLines);
        return _dir.Write("manifest.csv", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));
    }

    [Fact]
    public void Reads_files_speakers_and_labels_and_drops_excluded_emotions()
    {
        File.WriteAllBytes(_dir.File("s.wav"), [0]);
        var clips = EmotionManifest.Read(_dir.Path, Manifest(10, extraLines: "s.wav,anna,surprised"), ["surprised"]);
        Assert.Equal(70, clips.Count);
        Assert.Equal(_dir.File("neutral_0.wav"), clips[0].Path);
        Assert.Equal(["anna", "ben"], clips.Select(c => c.Speaker).Distinct().Order());
    }

    [Fact]
    public void The_RAVDESS_actor_column_counts_as_speaker()
    {
        Assert.Equal(70, EmotionManifest.Read(_dir.Path, Manifest(10, header: "file,actor,emotion"), []).Count);
    }

    [Fact]
    public void Unknown_labels_are_refused_with_the_line_and_the_way_out()
    {
        File.WriteAllBytes(_dir.File("s.wav"), [0]);
        var e = Assert.Throws<VoiceCloneException>(
            () => EmotionManifest.Read(_dir.Path, Manifest(10, extraLines: "s.wav,anna,surprised"), []));
        Assert.Equal("TrainingDataInvalid", e.ErrorId);
        Assert.Contains("line 72", e.Message);
        Assert.Contains("leave other labels out", e.Message);
    }

    [Fact]
    public void Missing_files_too_few_clips_and_bad_headers_are_clear_errors()
    {
        Assert.Equal("PathNotFound", Assert.Throws<VoiceCloneException>(() =>
            EmotionManifest.Read(_dir.Path, Manifest(10, extraLines: "gone.wav,anna,sad"), [])).ErrorId);
        var few = Assert.Throws<VoiceCloneException>(() => EmotionManifest.Read(_dir.Path, Manifest(3), []));
        Assert.Contains("has 3 recordings", few.Message);
        var header = Assert.Throws<VoiceCloneException>(
            () => EmotionManifest.Read(_dir.Path, Manifest(10, header: "path,who,feeling"), []));
        Assert.Contains("file, speaker (or actor) and emotion", header.Message);
    }
}
