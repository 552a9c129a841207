namespace VoiceClone.PowerShell.Tests.Support;

/// <summary>What a clone output folder holds, hidden files included, apart from the writers' shared lock file.</summary>
internal static class OutputFolder
{
    public const string LockFile = ".voiceclone.lock";

    public static string[] Files(string folder) =>
        Directory.GetFiles(folder).Where(f => Path.GetFileName(f) != LockFile).ToArray();
}
