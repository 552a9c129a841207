namespace VoiceClone.PowerShell.Tests.Support;

/// <summary>../shared beside the repository (never committed); tests that need it skip with "skipped: ../shared/... not found".</summary>
internal static class SharedFixture
{
    public static string Require(string relativePath)
    {
        string path = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", relativePath));
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"skipped: ../shared/{relativePath} not found");
        return path;
    }
}
