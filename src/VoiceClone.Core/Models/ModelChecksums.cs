using System.Text;
using System.Text.RegularExpressions;

namespace VoiceClone.Core.Models;

/// <summary>
/// A SHA256SUMS file ("hash  relative/path" per line, as sha256sum writes it): at most <see cref="MaxBytes"/> (a model's
/// list is a few hundred bytes), every path at most once, or the same hash when repeated.
/// </summary>
public static partial class ModelChecksums
{
    public const string FileName = "SHA256SUMS";
    /// <summary>A listing of thousands of files fits; anything larger is not a checksum list.</summary>
    public const int MaxBytes = 1 << 20;

    public static Dictionary<string, string> Parse(string body, string source)
    {
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = line.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !Sha256Hex().IsMatch(parts[0])) continue;
            string path = parts[1].TrimStart('*').Replace('\\', '/'), hash = parts[0].ToLowerInvariant();
            if (sums.TryGetValue(path, out string? earlier) && earlier != hash)
            {
                throw new VoiceCloneException(VoiceCloneErrors.ModelDownloadFailed,
                    $"{source} lists '{path}' twice with different checksums; nothing can be verified against it.", source);
            }
            sums[path] = hash;
        }
        return sums;
    }

    public static string Format(IEnumerable<(string Sha256, string RelativePath)> files) =>
        new StringBuilder().AppendJoin("", files.Select(f => $"{f.Sha256}  {f.RelativePath}\n")).ToString();

    public static bool IsSha256(string value) => Sha256Hex().IsMatch(value);

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
