namespace VoiceClone.Core.Tests.Support;

/// <summary>
/// ../shared beside the repository (test data and small models, never committed). Tests that need it call
/// <see cref="Require"/>, which skips them with "skipped: ../shared/... not found" when it is absent.
/// </summary>
internal static class SharedData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();
    public static string Root { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Require(string relativePath)
    {
        string path = Path.Combine(Root, relativePath);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"skipped: ../shared/{relativePath} not found");
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VoiceClone.PowerShell.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
