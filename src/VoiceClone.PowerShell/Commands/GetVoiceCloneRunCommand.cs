using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Reads the run logs of long commands (cloning, analysis batches, emotion training, installs) as typed runs with their cost, quality and anomalies.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "VoiceCloneRun")]
[OutputType(typeof(VoiceCloneRun))]
public sealed class GetVoiceCloneRunCommand : VoiceCloneCmdlet
{
    private readonly List<string> _ids = [];

    /// <summary>Run ids; wildcards allowed. Clones and fingerprints piped in bind by their RunId.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("RunId")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Id { get; set; }

    /// <summary>Only runs that started at or after this time.</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>Only the newest this many runs (after the other filters).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Last { get; set; }

    /// <summary>Only runs with one of these statuses.</summary>
    [Parameter]
    [ValidateSet("running", "interrupted", "completed", "completed_with_errors", "stopped", "failed", IgnoreCase = true)]
    public string[]? Status { get; set; }

    /// <summary>Only runs of these commands; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Command { get; set; }

    /// <summary>Only runs in which an anomaly was found.</summary>
    [Parameter]
    public SwitchParameter Anomalous { get; set; }

    /// <summary>Read the runs of this log folder instead of the module's.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LogDirectory { get; set; }

    protected override string LogSource => RunService.Source;

    protected override void Process()
    {
        if (Id is not null) _ids.AddRange(Id);
    }

    protected override void End()
    {
        string? folder = LogDirectory is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(LogDirectory);
        var ids = _ids.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        IReadOnlyList<VoiceCloneRun> runs = Runtime.Runs.Get(new RunQuery
        {
            Id = RunSelection.Matcher(ids), Command = RunSelection.Matcher(Command), Since = RunSelection.Instant(Since), Statuses = Status,
            AnomalousOnly = Anomalous, Last = Last, LogDirectory = folder,
        }, (file, problem) => WriteWarning($"Skipped '{file}': {problem}"));
        foreach (string id in ids.Where(i => !WildcardPattern.ContainsWildcardCharacters(i)))
        {
            if (!Runtime.Runs.Exists(id, folder))
            {
                WriteError(ErrorRecords.Create(VoiceCloneErrors.RunNotFound,
                    $"No run log of run '{id}' is in {Runtime.Runs.RunsFolder(folder)}.", id));
            }
        }
        WriteObject(runs, enumerateCollection: true);
    }
}
