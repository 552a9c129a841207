using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace VoiceClone.PowerShell.Tests.Support;

/// <summary>A runspace of the real engine with the built module imported from out/, as a user's session would have it.</summary>
internal sealed class ModuleSession : IDisposable
{
    private readonly Runspace _runspace;

    public ModuleSession()
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        Module = Invoke($"Import-Module '{RepositoryPaths.Manifest}' -PassThru").Single();
    }

    public PSObject Module { get; }

    /// <summary>What a script wrote besides its output (copied: disposing the PowerShell object clears its streams).</summary>
    public sealed record StreamRecords(
        List<ErrorRecord> Error, List<InformationRecord> Information, List<WarningRecord> Warning, List<VerboseRecord> Verbose)
    {
        public List<ProgressRecord> Progress { get; init; } = [];
    }

    /// <summary>Runs a script; returns its output, and the other streams through <paramref name="streams"/>.</summary>
    public Collection<PSObject> Invoke(string script, out StreamRecords streams)
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        Collection<PSObject> output = ps.Invoke();
        streams = new StreamRecords([.. ps.Streams.Error], [.. ps.Streams.Information], [.. ps.Streams.Warning], [.. ps.Streams.Verbose])
        {
            Progress = [.. ps.Streams.Progress],
        };
        return output;
    }

    public Collection<PSObject> Invoke(string script)
    {
        Collection<PSObject> output = Invoke(script, out StreamRecords streams);
        if (streams.Error.Count > 0)
            throw new InvalidOperationException("Unexpected error: " + streams.Error[0] + "\n" + streams.Error[0].ScriptStackTrace);
        return output;
    }

    public void SetVariable(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

    public void Dispose() => _runspace.Dispose();
}
