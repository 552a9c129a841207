using System.Management.Automation;

namespace VoiceClone.PowerShell;

/// <summary>
/// Resolves -Path (wildcards, relative to $PWD, PSDrives) and -LiteralPath to file-system paths. A folder stands for the
/// files in it that match the cmdlet's patterns, in name order; a folder whose own name matches them (a folder called
/// take.wav) is refused as not a regular file. Problems are written as non-terminating errors so the rest of the batch goes on.
/// </summary>
internal static class InputPathResolver
{
    public static List<string> Resolve(VoiceCloneCmdlet cmdlet, IEnumerable<string> paths, bool literal, IReadOnlyList<string> patterns)
    {
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (string.IsNullOrWhiteSpace(path)) continue;
            List<string>? resolved = literal ? ResolveLiteral(cmdlet, path) : ResolveWildcard(cmdlet, path);
            if (resolved is null) continue;
            foreach (string p in resolved)
            {
                if (!Directory.Exists(p)) files.Add(p);
                else if (Matches(Path.GetFileName(Path.TrimEndingDirectorySeparator(p)), patterns)) WriteNotRegular(cmdlet, p);
                else files.AddRange(Directory.EnumerateFiles(p).Where(f => Matches(Path.GetFileName(f), patterns)).Order(StringComparer.Ordinal));
            }
        }
        return files;
    }

    private static List<string>? ResolveLiteral(VoiceCloneCmdlet cmdlet, string path)
    {
        string full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out _);
        if (!IsFileSystem(cmdlet, provider, path)) return null;
        if (File.Exists(full) || Directory.Exists(full)) return [full];
        WriteNotFound(cmdlet, path);
        return null;
    }

    private static List<string>? ResolveWildcard(VoiceCloneCmdlet cmdlet, string path)
    {
        try
        {
            var resolved = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo provider);
            return IsFileSystem(cmdlet, provider, path) ? [.. resolved] : null;
        }
        catch (ItemNotFoundException)
        {
            WriteNotFound(cmdlet, path);
            return null;
        }
        catch (System.Management.Automation.DriveNotFoundException)
        {
            WriteNotFound(cmdlet, path);
            return null;
        }
    }

    private static bool IsFileSystem(VoiceCloneCmdlet cmdlet, ProviderInfo provider, string path)
    {
        if (provider.Name == "FileSystem") return true;
        cmdlet.WriteError(ErrorRecords.Create(VoiceCloneErrors.PathNotFileSystem,
            $"'{path}' is a {provider.Name} path; VoiceClone reads files from the file system.", path));
        return false;
    }

    private static bool Matches(string name, IReadOnlyList<string> patterns) =>
        patterns.Any(pattern => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(pattern, name));

    private static void WriteNotRegular(VoiceCloneCmdlet cmdlet, string path) =>
        cmdlet.WriteError(ErrorRecords.Create(VoiceCloneErrors.PathNotRegularFile, $"'{path}' is a folder, not a file; it was not opened.", path));

    private static void WriteNotFound(VoiceCloneCmdlet cmdlet, string path) =>
        cmdlet.WriteError(ErrorRecords.Create(VoiceCloneErrors.PathNotFound, $"Cannot find '{path}': no such file.", path));
}
