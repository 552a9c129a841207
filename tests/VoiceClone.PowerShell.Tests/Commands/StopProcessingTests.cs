using System.Management.Automation;
using System.Management.Automation.Runspaces;
using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

/// <summary>Ctrl+C (a pipeline stop) ends a long batch promptly, with no further output.</summary>
[Collection(EngineCollection.Name)]
public sealed class StopProcessingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-stop-").FullName;

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
}
