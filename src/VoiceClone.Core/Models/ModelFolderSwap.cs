namespace VoiceClone.Core.Models;

/// <summary>
/// Puts a finished model folder in place of the installed one: the old folder is renamed aside, the new one renamed in, the
/// old one deleted. A crash between the two renames leaves the old folder under its aside name, which
/// <see cref="RecoverInterrupted"/> puts back before anything else happens, so an install is never half old and half new.
/// </summary>
public static class ModelFolderSwap
{
    public static void Replace(string staging, string folder)
    {
        if (!Directory.Exists(folder))
        {
            Directory.Move(staging, folder);
            return;
        }
        string aside = AsideName(folder);
        Directory.Move(folder, aside);
        Directory.Move(staging, folder);
        Directory.Delete(aside, recursive: true);
    }

    /// <summary>If an earlier swap stopped between its renames, the previous install goes back where it was.</summary>
    public static void RecoverInterrupted(string folder)
    {
        string parent = Path.GetDirectoryName(folder)!;
        if (Directory.Exists(folder) || !Directory.Exists(parent)) return;
        string? aside = Directory.EnumerateDirectories(parent, $".{Path.GetFileName(folder)}.previous-*").FirstOrDefault();
        if (aside is not null) Directory.Move(aside, folder);
    }

    /// <summary>Where the files of an unfinished download of <paramref name="folder"/> wait to be resumed.</summary>
    public static string PartialFolder(string folder) => Path.Combine(Path.GetDirectoryName(folder)!, $".{Path.GetFileName(folder)}.partial");

    public static string NewStagingFolder(string folder) =>
        Path.Combine(Path.GetDirectoryName(folder)!, $".{Path.GetFileName(folder)}.staging-{Guid.NewGuid():N}");

    private static string AsideName(string folder) =>
        Path.Combine(Path.GetDirectoryName(folder)!, $".{Path.GetFileName(folder)}.previous-{Guid.NewGuid():N}");
}
