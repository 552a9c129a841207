using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Loading;

/// <summary>README's error table and the module's error catalogue say the same thing.</summary>
[Collection(EngineCollection.Name)]
public sealed class ErrorTableTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Every_error_the_module_raises_has_its_README_row_and_no_row_is_stale()
    {
        string[] fromCode = _session.Invoke(
                "[VoiceClone.VoiceCloneErrors]::All | ForEach-Object { '| `{0}` | {1} | {2} | {3} | {4} |' -f $_.ErrorId, $_.SourceTag, $_.Category.ToString().ToLowerInvariant(), $_.Meaning, $_.Remedy }")
            .Select(o => (string)o.BaseObject).ToArray();
        string[] readmeRows = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"))
            .Where(l => l.StartsWith("| `")).ToArray();
        Assert.Equal(fromCode, readmeRows);
        Assert.Equal(fromCode.Length, fromCode.Distinct().Count());
    }
}
