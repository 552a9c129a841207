using VoiceClone.Core.Cloning;
using VoiceClone.Core.Engines;
using VoiceClone.Core.Fingerprints;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Cloning;

public sealed class ClonePairWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private static readonly SynthesizedSpeech Speech = new(Voices.Vowel(150, 0.6), Voices.Rate, "test+voice-match");

    public void Dispose() => _dir.Dispose();

    private static FingerprintDocument Document(string sha256) => new() { Text = "hi", Timestamp = 1, ModelUsed = "m", ReferenceVoiceAnalysis = new(), Audio = new() { Sha256 = sha256 } };

    [Fact]
    public void Writes_both_files_with_the_audio_checksum_in_the_fingerprint_and_no_leftovers()
    {
        var (audio, json) = ClonePairWriter.Write(_dir.Path, "a1", Speech, Document, overwrite: false, CancellationToken.None);
        Assert.Equal(_dir.File("cloned_a1.wav"), audio);
        Assert.Equal(_dir.File("cloned_a1.json"), json);
        Assert.Equal(VoiceClone.Core.IO.FileHash.Sha256(audio), FingerprintReader.ReadDocument(json).Audio!.Sha256);
        Assert.Equal(2, Directory.GetFiles(_dir.Path, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void An_existing_file_of_the_pair_is_left_untouched_unless_overwrite()
    {
        File.WriteAllText(_dir.File("cloned_a1.json"), "precious");
        var e = Assert.Throws<VoiceCloneException>(() => ClonePairWriter.Write(_dir.Path, "a1", Speech, Document, overwrite: false, CancellationToken.None));
        Assert.Equal("OutputExists", e.ErrorId);
        Assert.Equal("precious", File.ReadAllText(_dir.File("cloned_a1.json")));
        Assert.False(File.Exists(_dir.File("cloned_a1.wav")));
        Assert.Single(Directory.GetFiles(_dir.Path));

        ClonePairWriter.Write(_dir.Path, "a1", Speech, Document, overwrite: true, CancellationToken.None);
        Assert.NotEqual("precious", File.ReadAllText(_dir.File("cloned_a1.json")));
        Assert.True(File.Exists(_dir.File("cloned_a1.wav")));
    }

    [Fact]
    public void A_stop_before_the_renames_leaves_nothing()
    {
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        Assert.Throws<OperationCanceledException>(() => ClonePairWriter.Write(_dir.Path, "a1", Speech, Document, overwrite: false, stop.Token));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Drawn_ids_are_unique_and_safe_file_names()
    {
        string[] ids = Enumerable.Range(0, 20_000).AsParallel().Select(_ => CloneIds.New()).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ids.Take(100), id => Assert.True(CloneIds.IsValid(id), id));
        Assert.Matches(@"^\d{8}-\d{6}-\d{3}-[0-9a-f]{8}$", ids[0]);
        Assert.False(CloneIds.IsValid("../escape"));
        Assert.False(CloneIds.IsValid(".hidden"));
        Assert.False(CloneIds.IsValid(new string('a', 65)));
        Assert.True(CloneIds.IsValid("daily-news_2.v1"));
    }
}
