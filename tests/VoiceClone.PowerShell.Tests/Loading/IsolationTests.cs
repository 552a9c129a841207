using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Loading;

/// <summary>
/// A real .NET 8 process (as PowerShell 7.4 is) already holding an older Serilog and System.Collections.Immutable 8
/// loads the module and classifies a clip with the shipped ML.NET model (which needs System.Collections.Immutable 9): through the module's
/// load context it works; loading Core plainly fails. The second half is what makes the first half mean something.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class IsolationTests
{
    private static string Probe()
    {
        string dir = Environment.GetEnvironmentVariable("VOICECLONE_PROBE_PATH") is { Length: > 0 } p ? p : Path.Combine(RepositoryPaths.Root, "out", "probe");
        string exe = Path.Combine(dir, OperatingSystem.IsWindows() ? "VoiceClone.IsolationProbe.exe" : "VoiceClone.IsolationProbe");
        if (!File.Exists(exe)) throw new InvalidOperationException($"The isolation probe is missing at {exe}; ./build.sh Test publishes it.");
        return exe;
    }

    [Fact]
    public void With_the_module_load_context_newer_dependencies_load_beside_older_ones()
    {
        string logs = Directory.CreateTempSubdirectory("voiceclone-probe-").FullName;
        var result = ChildProcess.Run(Probe(), [RepositoryPaths.ModuleDirectory, logs]);
        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
        Assert.Contains("runtime 8.0.", result.StdOut);
        Assert.Contains("default: Serilog 2.0.0.0 in 'Default'", result.StdOut);
        Assert.Contains("default: System.Collections.Immutable 8.0.0.0 in 'Default'", result.StdOut);
        Assert.Contains("module: Serilog 4.", result.StdOut);
        Assert.Contains("classified: ", result.StdOut);
        Assert.Contains("module: System.Collections.Immutable 9.", result.StdOut);
        Assert.Contains("result: module code ran", result.StdOut);
        Assert.Contains("isolation probe wrote this line", File.ReadAllText(Path.Combine(logs, "app.log")));
        Directory.Delete(logs, recursive: true);
    }

    [Fact]
    public void Without_it_the_same_process_fails_to_load_the_engine()
    {
        string logs = Directory.CreateTempSubdirectory("voiceclone-probe-").FullName;
        var result = ChildProcess.Run(Probe(), [RepositoryPaths.ModuleDirectory, logs, "--no-isolation"]);
        Assert.Equal(3, result.ExitCode);
        // The first of the two newer dependencies the engine touches cannot load beside the older copy already in the process.
        Assert.Matches(@"FileLoadException: Could not load file or assembly '(Serilog, Version=4\.|System\.Collections\.Immutable, Version=9\.)", result.StdOut);
        Directory.Delete(logs, recursive: true);
    }
}
