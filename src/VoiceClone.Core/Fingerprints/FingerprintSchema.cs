using System.Text.Json;

namespace VoiceClone.Core.Fingerprints;

/// <summary>
/// Structural checks that tell a fingerprint from other JSON before it is bound, so the error can name
/// the missing or mistyped key instead of a serializer message.
/// </summary>
internal static class FingerprintSchema
{
    // The seconds since 1970-01-01 that DateTimeOffset can hold: 0001-01-01 to 9999-12-31.
    private static readonly double MinTimestampSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly double MaxTimestampSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static void Validate(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw FingerprintReader.Invalid(path, $"the top level is {Describe(root.ValueKind)}, not an object");
        }
        if (root.TryGetProperty("schema_version", out JsonElement version))
        {
            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int v) || v < 0)
            {
                throw FingerprintReader.Invalid(path, "'schema_version' is not a whole number");
            }
            if (v > FingerprintDocument.CurrentSchemaVersion)
            {
                throw FingerprintReader.Invalid(path,
                    $"it was written with schema {v}; this VoiceClone reads schemas up to {FingerprintDocument.CurrentSchemaVersion} (update the module)");
            }
        }
        Require(root, "text", JsonValueKind.String, path);
        JsonElement timestamp = Require(root, "timestamp", JsonValueKind.Number, path);
        if (!timestamp.TryGetDouble(out double seconds) || !double.IsFinite(seconds) || seconds < MinTimestampSeconds || seconds > MaxTimestampSeconds)
        {
            throw FingerprintReader.Invalid(path, $"'timestamp' {timestamp.GetRawText()} is not a time: seconds since 1970 between year 1 and 9999");
        }
        Require(root, "model_used", JsonValueKind.String, path);
        JsonElement analysis = Require(root, "reference_voice_analysis", JsonValueKind.Object, path);
        RequireNumberOrNull(analysis, "pitch", path);
        if (analysis.TryGetProperty("pitch_range", out JsonElement range) && range.ValueKind != JsonValueKind.Null)
        {
            if (range.ValueKind != JsonValueKind.Array || range.GetArrayLength() != 2 ||
                range.EnumerateArray().Any(e => e.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null)))
            {
                throw FingerprintReader.Invalid(path, "'reference_voice_analysis.pitch_range' must be [low, high] in Hz");
            }
        }
    }

    private static JsonElement Require(JsonElement parent, string key, JsonValueKind kind, string path)
    {
        if (!parent.TryGetProperty(key, out JsonElement value))
        {
            throw FingerprintReader.Invalid(path, $"the required key '{key}' is missing");
        }
        if (value.ValueKind != kind)
        {
            throw FingerprintReader.Invalid(path, $"'{key}' is {Describe(value.ValueKind)}, expected {Describe(kind)}");
        }
        return value;
    }

    private static void RequireNumberOrNull(JsonElement parent, string key, string path)
    {
        if (!parent.TryGetProperty(key, out JsonElement value))
        {
            throw FingerprintReader.Invalid(path, $"the required key 'reference_voice_analysis.{key}' is missing");
        }
        if (value.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null))
        {
            throw FingerprintReader.Invalid(path, $"'reference_voice_analysis.{key}' is {Describe(value.ValueKind)}, expected a number");
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
