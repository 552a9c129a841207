using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using VoiceClone.Core.IO;

namespace VoiceClone.Core.Batches;

/// <summary>
/// Batch results as JSON Lines: one result per line, {"kind":"features","key":"calls/a.wav","result":{...}}, the result
/// being the cmdlet's own object (VoiceFeatures, EmotionResult) with its property names, NaN written as "NaN". Each task
/// writes its own file, named for what it holds: features.paths-0003-of-0008.20261205T101502-node17-4242-9f3a.jsonl
/// (kind; how the shard was chosen, by hashed path or by manifest row; shard and count; start time, host, process).
/// </summary>
public static partial class ResultFormat
{
    public const string Extension = ".jsonl";
    public const string Features = "features";
    public const string Emotion = "emotion";

    private static readonly JsonSerializerOptions Options = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The result type each kind holds.</summary>
    public static Type TypeOf(string kind) => kind switch
    {
        Features => typeof(VoiceFeatures),
        Emotion => typeof(EmotionResult),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a result kind"),
    };

    public static bool IsKind(string kind) => kind is Features or Emotion;

    /// <summary>How the inputs were shared out: hashed paths (-Path) or manifest rows (-Manifest).</summary>
    public static string Scheme(bool byManifestRow) => byManifestRow ? "rows" : "paths";

    public static string FileName(string kind, string scheme, ShardAssignment shard) =>
        $"{kind}.{scheme}-{shard.Index:D4}-of-{shard.Count:D4}.{DateTime.UtcNow:yyyyMMdd'T'HHmmss}-{StaleStagingFiles.HostTag}-" +
        $"{Environment.ProcessId}-{Random.Shared.Next(0x10000):x4}{Extension}";

    /// <summary>What a result file's name says it holds; false for a name of another form (a user's merged file, say).</summary>
    public static bool TryParseName(string fileName, out string kind, out string scheme, out int index, out int count)
    {
        Match m = NamePattern().Match(fileName);
        (kind, scheme) = (m.Groups["kind"].Value, m.Groups["scheme"].Value);
        index = m.Success ? int.Parse(m.Groups["index"].Value) : -1;
        count = m.Success ? int.Parse(m.Groups["count"].Value) : -1;
        return m.Success;
    }

    /// <summary>One result as one line, newline included.</summary>
    public static byte[] Line(string kind, string key, object result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", kind);
            writer.WriteString("key", key);
            writer.WritePropertyName("result");
            JsonSerializer.Serialize(writer, result, TypeOf(kind), Options);
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>A line's result as its typed object.</summary>
    public static object Deserialize(ResultLine line)
    {
        try
        {
            return line.Result.Deserialize(TypeOf(line.Kind), Options)
                ?? throw new JsonException("the result is null");
        }
        catch (JsonException e)
        {
            throw ResultReader.Invalid(line.File, line.LineNumber, $"its result is not a {TypeOf(line.Kind).Name} ({e.Message})", e);
        }
    }

    [GeneratedRegex(@"^(?<kind>[a-z]+)\.(?<scheme>paths|rows)-(?<index>\d{1,9})-of-(?<count>\d{1,9})\..+\.jsonl$")]
    private static partial Regex NamePattern();
}
