using System.Xml.Linq;

namespace VoiceClone.PowerShell.Tests.Support;

/// <summary>Where the repository, the built module and its helpers are.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Version { get; } =
        XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value.Trim();

    /// <summary>The built module folder; build.ps1 passes it in, otherwise out/VoiceClone/&lt;version&gt;.</summary>
    public static string ModuleDirectory
    {
        get
        {
            string dir = Environment.GetEnvironmentVariable("VOICECLONE_MODULE_PATH") is { Length: > 0 } fromBuild
                ? fromBuild : Path.Combine(Root, "out", "VoiceClone", Version);
            if (!File.Exists(Path.Combine(dir, "VoiceClone.psd1")))
            {
                throw new InvalidOperationException(
                    $"The built module is missing at {dir}. Run ./build.sh Build (or ./build.sh Test) first.");
            }
            return dir;
        }
    }

    public static string Manifest => Path.Combine(ModuleDirectory, "VoiceClone.psd1");

    public static string PwshScript => Path.Combine(Root, "pwsh.sh");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VoiceClone.PowerShell.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException(
            "Cannot find the repository root (VoiceClone.PowerShell.sln) above " + AppContext.BaseDirectory);
    }
}
