using System.IO.Compression;

namespace VoiceClone.Core.Telemetry;

/// <summary>
/// Keeps the newest <c>keepFiles</c> rolled log files of a family (app.log, app_001.log, ...) and
/// gzips older ones into archive/, which itself keeps the newest <see cref="MaxArchives"/>. Serilog's
/// own retention cannot archive shared files, so the sink retains everything and this sweep runs at
/// start-up, every minute and at shutdown. A lock file keeps two processes from sweeping at once;
/// only files past the newest few are touched, and those are no longer written.
/// </summary>
public static class LogRetention
{
    public const int MaxArchives = 20;
    public const string ArchiveFolder = "archive";
    private const string LockFileName = ".retention.lock";

    /// <summary>Returns how many files were archived.</summary>
    public static int Sweep(string directory, string fileName, int keepFiles)
    {
        if (!Directory.Exists(directory)) return 0;
        FileStream? lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return 0; // another process is sweeping
        }
        using (lockFile)
        {
            string stem = Path.GetFileNameWithoutExtension(fileName);
            string extension = Path.GetExtension(fileName);
            var family = new DirectoryInfo(directory).GetFiles(stem + "*" + extension)
                .Where(f => IsFamilyMember(f.Name, stem, extension))
                .OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal)
                .ToList();
            int archived = 0;
            foreach (FileInfo old in family.Skip(keepFiles))
            {
                if (Archive(old, Path.Combine(directory, ArchiveFolder))) archived++;
            }
            if (archived > 0) PruneArchive(Path.Combine(directory, ArchiveFolder));
            return archived;
        }
    }

    /// <summary>
    /// The file the rolling sink writes now: the highest-numbered of app.log, app_001.log, app_002.log... (app.log itself when
    /// it never rolled or when nothing is there yet).
    /// </summary>
    public static string LiveFile(string directory, string fileName)
    {
        string stem = Path.GetFileNameWithoutExtension(fileName), extension = Path.GetExtension(fileName);
        if (!Directory.Exists(directory)) return Path.Combine(directory, fileName);
        string? newest = Directory.EnumerateFiles(directory, stem + "*" + extension)
            .Select(Path.GetFileName)
            .Where(n => IsFamilyMember(n!, stem, extension))
            .MaxBy(n => n == fileName ? 0 : int.Parse(n![(stem.Length + 1)..^extension.Length], System.Globalization.CultureInfo.InvariantCulture));
        return Path.Combine(directory, newest ?? fileName);
    }

    // app.log itself, or app_NNN.log as the rolling sink names its successors.
    private static bool IsFamilyMember(string name, string stem, string extension)
    {
        if (name == stem + extension) return true;
        string middle = name[stem.Length..^extension.Length];
        return middle.Length > 1 && middle[0] == '_' && middle[1..].All(char.IsAsciiDigit);
    }

    private static bool Archive(FileInfo file, string archiveDirectory)
    {
        try
        {
            Directory.CreateDirectory(archiveDirectory);
            string target = Path.Combine(archiveDirectory, $"{Path.GetFileNameWithoutExtension(file.Name)}.{file.LastWriteTimeUtc:yyyyMMddHHmmssfff}{file.Extension}.gz");
            string temp = target + ".tmp";
            using (var source = file.OpenRead())
            using (var gzip = new GZipStream(File.Create(temp), CompressionLevel.SmallestSize))
            {
                source.CopyTo(gzip);
            }
            File.Move(temp, target, overwrite: true);
            file.Delete();
            return true;
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    private static void PruneArchive(string archiveDirectory)
    {
        var surplus = new DirectoryInfo(archiveDirectory).GetFiles("*.gz")
            .OrderByDescending(f => f.Name, StringComparer.Ordinal).Skip(MaxArchives);
        foreach (FileInfo old in surplus)
        {
            try { old.Delete(); }
            catch (IOException) { }
        }
    }
}
