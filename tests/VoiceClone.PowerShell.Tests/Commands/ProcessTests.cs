using System.Text.RegularExpressions;
using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

/// <summary>What users see from separate processes: ./pwsh.sh, scheduled jobs sharing one log file, table views.</summary>
[Collection(EngineCollection.Name)]
public sealed partial class ProcessTests : IDisposable
{
    [GeneratedRegex(@"^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] \[(DEBUG|INFO|WARNING|ERROR|CRITICAL)\] \[[a-z_]+\] .+$")]
    private static partial Regex LogLine();

    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-proc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Default_table_view_shows_the_fingerprint_columns_without_colour_codes()
    {
        File.WriteAllText(Path.Combine(_dir, "cloned_1770739260.json"), Fingerprints.Seed());
        var result = ChildProcess.Pwsh($"Import-Module VoiceClone; Get-CloneFingerprint '{_dir}/*.json'",
            new Dictionary<string, string?> { ["VOICECLONE_LOG_DIR"] = _dir });
        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Matches(@"Id\s+Pitch\s+Range Hz\s+Emotion\s+Wpm\s+ModelUsed", result.StdOut);
        Assert.Matches(@"1770739260\s+185\.4\s+120-250\s+happy\s+145\s+Qwen3-TTS-0\.6B-Base", result.StdOut);
        Assert.DoesNotContain("\u001b[", result.StdOut);
    }

    [Fact]
    public void Scripts_keep_their_exit_codes_and_errors_fail_the_command()
    {
        string script = Path.Combine(_dir, "job.ps1");
        File.WriteAllText(script, "param($Code) Import-Module VoiceClone; exit $Code");
        var env = new Dictionary<string, string?> { ["VOICECLONE_LOG_DIR"] = _dir };
        Assert.Equal(7, ChildProcess.Run("bash", [RepositoryPaths.PwshScript, "-File", script, "-Code", "7"], env).ExitCode);
        Assert.Equal(0, ChildProcess.Run("bash", [RepositoryPaths.PwshScript, "-File", script, "-Code", "0"], env).ExitCode);
        var failed = ChildProcess.Pwsh($"Import-Module VoiceClone; Get-CloneFingerprint '{_dir}/missing.json'", env);
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("Cannot find", failed.StdErr);
    }

    [Fact]
    public async Task Two_processes_logging_at_once_lose_and_interleave_nothing()
    {
        File.WriteAllText(Path.Combine(_dir, "cloned_1.json"), Fingerprints.Seed());
        const int Calls = 300;
        var env = new Dictionary<string, string?> { ["VOICECLONE_LOG_DIR"] = _dir };
        string Job(string tag) =>
            $"Import-Module VoiceClone; 1..{Calls} | ForEach-Object {{ Get-CloneFingerprint -LiteralPath '{_dir}/cloned_1.json' -InformationAction Ignore | Out-Null }}; '{tag} done'";
        ChildProcess.Result[] results = await Task.WhenAll(
            Task.Run(() => ChildProcess.Pwsh(Job("A"), env)), Task.Run(() => ChildProcess.Pwsh(Job("B"), env)));
        Assert.Contains("A done", results[0].StdOut + results[0].StdErr);
        Assert.Contains("B done", results[1].StdOut + results[1].StdErr);

        string[] lines = File.ReadAllLines(Path.Combine(_dir, "app.log"));
        Assert.All(lines.Where(l => l.Length > 0 && !l.StartsWith("   ")), l => Assert.Matches(LogLine(), l));
        // Each call logs one [ExecutionStart] and one [ExecutionComplete]; both processes' lines must all be there.
        Assert.Equal(2 * Calls, lines.Count(l => l.Contains("[ExecutionStart] Get-CloneFingerprint")));
        Assert.Equal(2 * Calls, lines.Count(l => l.Contains("[ExecutionComplete] Get-CloneFingerprint status=ok")));
    }

    [SkippableFact]
    public async Task Two_processes_cloning_into_one_folder_at_once_write_distinct_whole_pairs()
    {
        string reference = Flite.WriteReference(Path.Combine(_dir, "me.wav"));
        string output = Path.Combine(_dir, "output");
        var env = new Dictionary<string, string?> { ["VOICECLONE_LOG_DIR"] = _dir };
        string texts = string.Join(", ", Enumerable.Range(1, 6).Select(i => $"'Sentence {i} for the shared folder.'"));
        string script = $"Import-Module VoiceClone; New-VoiceClone -LiteralPath '{reference}' -Text {texts} -OutputDirectory '{output}' | Out-Null";
        ChildProcess.Result[] results = await Task.WhenAll(Task.Run(() => ChildProcess.Pwsh(script, env)), Task.Run(() => ChildProcess.Pwsh(script, env)));
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.StdErr));
        string[] files = OutputFolder.Files(output).Select(Path.GetFileName).ToArray()!;
        Assert.Equal(24, files.Length); // 2 processes x 6 texts, each a .wav and a .json: none lost, none overwritten
        var wavs = files.Where(f => f.EndsWith(".wav")).Select(Path.GetFileNameWithoutExtension).Order().ToArray();
        Assert.Equal(wavs, files.Where(f => f.EndsWith(".json")).Select(Path.GetFileNameWithoutExtension).Order().ToArray());
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_dir, "runs"), "*.json").Length); // one run log per process (beside the index)
    }
}
