using VoiceClone.Core.IO;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.IO;

public sealed class StagedFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Uncommitted_file_disappears_on_dispose()
    {
        string target = _dir.File("a.json");
        using (var staged = new StagedFile(target))
        {
            using (var s = staged.OpenWrite()) s.WriteByte(1);
            Assert.True(File.Exists(staged.TempPath));
            Assert.False(File.Exists(target));
        }
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Commit_moves_into_place_and_refuses_to_replace_unless_asked()
    {
        string target = _dir.File("b.json");
        File.WriteAllText(target, "old");
        using (var staged = new StagedFile(target))
        {
            using (var s = staged.OpenWrite()) s.Write("new"u8);
            Assert.Throws<IOException>(() => staged.Commit(overwrite: false));
            Assert.Equal("old", File.ReadAllText(target));
            staged.Commit(overwrite: true);
        }
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task Of_files_committed_at_once_to_one_name_without_overwrite_exactly_one_lands()
    {
        for (int round = 0; round < 25; round++)
        {
            string target = _dir.File($"race{round}.wav");
            var staged = Enumerable.Range(0, 16).Select(w =>
            {
                var file = new StagedFile(target);
                using (FileStream s = file.OpenWrite()) s.WriteByte((byte)w);
                return (Writer: w, File: file);
            }).ToArray();
            using var start = new Barrier(staged.Length);
            int[] landed = (await Task.WhenAll(staged.Select(x => Task.Run(() =>
            {
                start.SignalAndWait();
                try
                {
                    x.File.Commit(overwrite: false);
                    return x.Writer;
                }
                catch (IOException)
                {
                    return -1;
                }
            })))).Where(w => w >= 0).ToArray();
            foreach (var x in staged) x.File.Dispose();
            int winner = Assert.Single(landed);
            Assert.Equal([(byte)winner], File.ReadAllBytes(target)); // the winner's content, never replaced by a loser
            Assert.Equal([target], Directory.GetFiles(_dir.Path, $"*race{round}*"));
        }
    }
}
