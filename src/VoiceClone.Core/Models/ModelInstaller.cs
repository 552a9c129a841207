using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Models;

/// <summary>One file of a model download: where it comes from, where it goes, and the sha256 it must have (when known).</summary>
public sealed record ModelFile(string RelativePath, Uri Source)
{
    public string? ExpectedSha256 { get; init; }
}

/// <summary>What an install did.</summary>
public sealed record ModelInstallResult(string Folder, int Files, long Bytes, int Verified, int Resumed);

/// <summary>
/// Downloads a model folder (the engine that owns the model lists its files): each file into a hidden .partial folder, resumed with an HTTP Range request when a
/// partial file is there, checked against its sha256, then renamed into place; install.json is written last, so a
/// folder with it is complete. Checksums come from the source's SHA256SUMS file when it has one, else from the
/// X-Linked-ETag header Hugging Face sends for large (LFS) files; a file with neither is installed and reported unverified.
/// </summary>
public sealed partial class ModelInstaller(HttpClient http)
{
    public const string Source = "model_installer";
    public const string ChecksumFile = "SHA256SUMS";
    public const string MarkerFile = "install.json";
    private const string PartialFolder = ".partial";
    private const int BufferBytes = 1 << 16;

    /// <summary>Reads SHA256SUMS ("hash  relative/path" lines) from <paramref name="root"/>; empty when the source has none.</summary>
    public async Task<Dictionary<string, string>> ReadChecksumsAsync(Uri root, CancellationToken cancellation)
    {
        using HttpResponseMessage response = await http.GetAsync(new Uri(root, ChecksumFile), cancellation).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return [];
        response.EnsureSuccessStatusCode();
        string body = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        return body.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length == 2 && Sha256Hex().IsMatch(parts[0]))
            .ToDictionary(parts => parts[1].TrimStart('*').Replace('\\', '/'), parts => parts[0].ToLowerInvariant());
    }

    /// <param name="progress">File, bytes so far, total bytes when known; called on the calling thread's context.</param>
    public async Task<ModelInstallResult> InstallAsync(IReadOnlyList<ModelFile> files, string folder, bool force,
        Action<string, long, long?> progress, CancellationToken cancellation)
    {
        folder = Path.GetFullPath(folder);
        if (File.Exists(Path.Combine(folder, MarkerFile)) && !force)
            throw new VoiceCloneException(VoiceCloneErrors.OutputExists, $"A model is already installed in '{folder}' and was left as it is.", folder);
        string partial = Path.Combine(folder, PartialFolder);
        Directory.CreateDirectory(partial);
        long bytes = 0;
        int verified = 0, resumed = 0;
        var sums = new List<string>();
        foreach (ModelFile file in files)
        {
            cancellation.ThrowIfCancellationRequested();
            string part = Path.Combine(partial, file.RelativePath.Replace('/', '_') + ".part");
            var (sha256, length, wasResumed, expected) = await DownloadAsync(file, part, progress, cancellation).ConfigureAwait(false);
            if (expected is not null && !string.Equals(expected, sha256, StringComparison.OrdinalIgnoreCase))
            {
                File.Delete(part); // a corrupt download must not be resumed from
                throw new VoiceCloneException(VoiceCloneErrors.ModelFileMissing,
                    $"'{file.RelativePath}' from {file.Source} has sha256 {sha256}, expected {expected}; the download was discarded. Run the command again.", file.Source.ToString());
            }
            if (expected is null) ModuleLog.For(Source).Warning("{File}: the source gave no checksum; installed with sha256 {Sha256}, unverified", file.RelativePath, sha256);
            else verified++;
            if (wasResumed) resumed++;
            string target = Path.Combine(folder, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(part, target, overwrite: true);
            bytes += length;
            sums.Add($"{sha256}  {file.RelativePath}");
        }
        File.WriteAllLines(Path.Combine(folder, ChecksumFile), sums);
        var marker = new { installed = DateTimeOffset.UtcNow, files = files.Select(f => new { path = f.RelativePath, source = f.Source.ToString() }) };
        string markerTemp = Path.Combine(partial, MarkerFile);
        await File.WriteAllTextAsync(markerTemp, System.Text.Json.JsonSerializer.Serialize(marker), cancellation).ConfigureAwait(false);
        File.Move(markerTemp, Path.Combine(folder, MarkerFile), overwrite: true); // last: its presence means complete
        Directory.Delete(partial, recursive: true);
        return new ModelInstallResult(folder, files.Count, bytes, verified, resumed);
    }

    private async Task<(string Sha256, long Length, bool Resumed, string? Expected)> DownloadAsync(ModelFile file, string part,
        Action<string, long, long?> progress, CancellationToken cancellation)
    {
        long have = File.Exists(part) ? new FileInfo(part).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, file.Source);
        if (have > 0) request.Headers.Range = new RangeHeaderValue(have, null);
        using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
        {
            // The partial file is already whole (or longer than the file now is): start over to be sure.
            File.Delete(part);
            return await DownloadAsync(file, part, progress, cancellation).ConfigureAwait(false);
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new VoiceCloneException(VoiceCloneErrors.ModelFileMissing,
                $"Downloading '{file.RelativePath}' from {file.Source} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.", file.Source.ToString());
        }
        bool resumed = response.StatusCode == HttpStatusCode.PartialContent && have > 0;
        if (!resumed) have = 0; // the server sent the whole file
        long? total = response.Content.Headers.ContentLength is { } length ? length + have : null;
        string? expected = file.ExpectedSha256 ?? HeaderSha256(response);
        await using (var output = new FileStream(part, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferBytes))
        await using (Stream input = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false))
        {
            var buffer = new byte[BufferBytes];
            long done = have;
            int read;
            while ((read = await input.ReadAsync(buffer, cancellation).ConfigureAwait(false)) > 0)
            {
                await output.WriteAsync(buffer.AsMemory(0, read), cancellation).ConfigureAwait(false);
                done += read;
                progress(file.RelativePath, done, total);
            }
        }
        await using FileStream check = File.OpenRead(part);
        string sha256 = Convert.ToHexString(await SHA256.HashDataAsync(check, cancellation).ConfigureAwait(false)).ToLowerInvariant();
        return (sha256, check.Length, resumed, expected);
    }

    /// <summary>Hugging Face sends an LFS file's sha256 as X-Linked-ETag (quoted hex).</summary>
    private static string? HeaderSha256(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Linked-ETag", out var values) && values.Select(v => v.Trim('"', ' ')).FirstOrDefault(v => Sha256Hex().IsMatch(v)) is { } hash
            ? hash.ToLowerInvariant() : null;

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
