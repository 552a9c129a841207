using System.Text.RegularExpressions;
using VoiceClone.Core.Runs;

namespace VoiceClone.Core.Cloning;

/// <summary>
/// Clone ids: the form of run ids (<see cref="RunIds"/>), UTC time to the millisecond plus 32 random bits, e.g.
/// 20261123-101502-417-9f3a61c2. Sortable by time; two ids collide only with the same millisecond and a 1-in-4-billion
/// draw, and the pair writer never overwrites, so even that collision is caught and a fresh id drawn.
/// </summary>
public static partial class CloneIds
{
    public static string New() => RunIds.New();

    /// <summary>A user-chosen id becomes part of a file name: letters, digits, '-', '_' and '.', 1-64 characters, no leading '.'.</summary>
    public static bool IsValid(string id) => SafeId().IsMatch(id);

    [GeneratedRegex(@"^[A-Za-z0-9_\-][A-Za-z0-9_.\-]{0,63}$")]
    private static partial Regex SafeId();
}
