using System.Text.RegularExpressions;

namespace VoiceClone.Core.IO;

/// <summary>
/// Names of staging files (.&lt;name&gt;.&lt;host&gt;.&lt;pid&gt;.&lt;guid&gt;.tmp) and the removal of those a killed process left:
/// a file whose host is this machine and whose process no longer runs is garbage. Files of other hosts (a shared folder)
/// and of live processes are left alone.
/// </summary>
public static partial class StaleStagingFiles
{
    private static readonly string Host = Sanitize(Environment.MachineName);

    /// <summary>This machine's name as staging files carry it.</summary>
    public static string HostTag => Host;

    public static string TempName(string fileName) => $".{fileName}.{Host}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";

    /// <summary>Deletes this host's staging files of dead processes in <paramref name="folder"/>; returns how many.</summary>
    public static int Remove(string folder)
    {
        if (!Directory.Exists(folder)) return 0;
        int removed = 0;
        foreach (string path in Directory.EnumerateFiles(folder, ".*.tmp"))
        {
            Match m = Pattern().Match(Path.GetFileName(path));
            if (!m.Success || m.Groups["host"].Value != Host || ScratchFolder.IsAlive(int.Parse(m.Groups["pid"].Value))) continue;
            try
            {
                File.Delete(path);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* another run got there first */ }
        }
        return removed;
    }

    private static string Sanitize(string host) => new(host.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_').ToArray());

    [GeneratedRegex(@"^\..+\.(?<host>[A-Za-z0-9_\-]+)\.(?<pid>\d+)\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex Pattern();
}
