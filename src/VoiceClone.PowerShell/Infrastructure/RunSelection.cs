using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell;

/// <summary>Run ids and command names as PowerShell matches them (wildcards, case-insensitive), for the run cmdlets.</summary>
internal static class RunSelection
{
    public static Func<string, bool>? Matcher(IReadOnlyCollection<string>? patterns)
    {
        if (patterns is not { Count: > 0 }) return null;
        var compiled = patterns.Select(p => new WildcardPattern(p, WildcardOptions.IgnoreCase)).ToList();
        return value => compiled.Any(p => p.IsMatch(value));
    }

    /// <summary>A DateTime as PowerShell parses it (local unless it says otherwise) as an instant.</summary>
    public static DateTimeOffset? Instant(DateTime? time) =>
        time is { } t ? new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Local) : t) : null;

    /// <summary>Runs given as objects or as run ids (looked up in <paramref name="logDirectory"/>); an id that names no run is RunNotFound.</summary>
    public static List<VoiceCloneRun> Resolve(IEnumerable<object> inputs, string? logDirectory)
    {
        var runs = new List<VoiceCloneRun>();
        foreach (object input in inputs)
        {
            switch (input is PSObject wrapped ? wrapped.BaseObject : input)
            {
                case VoiceCloneRun run:
                    runs.Add(run);
                    break;
                case string id:
                    runs.Add(ModuleState.Runtime.Runs.Get(new RunQuery { Id = i => string.Equals(i, id, StringComparison.OrdinalIgnoreCase), LogDirectory = logDirectory })
                        .SingleOrDefault() ?? throw new VoiceCloneException(VoiceCloneErrors.RunNotFound, $"No run log of run '{id}' was found.", id));
                    break;
                default:
                    throw new VoiceCloneException(VoiceCloneErrors.ConfigurationInvalid,
                        $"'{input}' is neither a run (Get-VoiceCloneRun) nor a run id.");
            }
        }
        return runs;
    }
}
