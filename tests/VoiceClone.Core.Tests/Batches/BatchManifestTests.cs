using VoiceClone.Core.Batches;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Batches;

public sealed class BatchManifestTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Manifest(string text) => _dir.Write("jobs.csv", System.Text.Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Analysis_rows_resolve_against_the_manifests_folder_and_are_keyed_by_that_relative_path()
    {
        string manifest = Manifest("\uFEFFPath,Speaker,Text\ncalls/a.wav,s1,\"Hello, there\"\n./calls/b.wav,s2,\n" + _dir.File("c.wav") + ",s3, \n");
        IReadOnlyList<ManifestRow> rows = BatchManifest.ReadAnalysis(manifest, ShardAssignment.Whole);
        Assert.Equal([_dir.File("calls/a.wav"), _dir.File("calls/b.wav"), _dir.File("c.wav")], rows.Select(r => r.Path));
        Assert.Equal(["calls/a.wav", "calls/b.wav", "c.wav"], rows.Select(r => r.Key));
        Assert.Equal(["Hello, there", null, null], rows.Select(r => r.Text));
        Assert.Equal([2, 3, 4], rows.Select(r => r.Line));
    }

    [Fact]
    public void A_shard_keeps_every_countth_row_so_shards_are_even()
    {
        string manifest = Manifest("file\n" + string.Join("\n", Enumerable.Range(0, 10).Select(i => $"f{i}.wav")));
        Assert.Equal(["f1.wav", "f4.wav", "f7.wav"], BatchManifest.ReadAnalysis(manifest, ShardAssignment.Create(1, 3)).Select(r => r.Key));
        Assert.Equal(10, Enumerable.Range(0, 3).Sum(i => BatchManifest.ReadAnalysis(manifest, ShardAssignment.Create(i, 3)).Count));
    }

    [Theory]
    [InlineData("name,text\na.wav,x\n", "lacks the column(s) path or file")]
    [InlineData("path\na.wav\n\"\"\n", "line 3 has no path")]
    [InlineData("path\na.wav\nb.wav\n./a.wav\n", "line 4 repeats 'a.wav' of line 2")]
    [InlineData("path\n\"a.wav\n", "never closed")]
    [InlineData("", "it is empty")]
    public void A_manifest_that_cannot_be_used_is_refused_whole_naming_the_line(string text, string message)
    {
        var e = Assert.Throws<VoiceCloneException>(() => BatchManifest.ReadAnalysis(Manifest(text), ShardAssignment.Create(1, 2)));
        Assert.Equal("BatchManifestInvalid", e.ErrorId);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Clone_rows_carry_reference_text_and_id_and_the_id_is_the_key()
    {
        string manifest = Manifest("id,reference,text,notes\nnews-1,refs/me.wav,\"Good morning, all.\",x\nnews-2,refs/me.wav,Good night.,\n");
        IReadOnlyList<ManifestRow> rows = BatchManifest.ReadClones(manifest, ShardAssignment.Whole);
        Assert.Equal(["news-1", "news-2"], rows.Select(r => r.Key));
        Assert.Equal(["news-1", "news-2"], rows.Select(r => r.Id));
        Assert.Equal(_dir.File("refs/me.wav"), rows[0].Path);
        Assert.Equal("Good morning, all.", rows[0].Text);
    }

    [Theory]
    [InlineData("reference,text,id\na.wav,Hi.,../up\n", "'../up', which cannot be part of a file name")]
    [InlineData("reference,text,id\na.wav,Hi.,One\nb.wav,Ho.,one\n", "line 3 repeats 'one' of line 2")]
    [InlineData("reference,text,id\na.wav,,x\n", "line 2 has no text")]
    [InlineData("reference,id\na.wav,x\n", "lacks the column(s) text")]
    public void A_clone_manifest_with_an_unusable_or_repeated_id_or_an_empty_text_is_refused(string text, string message)
    {
        var e = Assert.Throws<VoiceCloneException>(() => BatchManifest.ReadClones(Manifest(text), ShardAssignment.Whole));
        Assert.Equal("BatchManifestInvalid", e.ErrorId);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_missing_manifest_is_PathNotFound()
    {
        var e = Assert.Throws<VoiceCloneException>(() => BatchManifest.ReadAnalysis(_dir.File("none.csv"), ShardAssignment.Whole));
        Assert.Equal("PathNotFound", e.ErrorId);
    }
}
