using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Compares two runs, or two groups of runs, metric by metric: the change and whether it is better or worse.</para>
/// </summary>
[Cmdlet(VerbsData.Compare, "VoiceCloneRun")]
[OutputType(typeof(RunComparison))]
public sealed class CompareVoiceCloneRunCommand : VoiceCloneCmdlet
{
    private readonly List<object> _difference = [];

    /// <summary>The runs to compare against (Get-VoiceCloneRun output or run ids); a group stands for the median of its runs.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public object[] Reference { get; set; } = [];

    /// <summary>The runs compared with the reference (Get-VoiceCloneRun output or run ids), from the pipeline too.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public object[] Difference { get; set; } = [];

    /// <summary>Only these metrics (see a run's Metrics property); wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Metric { get; set; }

    /// <summary>Where run ids are looked up instead of the module's log folder.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LogDirectory { get; set; }

    protected override string LogSource => RunService.Source;

    protected override void Process() => _difference.AddRange(Difference);

    protected override void End()
    {
        string? folder = LogDirectory is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(LogDirectory);
        List<VoiceCloneRun> reference = RunSelection.Resolve(Reference, folder), difference = RunSelection.Resolve(_difference, folder);
        Func<string, bool> wanted = RunSelection.Matcher(Metric) ?? (_ => true);
        WriteObject(Runtime.Runs.Compare(reference, difference).Where(c => wanted(c.Metric)), enumerateCollection: true);
    }
}
