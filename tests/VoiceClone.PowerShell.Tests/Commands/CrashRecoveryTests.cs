using System.Diagnostics;
using System.Text.Json;
using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

/// <summary>What a SIGKILL leaves, and how the next run cleans it; several processes racing on one -Id.</summary>
[Collection(EngineCollection.Name)]
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-crash-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string HostTag => new(Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_').ToArray());

    [SkippableFact]
    public void A_killed_run_leaves_a_readable_running_log_and_the_next_run_removes_its_leftovers()
    {
        string reference = Flite.WriteReference(Path.Combine(_dir, "me.wav"));
        string output = Path.Combine(_dir, "output"), logs = Path.Combine(_dir, "logs");
        string texts = string.Join(", ", Enumerable.Range(1, 12).Select(i => $"'Sentence number {i} of a long night.'"));
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { RepositoryPaths.PwshScript, "-c",
            $"Import-Module VoiceClone; New-VoiceClone -LiteralPath '{reference}' -Text {texts} -OutputDirectory '{output}' -ThrottleLimit 1 | Out-Null" })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["VOICECLONE_LOG_DIR"] = logs;
        using var job = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!(Directory.Exists(output) && Directory.GetFiles(output, "*.json").Length > 0) && DateTime.UtcNow < deadline && !job.HasExited) Thread.Sleep(100);
        Assert.False(job.HasExited, "the run was still going when it was killed");

        // The run log is on disk from the first clone on, saying running and naming the process doing the work: kill that one.
        string runLog = Assert.Single(Directory.GetFiles(Path.Combine(logs, "runs"), "*.json"));
        int pid = int.Parse(Status(runLog).Pid);
        ChildProcess.Run("kill", ["-9", pid.ToString()]);
        job.WaitForExit();
        Assert.Equal("running", Status(runLog).Status); // nothing finished it: readable as a run that never ended
        // What a kill mid-write leaves (planted, since where the kill lands is chance), and a dead process's scratch folder.
        string staging = Path.Combine(output, $".cloned_x.wav.{HostTag}.{pid}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(staging, []);
        string scratch = Path.Combine(Path.GetTempPath(), $"voiceclone-scratch-{pid}");
        Directory.CreateDirectory(scratch);

        var next = ChildProcess.Pwsh($"Import-Module VoiceClone; New-VoiceClone -LiteralPath '{reference}' -Text 'The morning after.' -OutputDirectory '{output}' | Out-Null; " +
            "(Get-VoiceCloneRun -Status interrupted).Id", new Dictionary<string, string?> { ["VOICECLONE_LOG_DIR"] = logs });
        Assert.True(next.ExitCode == 0, next.StdErr);
        Assert.Equal(Path.GetFileNameWithoutExtension(runLog), next.StdOut.Trim()); // its process is gone: listed as interrupted
        Assert.False(File.Exists(staging), "the dead run's staging file was removed");
        Assert.False(Directory.Exists(scratch), "the dead run's scratch folder was removed");
        string[] names = OutputFolder.Files(output).Select(Path.GetFileName).ToArray()!;
        Assert.DoesNotContain(names, n => n.StartsWith('.'));
        Assert.Equal(names.Count(n => n.EndsWith(".wav")), names.Count(n => n.EndsWith(".json"))); // whole pairs only
    }

    [SkippableFact]
    public async Task Of_processes_racing_on_one_Id_exactly_one_writes_the_pair()
    {
        string reference = Flite.WriteReference(Path.Combine(_dir, "me.wav"));
        string output = Path.Combine(_dir, "race");
        var env = new Dictionary<string, string?> { ["VOICECLONE_LOG_DIR"] = Path.Combine(_dir, "logs") };
        ChildProcess.Result[] results = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => Task.Run(() => ChildProcess.Pwsh(
            $"Import-Module VoiceClone; New-VoiceClone -LiteralPath '{reference}' -Text 'Writer {i} says hello.' -Id shared -OutputDirectory '{output}' " +
            "-ErrorAction Stop | Out-Null", env))));
        Assert.Single(results, r => r.ExitCode == 0);
        Assert.All(results.Where(r => r.ExitCode != 0), r => Assert.Contains("already exists and was left untouched", r.StdErr));
        Assert.Equal(["cloned_shared.json", "cloned_shared.wav"], OutputFolder.Files(output).Select(f => Path.GetFileName(f)).Order().ToArray());
    }

    private static (string Status, string Pid) Status(string runLog)
    {
        using var run = JsonDocument.Parse(File.ReadAllBytes(runLog));
        return (run.RootElement.GetProperty("status").GetString()!, run.RootElement.GetProperty("machine").GetProperty("pid").GetString()!);
    }
}
