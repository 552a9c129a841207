using VoiceClone.Core.Cloning;
using VoiceClone.Core.Engines;
using VoiceClone.Core.Fingerprints;
using VoiceClone.Core.IO;
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
        Assert.Equal(2, Files().Length);
    }

    [Fact]
    public void An_existing_file_of_the_pair_is_left_untouched_unless_overwrite()
    {
        File.WriteAllText(_dir.File("cloned_a1.json"), "precious");
        var e = Assert.Throws<VoiceCloneException>(() => ClonePairWriter.Write(_dir.Path, "a1", Speech, Document, overwrite: false, CancellationToken.None));
        Assert.Equal("OutputExists", e.ErrorId);
        Assert.Equal("precious", File.ReadAllText(_dir.File("cloned_a1.json")));
        Assert.False(File.Exists(_dir.File("cloned_a1.wav")));
        Assert.Single(Files());

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
        Assert.Empty(Files());
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

    [Fact]
    public async Task Of_many_writers_of_one_id_without_overwrite_exactly_one_wins_and_its_pair_matches()
    {
        for (int round = 0; round < 25; round++)
        {
            string folder = Path.Combine(_dir.Path, $"round{round}");
            using var start = new Barrier(12);
            // Each writer's audio differs, so a fingerprint paired with another writer's audio would show.
            string[] outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(w => Task.Run(() =>
            {
                var speech = new SynthesizedSpeech(Voices.Vowel(120 + 10 * w, 0.3), Voices.Rate, $"writer{w}");
                start.SignalAndWait();
                try
                {
                    ClonePairWriter.Write(folder, "shared", speech, Document, overwrite: false, CancellationToken.None);
                    return "won";
                }
                catch (VoiceCloneException e)
                {
                    return e.ErrorId;
                }
            })));
            Assert.Single(outcomes, o => o == "won");
            Assert.All(outcomes.Where(o => o != "won"), o => Assert.Equal("OutputExists", o));
            string wav = Path.Combine(folder, "cloned_shared.wav"), json = Path.Combine(folder, "cloned_shared.json");
            Assert.Equal(FileHash.Sha256(wav), FingerprintReader.ReadDocument(json).Audio!.Sha256);
            Assert.Equal(2, Directory.GetFiles(folder).Count(f => Path.GetFileName(f) != FolderLock.FileName)); // no temporaries
        }
    }

    [Fact]
    public async Task Writers_that_overwrite_leave_one_whole_matching_pair()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(() =>
            ClonePairWriter.Write(_dir.Path, "forced", new SynthesizedSpeech(Voices.Vowel(120 + 10 * w, 0.3), Voices.Rate, $"writer{w}"),
                Document, overwrite: true, CancellationToken.None))));
        Assert.Equal(FileHash.Sha256(_dir.File("cloned_forced.wav")), FingerprintReader.ReadDocument(_dir.File("cloned_forced.json")).Audio!.Sha256);
    }

    [Fact]
    public void A_dead_processs_staging_files_are_removed_and_a_live_ones_are_kept()
    {
        string dead = _dir.File($".cloned_x.wav.{StaleStagingFiles.HostTag}.999999.{Guid.NewGuid():N}.tmp");
        string live = _dir.File($".cloned_y.wav.{StaleStagingFiles.HostTag}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        string otherHost = _dir.File($".cloned_z.wav.another-host.999999.{Guid.NewGuid():N}.tmp");
        foreach (string f in new[] { dead, live, otherHost }) File.WriteAllBytes(f, []);
        Assert.Equal(1, StaleStagingFiles.Remove(_dir.Path));
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(live) && File.Exists(otherHost));
    }

    /// <summary>Everything in the folder, hidden files included, but the writers' lock file.</summary>
    private string[] Files() =>
        Directory.GetFiles(_dir.Path, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != FolderLock.FileName).ToArray();
}
