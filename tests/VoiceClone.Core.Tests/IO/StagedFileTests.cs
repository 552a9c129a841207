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
}
