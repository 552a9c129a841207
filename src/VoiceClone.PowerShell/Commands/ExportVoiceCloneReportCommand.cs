using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Writes one self-contained HTML report of runs: plots over time, validation and match errors, errors with fixes, anomalies, emotions, the emotion model.</para>
/// </summary>
[Cmdlet(VerbsData.Export, "VoiceCloneReport", SupportsShouldProcess = true, DefaultParameterSetName = QuerySet)]
[OutputType(typeof(VoiceCloneReport))]
public sealed class ExportVoiceCloneReportCommand : VoiceCloneCmdlet
{
    private const string QuerySet = "Query";
    private const string InputSet = "InputObject";
    private readonly List<VoiceCloneRun> _piped = [];

    /// <summary>The HTML file to write.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Only runs that started at or after this time.</summary>
    [Parameter(ParameterSetName = QuerySet)]
    public DateTime? Since { get; set; }

    /// <summary>Only the newest this many runs.</summary>
    [Parameter(ParameterSetName = QuerySet)]
    [ValidateRange(1, int.MaxValue)]
    public int? Last { get; set; }

    /// <summary>Only runs of these commands; wildcards allowed.</summary>
    [Parameter(ParameterSetName = QuerySet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Command { get; set; }

    /// <summary>Report the runs of this log folder instead of the module's.</summary>
    [Parameter(ParameterSetName = QuerySet)]
    [ValidateNotNullOrEmpty]
    public string? LogDirectory { get; set; }

    /// <summary>Runs to report (Get-VoiceCloneRun output), from the pipeline.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputSet, ValueFromPipeline = true)]
    public VoiceCloneRun[] InputObject { get; set; } = [];

    /// <summary>Replace an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string LogSource => RunService.Source;

    protected override void Process()
    {
        if (ParameterSetName == InputSet) _piped.AddRange(InputObject);
    }

    protected override void End()
    {
        string path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (File.Exists(path) && !Force)
            throw new VoiceCloneException(VoiceCloneErrors.OutputExists, $"'{path}' already exists and was left untouched; add -Force to replace it.", path);
        string? folder = LogDirectory is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(LogDirectory);
        IReadOnlyList<VoiceCloneRun> runs = ParameterSetName == InputSet ? _piped : Runtime.Runs.Get(new RunQuery
        {
            Since = RunSelection.Instant(Since), Last = Last, Command = RunSelection.Matcher(Command), LogDirectory = folder,
        }, (file, problem) => WriteWarning($"Skipped '{file}': {problem}"));
        if (!ShouldProcess(path, $"Write a report of {runs.Count} run(s)")) return;
        if (runs.Count == 0) WriteWarning("No runs match: the report says so and holds no plots.");
        string source = ParameterSetName == InputSet ? $"{runs.Count} run(s) given" : Runtime.Runs.RunsFolder(folder);
        WriteObject(Runtime.Runs.WriteReport(path, runs, Force, source));
    }
}
