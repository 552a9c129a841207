using System.Buffers;
using System.Text.Json;
using VoiceClone.Core.IO;

namespace VoiceClone.Core.Batches;

/// <summary>One line of a result file: its kind, its input's key, the result as JSON, and where it was read.</summary>
public sealed record ResultLine(string Kind, string Key, JsonElement Result, string File, int LineNumber);

/// <summary>
/// Reads result files (<see cref="ResultFormat"/>) line by line, streaming. A last line without its newline was cut short
/// by a crash (or is being written) and is passed over, so its input counts as not done; any other line that is not a
/// result is BatchResultInvalid naming the file and line.
/// </summary>
public static class ResultReader
{
    private const int ChunkBytes = 1 << 16;
    private const byte NewLine = (byte)'\n';

    public static IEnumerable<ResultLine> Read(string path)
    {
        string full = Path.GetFullPath(path);
        RegularFile.Require(full);
        FileStream stream;
        try
        {
            stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, ChunkBytes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.PathNotFound, $"Result file '{full}' does not exist.", full, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Invalid(full, 0, $"it cannot be read ({e.Message})", e);
        }
        using (stream)
        {
            var pending = new ArrayBufferWriter<byte>();
            var chunk = new byte[ChunkBytes];
            int lineNumber = 0, read;
            while ((read = stream.Read(chunk)) > 0)
            {
                int start = 0;
                for (int end; (end = Array.IndexOf(chunk, NewLine, start, read - start)) >= 0; start = end + 1)
                {
                    pending.Write(chunk.AsSpan(start, end - start));
                    lineNumber++;
                    if (!pending.WrittenSpan.Trim(" \t\r"u8).IsEmpty) yield return Parse(pending.WrittenMemory, full, lineNumber);
                    pending.ResetWrittenCount();
                }
                pending.Write(chunk.AsSpan(start, read - start)); // an unfinished line: completed by the next chunk, or cut short
            }
        }
    }

    private static ResultLine Parse(ReadOnlyMemory<byte> bytes, string file, int lineNumber)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(bytes);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Invalid(file, lineNumber, "it is not a JSON object");
            string? kind = root.TryGetProperty("kind", out JsonElement k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            string? key = root.TryGetProperty("key", out JsonElement y) && y.ValueKind == JsonValueKind.String ? y.GetString() : null;
            if (kind is null || !ResultFormat.IsKind(kind)) throw Invalid(file, lineNumber, "its kind is not features or emotion");
            if (string.IsNullOrEmpty(key)) throw Invalid(file, lineNumber, "it has no key");
            if (!root.TryGetProperty("result", out JsonElement result) || result.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(file, lineNumber, "it has no result object");
            }
            return new ResultLine(kind, key, result.Clone(), file, lineNumber);
        }
        catch (JsonException e)
        {
            throw Invalid(file, lineNumber, $"it is not JSON ({e.Message})", e);
        }
    }

    /// <param name="lineNumber">The line at fault; 0 for the whole file.</param>
    internal static VoiceCloneException Invalid(string file, int lineNumber, string defect, Exception? inner = null) =>
        new(VoiceCloneErrors.BatchResultInvalid,
            $"{(lineNumber > 0 ? $"Line {lineNumber} of result file" : "Result file")} '{file}' cannot be used: {defect}.", file, inner);
}
