using System.Text;
using System.Text.Json;
using VoiceClone.Core.Batches;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Batches;

/// <summary>Results a re-run resumes from: whole lines flushed one by one, read back as the same objects.</summary>
public sealed class ResultJournalTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static VoiceFeatures Features(string path, double pitch) => new()
    {
        Path = path, Pitch = pitch, PitchMedian = double.NaN, PauseDurations = [0.3, 0.51], MfccMeans = [1.5, -2.25],
        FeatureNames = ["pitch", "hnr"], FeatureVector = [pitch, double.PositiveInfinity], WpmSource = "Estimated",
        Contour = [new PitchContourPoint(0.01, 120.5, 0.9), new PitchContourPoint(0.02, double.NaN, 0.1)],
    };

    private static string Json(object o) =>
        JsonSerializer.Serialize(o, o.GetType(), new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });

    private static List<ResultLine> ReadAll(string folder) => Directory.GetFiles(folder).Order().SelectMany(ResultReader.Read).ToList();

    [Fact]
    public void Results_read_back_as_equal_objects_NaN_infinity_arrays_contour_and_scores_included()
    {
        var emotion = new EmotionResult
        {
            Path = "/x/a.wav", Emotion = "calm", Confidence = 0.4, ModelPath = "m", Scores = new Dictionary<string, double> { ["calm"] = 0.4, ["sad"] = 0.6 },
        };
        using (var features = ResultJournal.Open(_dir.Path, ResultFormat.Features, false, ShardAssignment.Whole))
        {
            features.Append("a.wav", Features("/x/a.wav", 123.456789012345));
        }
        using (var emotions = ResultJournal.Open(_dir.Path, ResultFormat.Emotion, false, ShardAssignment.Whole))
        {
            emotions.Append("a.wav", emotion);
        }
        List<object> back = ReadAll(_dir.Path).Select(ResultFormat.Deserialize).ToList();
        Assert.Equal(Json(Features("/x/a.wav", 123.456789012345)), Json(back.OfType<VoiceFeatures>().Single()));
        Assert.Equal(Json(emotion), Json(back.OfType<EmotionResult>().Single()));
    }

    [Fact]
    public void A_reopened_folder_knows_what_is_done_and_a_new_task_writes_a_file_of_its_own_only_when_it_has_a_result()
    {
        var shard = ShardAssignment.Create(1, 4);
        using (var first = ResultJournal.Open(_dir.Path, ResultFormat.Features, true, shard))
        {
            first.Append("a.wav", Features("a", 1));
            first.Append("b.wav", Features("b", 2));
            Assert.Matches(@"^features\.rows-0001-of-0004\.\d{8}T\d{6}-.+-\d+-[0-9a-f]{4}\.jsonl$", Path.GetFileName(first.FilePath));
        }
        using (var second = ResultJournal.Open(_dir.Path, ResultFormat.Features, true, shard))
        {
            Assert.Equal(2, second.EarlierCount);
            Assert.True(second.IsDone("a.wav"));
            Assert.False(second.IsDone("c.wav"));
            Assert.Null(second.FilePath);
        }
        using (var emotion = ResultJournal.Open(_dir.Path, ResultFormat.Emotion, true, shard))
        {
            Assert.False(emotion.IsDone("a.wav")); // another kind is another batch
        }
        Assert.Single(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void A_line_cut_short_by_a_kill_is_passed_over_and_its_input_counts_as_not_done()
    {
        string file;
        using (var journal = ResultJournal.Open(_dir.Path, ResultFormat.Features, false, ShardAssignment.Whole))
        {
            journal.Append("a.wav", Features("a", 1));
            journal.Append("b.wav", Features("b", 2));
            file = journal.FilePath!;
        }
        byte[] bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^40]); // the kill came in the middle of the second line's write
        using var reopened = ResultJournal.Open(_dir.Path, ResultFormat.Features, false, ShardAssignment.Whole);
        Assert.True(reopened.IsDone("a.wav"));
        Assert.False(reopened.IsDone("b.wav"));
        Assert.Equal(["a.wav"], ReadAll(_dir.Path).Select(l => l.Key));
    }

    [Fact]
    public void A_damaged_line_before_the_last_is_BatchResultInvalid_naming_the_file_and_line()
    {
        string file = _dir.Write("mine.jsonl", Encoding.UTF8.GetBytes(
            "{\"kind\":\"features\",\"key\":\"a\",\"result\":{}}\n{\"kind\":\"features\",\"key\":\"b\",\"res\n{\"kind\":\"features\",\"key\":\"c\",\"result\":{}}\n"));
        var e = Assert.Throws<VoiceCloneException>(() => ResultJournal.Open(_dir.Path, ResultFormat.Features, false, ShardAssignment.Whole));
        Assert.Equal("BatchResultInvalid", e.ErrorId);
        Assert.Contains($"Line 2 of result file '{file}'", e.Message);
    }

    [Theory]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"kind\":\"pitch\",\"key\":\"a\",\"result\":{}}", "kind is not features or emotion")]
    [InlineData("{\"kind\":\"emotion\",\"result\":{}}", "no key")]
    [InlineData("{\"kind\":\"emotion\",\"key\":\"a\"}", "no result object")]
    public void Lines_of_another_shape_are_refused(string line, string defect)
    {
        _dir.Write("x.jsonl", Encoding.UTF8.GetBytes(line + "\n"));
        var e = Assert.Throws<VoiceCloneException>(() => ReadAll(_dir.Path));
        Assert.Contains(defect, e.Message);
    }

    [Fact]
    public void A_shard_reads_its_own_earlier_files_and_other_splits_but_never_its_siblings()
    {
        var shard = ShardAssignment.Create(1, 4);
        byte[] Line(string key) => ResultFormat.Line(ResultFormat.Features, key, Features(key, 1));
        _dir.Write("features.paths-0001-of-0004.20261201T000000-h-1-0000.jsonl", Line("own"));
        _dir.Write("features.paths-0002-of-0004.20261201T000000-h-1-0000.jsonl", Line("sibling"));
        _dir.Write("features.paths-0000-of-0003.20261201T000000-h-1-0000.jsonl", Line("other-count"));
        _dir.Write("features.rows-0002-of-0004.20261201T000000-h-1-0000.jsonl", Line("other-scheme"));
        _dir.Write("merged-by-hand.jsonl", Line("merged"));
        _dir.Write("emotion.paths-0001-of-0004.20261201T000000-h-1-0000.jsonl", ResultFormat.Line(ResultFormat.Emotion, "emotion", new EmotionResult()));
        using var journal = ResultJournal.Open(_dir.Path, ResultFormat.Features, false, shard);
        Assert.Equal(4, journal.EarlierCount);
        Assert.All(["own", "other-count", "other-scheme", "merged"], key => Assert.True(journal.IsDone(key), key));
        Assert.False(journal.IsDone("sibling"));
        Assert.False(journal.IsDone("emotion"));
    }

    [Fact]
    public void Long_results_spanning_many_read_chunks_come_back_whole()
    {
        using (var journal = ResultJournal.Open(_dir.Path, ResultFormat.Features, false, ShardAssignment.Whole))
        {
            for (int i = 0; i < 40; i++) journal.Append($"k{i}", Features($"p{i}", i) with { FeatureVector = Enumerable.Range(0, 2000).Select(j => j * 0.1 + i).ToArray() });
        }
        List<ResultLine> lines = ReadAll(_dir.Path);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"k{i}"), lines.Select(l => l.Key));
        Assert.Equal(39 + 1999 * 0.1, ((VoiceFeatures)ResultFormat.Deserialize(lines[^1])).FeatureVector[^1], 9);
    }
}
