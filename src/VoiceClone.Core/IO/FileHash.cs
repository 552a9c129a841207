using System.Security.Cryptography;

namespace VoiceClone.Core.IO;

/// <summary>Content checksums as written in fingerprints, profiles and SHA256SUMS: lower-case hex SHA-256.</summary>
public static class FileHash
{
    public static string Sha256(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }
}
