using System.Management.Automation;
using System.Management.Automation.Runspaces;
using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

/// <summary>Ctrl+C (a pipeline stop) ends a long batch promptly, with no further output.</summary>
[Collection(EngineCollection.Name)]
public sealed class StopProcessingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-stop-").FullName;
    private readonly EngineFixture _engine;

    public StopProcessingTests(EngineFixture engine) => _engine = engine;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Stopping_a_batch_ends_it_before_the_remaining_files()
    {
        const int Files = 40;
        for (int i = 0; i < Files; i++) TestAudio.WriteVoice(Path.Combine(_dir, $"v{i:D2}.wav"), 120 + i, 3.0);
        using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript($"Import-Module '{RepositoryPaths.Manifest}'; Get-VoiceFeature '{_dir}/*.wav' -ThrottleLimit 1");
        var output = new PSDataCollection<PSObject>();
        using var first = new ManualResetEventSlim();
        output.DataAdded += (_, _) => first.Set();
        IAsyncResult run = ps.BeginInvoke<PSObject, PSObject>(null, output);
        Assert.True(first.Wait(TimeSpan.FromMinutes(2)), "the first file was analysed");
        ps.Stop();
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(run));
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.InRange(output.Count, 1, Files - 10);
    }

    [SkippableFact]
    public void Stopping_a_clone_batch_leaves_only_whole_pairs_and_a_stopped_run_log()
    {
        string reference = Flite.WriteReference(Path.Combine(_dir, "me.wav"));
        string output = Path.Combine(_dir, "output");
        using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = runspace;
        string texts = string.Join(", ", Enumerable.Range(1, 30).Select(i => $"'Sentence number {i} is spoken now.'"));
        ps.AddScript($"Import-Module '{RepositoryPaths.Manifest}'; " +
            $"New-VoiceClone -LiteralPath '{reference}' -Text {texts} -OutputDirectory '{output}' -ThrottleLimit 2");
        var results = new PSDataCollection<PSObject>();
        using var first = new ManualResetEventSlim();
        results.DataAdded += (_, _) => first.Set();
        IAsyncResult run = ps.BeginInvoke<PSObject, PSObject>(null, results);
        Assert.True(first.Wait(TimeSpan.FromMinutes(2)), "the first clone was written");
        ps.Stop();
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(run));
        Thread.Sleep(500); // clones already past their last stop check finish their renames
        string[] files = OutputFolder.Files(output);
        Assert.InRange(results.Count, 1, 29);
        Assert.DoesNotContain(files, f => Path.GetFileName(f).StartsWith('.')); // no temporaries left behind
        var wavs = files.Where(f => f.EndsWith(".wav")).Select(Path.GetFileNameWithoutExtension).Order().ToArray();
        var jsons = files.Where(f => f.EndsWith(".json")).Select(Path.GetFileNameWithoutExtension).Order().ToArray();
        Assert.Equal(wavs, jsons); // whole pairs only
        string runLog = Path.Combine(_engine.LogDirectory, "runs", results[0].Properties["RunId"].Value + ".json");
        using var runJson = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(runLog));
        Assert.Equal("stopped", runJson.RootElement.GetProperty("status").GetString());
    }
}
