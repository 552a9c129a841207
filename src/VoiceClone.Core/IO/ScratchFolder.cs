using System.Diagnostics;

namespace VoiceClone.Core.IO;

/// <summary>
/// One scratch folder per process under the temp folder (voiceclone-scratch-&lt;pid&gt;) for files that external programs
/// read and write (flite's text and WAV). A process killed mid-work leaves its folder behind; the next runtime to start
/// removes every such folder whose process is gone.
/// </summary>
public static class ScratchFolder
{
    private const string Prefix = "voiceclone-scratch-";
    private static readonly Lazy<string> Mine = new(() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), Prefix + Environment.ProcessId)).FullName);

    /// <summary>This process's folder, created on first use.</summary>
    public static string ForThisProcess => Mine.Value;

    /// <summary>A fresh path in this process's folder, e.g. for one synthesis call.</summary>
    public static string NewFile(string extension) => Path.Combine(ForThisProcess, $"{Guid.NewGuid():N}{extension}");

    /// <summary>Deletes the scratch folders of processes that no longer run; returns how many.</summary>
    public static int RemoveStale()
    {
        int removed = 0;
        foreach (string folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            if (!int.TryParse(Path.GetFileName(folder)[Prefix.Length..], out int pid) || IsAlive(pid)) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* another process's, or in use */ }
        }
        return removed;
    }

    internal static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false; // no such process
        }
    }
}
