using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VoiceClone.Core.Runs;

/// <summary>A run log as read: its document (schema 2 in memory), the status to show, and what the reader had to excuse.</summary>
/// <param name="Status">The written status, except "interrupted" for a run still marked running whose process is gone.</param>
/// <param name="Note">Why the record is incomplete (a cut-short file, a newer schema), or null.</param>
public sealed record RunLogRecord(string Path, RunLogDocument Document, string Status, string? Note);

/// <summary>
/// Reads run logs of every schema so far, and what a killed run left: schema 1 ("clone" where schema 2 says "item") is
/// upgraded on reading; a newer schema is read for the fields this module knows; a file cut short (a copy interrupted, a
/// disk that filled) gives up its header (id, command, start, status) and is marked interrupted. A run still marked
/// "running" whose process is gone (same host, no such pid, or a pid reused by a later process) reads as "interrupted".
/// </summary>
public static class RunLogReader
{
    /// <summary>No run log comes near this; a bigger file is not parsed (it is not one).</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <exception cref="InvalidDataException">The file is not a run log (no JSON object with a run id).</exception>
    public static RunLogRecord Read(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxBytes) throw new InvalidDataException($"'{path}' is {info.Length:N0} bytes, far larger than any run log.");
        byte[] bytes = File.ReadAllBytes(path);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return Salvage(path, bytes);
        }
        if (node is not JsonObject root || root["run_id"] is null) throw new InvalidDataException($"'{path}' is JSON but not a run log.");
        int version = root["schema_version"]?.GetValueKind() == JsonValueKind.Number ? root["schema_version"]!.GetValue<int>() : 1;
        if (version < 2) Upgrade(root);
        RunLogDocument document;
        try
        {
            document = root.Deserialize<RunLogDocument>(RunLog.Json) ?? throw new InvalidDataException($"'{path}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a run log: {e.Message}", e);
        }
        string? note = version > RunLogDocument.CurrentSchemaVersion
            ? $"written by a newer module (schema {version}); what it added is not shown" : null;
        return new RunLogRecord(path, document, EffectiveStatus(document), note);
    }

    /// <summary>Schema 1 to 2: the unit of work was called "clone" in stages, retries and validations, "clones" in errors.</summary>
    private static void Upgrade(JsonObject root)
    {
        foreach (string list in new[] { "stages", "retries", "validations" })
        {
            foreach (JsonObject entry in (root[list] as JsonArray ?? []).OfType<JsonObject>()) Rename(entry, "clone", "item");
        }
        foreach (JsonObject error in (root["errors"] as JsonArray ?? []).OfType<JsonObject>()) Rename(error, "clones", "items");
    }

    private static void Rename(JsonObject entry, string from, string to)
    {
        if (!entry.Remove(from, out JsonNode? value) || entry.ContainsKey(to)) return;
        entry[to] = value;
    }

    /// <summary>The top-level values of a file cut short, up to where it breaks: enough to list the run.</summary>
    private static RunLogRecord Salvage(string path, byte[] bytes)
    {
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, state: default);
        string? property = null;
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth != 1) continue;
                if (reader.TokenType == JsonTokenType.PropertyName) property = reader.GetString();
                else if (property is not null && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                    header[property] = reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);
            }
        }
        catch (JsonException)
        {
            // The break: what came before it is all there is.
        }
        if (!header.TryGetValue("run_id", out string? runId))
            throw new InvalidDataException($"'{path}' is not a run log (it breaks off before naming its run).");
        var document = new RunLogDocument
        {
            RunId = runId, Command = header.GetValueOrDefault("command") ?? "", Status = header.GetValueOrDefault("status") ?? "running",
            Started = DateTimeOffset.TryParse(header.GetValueOrDefault("started"), out DateTimeOffset started) ? started : RunIds.StartOf(runId) ?? default,
            Engine = header.GetValueOrDefault("engine"), Device = header.GetValueOrDefault("device"), Model = header.GetValueOrDefault("model"),
            SchemaVersion = int.TryParse(header.GetValueOrDefault("schema_version"), out int version) ? version : 1,
        };
        return new RunLogRecord(path, document, document.Status == "running" ? "interrupted" : document.Status,
            $"the file breaks off after {bytes.Length:N0} bytes; only its header was read");
    }

    private static string EffectiveStatus(RunLogDocument run)
    {
        if (run.Status != "running") return run.Status;
        string? host = run.Machine.GetValueOrDefault("host");
        if (host != Environment.MachineName || !int.TryParse(run.Machine.GetValueOrDefault("pid"), out int pid)) return "running"; // cannot tell
        return IsAlive(pid, run.Started) ? "running" : "interrupted";
    }

    /// <summary>Whether the process that started a run at <paramref name="started"/> is still there (not a later one with its pid).</summary>
    private static bool IsAlive(int pid, DateTimeOffset started)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            // A process that started after the run cannot be the one that ran it (one second of clock slack).
            return process.StartTime.ToUniversalTime() <= started.UtcDateTime.AddSeconds(1);
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return true; // exists, but its start time cannot be read: assume it is the run's
        }
    }
}
