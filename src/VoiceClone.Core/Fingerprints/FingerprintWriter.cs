using System.Text.Json;
using VoiceClone.Core.IO;

namespace VoiceClone.Core.Fingerprints;

/// <summary>Serializes fingerprints; writes go through a staged temporary file.</summary>
public static class FingerprintWriter
{
    public static byte[] Serialize(FingerprintDocument document) =>
        JsonSerializer.SerializeToUtf8Bytes(document, FingerprintJson.Options);

    /// <summary>Stages the document beside <paramref name="path"/>; the caller commits it (after the audio, for a clone pair).</summary>
    public static StagedFile Stage(string path, FingerprintDocument document)
    {
        var staged = new StagedFile(path);
        try
        {
            using FileStream stream = staged.OpenWrite();
            stream.Write(Serialize(document));
            stream.Flush(flushToDisk: true);
            return staged;
        }
        catch
        {
            staged.Dispose();
            throw;
        }
    }

    /// <summary>Maps "not measured" (NaN, infinity) to null, since JSON has no NaN.</summary>
    public static double? FiniteOrNull(double value) => double.IsFinite(value) ? value : null;
}
