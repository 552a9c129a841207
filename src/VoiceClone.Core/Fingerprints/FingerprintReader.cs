using System.Text.Json;
using VoiceClone.Core.IO;

namespace VoiceClone.Core.Fingerprints;

/// <summary>Reads and validates fingerprint files into <see cref="CloneFingerprint"/> objects.</summary>
public static class FingerprintReader
{
    /// <summary>A fingerprint is a few kilobytes; anything this large is something else.</summary>
    public const long MaxFileBytes = 1 << 20;

    public static CloneFingerprint Read(string path)
    {
        string fullPath = Path.GetFullPath(path);
        FingerprintDocument document = ReadDocument(fullPath);
        return ToCloneFingerprint(document, fullPath);
    }

    public static FingerprintDocument ReadDocument(string fullPath)
    {
        byte[] bytes = ReadBounded(fullPath);
        JsonElement root;
        try
        {
            using JsonDocument json = JsonDocument.Parse(bytes, FingerprintJson.DocumentOptions);
            root = json.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw Invalid(fullPath, $"it is not valid JSON ({e.Message})", e);
        }
        FingerprintSchema.Validate(root, fullPath);
        try
        {
            var document = root.Deserialize<FingerprintDocument>(FingerprintJson.Options)!;
            // Seed-era files carry no schema_version: they are schema 0, not the current default.
            if (!root.TryGetProperty("schema_version", out _)) document.SchemaVersion = 0;
            return document;
        }
        catch (JsonException e)
        {
            throw Invalid(fullPath, $"the value at {e.Path} has the wrong type", e);
        }
    }

    internal static VoiceCloneException Invalid(string path, string defect, Exception? inner = null) =>
        new(VoiceCloneErrors.FingerprintInvalid, $"'{path}' is not a VoiceClone fingerprint: {defect}.", path, inner);

    private static byte[] ReadBounded(string fullPath)
    {
        RegularFile.Require(fullPath);
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > MaxFileBytes)
            {
                throw new VoiceCloneException(VoiceCloneErrors.FingerprintTooLarge,
                    $"'{fullPath}' is {stream.Length:N0} bytes; a fingerprint is at most {MaxFileBytes:N0} bytes, so it was not parsed.", fullPath);
            }
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.PathNotFound, $"Fingerprint '{fullPath}' does not exist.", fullPath, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.FingerprintReadFailed, $"Cannot read '{fullPath}': {e.Message}", fullPath, e);
        }
    }

    private static CloneFingerprint ToCloneFingerprint(FingerprintDocument d, string fullPath)
    {
        string folder = Path.GetDirectoryName(fullPath)!;
        VoiceAnalysisSection analysis = d.ReferenceVoiceAnalysis!;
        double?[] range = analysis.PitchRange ?? [];
        return new CloneFingerprint
        {
            SchemaVersion = d.SchemaVersion ?? 0,
            Text = d.Text!,
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(d.Timestamp!.Value * 1000)),
            Pitch = analysis.Pitch ?? double.NaN,
            PitchRangeLow = range.Length == 2 ? range[0] ?? double.NaN : double.NaN,
            PitchRangeHigh = range.Length == 2 ? range[1] ?? double.NaN : double.NaN,
            StressEnergy = analysis.StressEnergy ?? double.NaN,
            Emotion = analysis.Emotion,
            EmotionConfidence = analysis.EmotionConfidence ?? double.NaN,
            Wpm = analysis.SpeakingPattern?.Wpm ?? double.NaN,
            PauseEntropy = analysis.SpeakingPattern?.PauseEntropy ?? double.NaN,
            ModelUsed = d.ModelUsed,
            Engine = d.Engine,
            RunId = d.RunId,
            AudioPath = ResolveAudioPath(d.Audio?.Path, folder, fullPath, "audio.path") ?? SiblingWav(fullPath),
            ReferenceAudioPath = ResolveAudioPath(d.ReferenceAudio?.Path, folder, fullPath, "reference_audio.path"),
            AudioSha256 = d.Audio?.Sha256,
            ReferenceAudioSha256 = d.ReferenceAudio?.Sha256,
            Path = fullPath,
        };
    }

    private static string? ResolveAudioPath(string? path, string folder, string fingerprintPath, string key)
    {
        if (string.IsNullOrEmpty(path)) return null;
        try
        {
            return Path.GetFullPath(path, folder);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Invalid(fingerprintPath, $"'{key}' is not a usable path ({e.Message})", e);
        }
    }

    /// <summary>Seed-era fingerprints carry no audio path; their audio is the .wav of the same name.</summary>
    private static string? SiblingWav(string jsonPath)
    {
        string wav = Path.ChangeExtension(jsonPath, ".wav");
        return File.Exists(wav) ? wav : null;
    }
}
