using System.Text;

namespace VoiceClone.Core.Batches;

/// <summary>One record of a CSV file: its cells and the line it starts on (1-based, for messages).</summary>
public sealed record CsvRecord(int Line, string[] Cells);

/// <summary>
/// Reads CSV as RFC 4180 writes it (and Export-Csv and spreadsheets do): comma-separated cells, a cell in double quotes may
/// hold commas, line breaks and doubled quotes (""); CRLF or LF line ends; a UTF-8 or UTF-16 byte-order mark is skipped.
/// Records stream one at a time, so a manifest of any length is read in constant memory.
/// </summary>
public static class CsvTable
{
    /// <summary>The records of <paramref name="reader"/>, blank lines skipped; a quote left open is a FormatException naming its line.</summary>
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1, recordLine = 1;
        bool quoted = false, cellWasQuoted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') cell.Append((char)reader.Read());
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    cell.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0 && !cellWasQuoted:
                    quoted = cellWasQuoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    cellWasQuoted = false;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    if (EndRecord(cells, cell, ref cellWasQuoted) is { } record) yield return new CsvRecord(recordLine, record);
                    recordLine = ++line;
                    break;
                default:
                    cell.Append((char)c);
                    break;
            }
        }
        if (quoted) throw new FormatException($"the quoted cell opened on line {recordLine} is never closed");
        if (EndRecord(cells, cell, ref cellWasQuoted) is { } last) yield return new CsvRecord(recordLine, last);
    }

    /// <summary>The record just ended, or null for a blank line.</summary>
    private static string[]? EndRecord(List<string> cells, StringBuilder cell, ref bool cellWasQuoted)
    {
        bool blank = cells.Count == 0 && cell.Length == 0 && !cellWasQuoted;
        cells.Add(cell.ToString());
        string[] record = [.. cells];
        cells.Clear();
        cell.Clear();
        cellWasQuoted = false;
        return blank ? null : record;
    }
}
