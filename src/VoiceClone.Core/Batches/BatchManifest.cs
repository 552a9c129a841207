using System.Text;
using VoiceClone.Core.Cloning;
using VoiceClone.Core.IO;

namespace VoiceClone.Core.Batches;

/// <summary>
/// A manifest row in this task's shard: its data-row number (from 0, header excluded), the line it starts on, the file
/// it names (resolved against the manifest's folder), its key (what results and resumes are keyed by), and for cloning the
/// text and id.
/// </summary>
public sealed record ManifestRow(long Row, int Line, string Path, string Key, string? Text, string? Id);

/// <summary>
/// Batch manifests: CSV with a header. Analysis: a path column (or file), and an optional text column (the words
/// spoken, for exact words per minute). Cloning: reference, text and id columns, one clone per row. Other columns are
/// ignored, so an inventory with more columns serves as it is. Relative paths are relative to the manifest's folder.
/// The whole manifest is checked before any work (every row complete, no key twice: two rows of one id would be two
/// writers of one pair), but only this shard's rows are kept.
/// </summary>
public static class BatchManifest
{
    /// <summary>Rows of an analysis manifest; a row's key is its file's path relative to the manifest's folder.</summary>
    public static IReadOnlyList<ManifestRow> ReadAnalysis(string manifestPath, ShardAssignment shard) =>
        Read(manifestPath, shard, ["path|file"], ["text"], (cells, folder, line) =>
        {
            string path = Path.GetFullPath(cells[0].Trim(), folder);
            return (path, ShardAssignment.KeyOf(path, folder), Blank(cells[1]) ? null : cells[1].Trim(), null);
        }, StringComparer.Ordinal);

    /// <summary>Rows of a clone manifest; a row's key is its clone id.</summary>
    public static IReadOnlyList<ManifestRow> ReadClones(string manifestPath, ShardAssignment shard) =>
        Read(manifestPath, shard, ["reference", "text", "id"], [], (cells, folder, line) =>
        {
            string id = cells[2].Trim();
            if (!CloneIds.IsValid(id))
            {
                throw Invalid(manifestPath, $"line {line} has the id '{id}', which cannot be part of a file name: use 1-64 letters, digits, " +
                    "'-', '_' or '.', not starting with '.'");
            }
            // Ids are file names: on Windows and macOS two ids differing in case are one pair.
            return (Path.GetFullPath(cells[0].Trim(), folder), id, cells[1].Trim(), id);
        }, StringComparer.OrdinalIgnoreCase);

    private delegate (string Path, string Key, string? Text, string? Id) RowReader(string[] cells, string folder, int line);

    /// <param name="required">Column names, each with its accepted spellings separated by '|'; every row needs a value.</param>
    /// <param name="optional">Columns that may be missing or empty; the row reader gets "" then.</param>
    private static List<ManifestRow> Read(string manifestPath, ShardAssignment shard, string[] required, string[] optional, RowReader read,
        StringComparer keys)
    {
        string full = Path.GetFullPath(manifestPath);
        if (!File.Exists(full)) throw new VoiceCloneException(VoiceCloneErrors.PathNotFound, $"Manifest '{full}' does not exist.", full);
        RegularFile.Require(full);
        string folder = Path.GetDirectoryName(full)!;
        var rows = new List<ManifestRow>();
        var seen = new Dictionary<string, int>(keys);
        try
        {
            using var reader = new StreamReader(full, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            using IEnumerator<CsvRecord> records = CsvTable.Read(reader).GetEnumerator();
            if (!records.MoveNext()) throw Invalid(full, "it is empty; the first line names the columns");
            int[] columns = Columns(full, records.Current.Cells, required, optional);
            long row = 0;
            while (records.MoveNext())
            {
                CsvRecord record = records.Current;
                string[] cells = columns.Select(c => c >= 0 && c < record.Cells.Length ? record.Cells[c] : "").ToArray();
                for (int i = 0; i < required.Length; i++)
                {
                    if (Blank(cells[i])) throw Invalid(full, $"line {record.Line} has no {required[i].Split('|')[0]}");
                }
                var (path, key, text, id) = read(cells, folder, record.Line);
                if (!seen.TryAdd(key, record.Line)) throw Invalid(full, $"line {record.Line} repeats '{key}' of line {seen[key]}");
                if (shard.TakesRow(row)) rows.Add(new ManifestRow(row, record.Line, path, key, text, id));
                row++;
            }
        }
        catch (FormatException e)
        {
            throw Invalid(full, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.BatchManifestInvalid, $"Cannot read manifest '{full}': {e.Message}", full, e);
        }
        return rows;
    }

    /// <summary>Where each wanted column is: required ones first, then optional ones (-1 when absent).</summary>
    private static int[] Columns(string manifestPath, string[] header, string[] required, string[] optional)
    {
        string[] names = header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int Find(string spellings) => spellings.Split('|').Select(s => Array.IndexOf(names, s)).FirstOrDefault(i => i >= 0, -1);
        int[] columns = [.. required.Select(Find), .. optional.Select(Find)];
        string[] missing = required.Where((_, i) => columns[i] < 0).Select(r => r.Replace("|", " or ")).ToArray();
        if (missing.Length > 0)
        {
            throw Invalid(manifestPath, $"its header ({string.Join(",", header)}) lacks the column(s) {string.Join(", ", missing)}; " +
                $"the first line names the columns: {string.Join(",", required.Select(r => r.Split('|')[0]).Concat(optional))}");
        }
        return columns;
    }

    private static bool Blank(string cell) => string.IsNullOrWhiteSpace(cell);

    private static VoiceCloneException Invalid(string path, string defect) =>
        new(VoiceCloneErrors.BatchManifestInvalid, $"Manifest '{path}' cannot be used: {defect}.", path);
}
