using System.Text.Json;

namespace VoiceClone.Core.Fingerprints;

/// <summary>The serializer settings every fingerprint is read and written with.</summary>
internal static class FingerprintJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        MaxDepth = 16,
    };

    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };
}
