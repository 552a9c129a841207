using System.Net;
using System.Text.Json;
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
/// Downloads a model folder (the engine that owns the model lists its files), all or nothing. Each file goes to a .part
/// file in a hidden .&lt;name&gt;.partial folder beside the destination, continued from where an interrupted call stopped;
/// every file must arrive whole and match its sha256 (from the source's SHA256SUMS, or the X-Linked-ETag Hugging Face
/// sends for large files) — a file with no checksum is refused unless unverified files are explicitly allowed. Graphs
/// that keep their weights in external data files bring those files too. Only when every file is there and verified is
/// the folder assembled beside the destination and swapped in (<see cref="ModelFolderSwap"/>) with its SHA256SUMS and
/// install.json, so an installed folder is never a mix of two downloads.
/// </summary>
public sealed class ModelInstaller(HttpClient http, TimeSpan idleTimeout)
{
    public const string Source = "model_installer";
    public const string MarkerFile = "install.json";

    /// <summary>Reads SHA256SUMS from <paramref name="root"/>; empty when the source has none.</summary>
    public async Task<Dictionary<string, string>> ReadChecksumsAsync(Uri root, CancellationToken cancellation)
    {
        var uri = new Uri(root, ModelChecksums.FileName);
        try
        {
            using HttpResponseMessage response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound) return [];
            response.EnsureSuccessStatusCode();
            await using Stream body = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
            var buffer = new byte[ModelChecksums.MaxBytes + 1];
            int length = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellation).ConfigureAwait(false);
            if (length > ModelChecksums.MaxBytes)
            {
                throw new VoiceCloneException(VoiceCloneErrors.ModelDownloadFailed,
                    $"{uri} is larger than {ModelChecksums.MaxBytes:N0} bytes, far larger than a model's checksum list; it was not read.", uri.ToString());
            }
            return ModelChecksums.Parse(System.Text.Encoding.UTF8.GetString(buffer, 0, length), uri.ToString());
        }
        catch (HttpRequestException e)
        {
            throw new VoiceCloneException(VoiceCloneErrors.ModelDownloadFailed, $"Reading {uri} failed: {e.Message}.", uri.ToString(), e);
        }
    }

    /// <param name="progress">File, bytes so far, total bytes when known.</param>
    /// <param name="checksums">The source's SHA256SUMS by relative path (empty when it has none), for files found on the way.</param>
    public async Task<ModelInstallResult> InstallAsync(IReadOnlyList<ModelFile> files, IReadOnlyDictionary<string, string> checksums, string folder,
        bool overwrite, bool allowUnverified, Action<string, long, long?> progress, CancellationToken cancellation)
    {
        folder = Path.GetFullPath(folder);
        ModelFolderSwap.RecoverInterrupted(folder);
        if (File.Exists(Path.Combine(folder, MarkerFile)) && !overwrite)
            throw new VoiceCloneException(VoiceCloneErrors.OutputExists, $"A model is already installed in '{folder}' and was left as it is.", folder);
        string partial = Directory.CreateDirectory(ModelFolderSwap.PartialFolder(folder)).FullName;
        string staging = Directory.CreateDirectory(ModelFolderSwap.NewStagingFolder(folder)).FullName;
        var download = new ModelFileDownload(http, idleTimeout);
        var queue = new Queue<ModelFile>(files);
        var installed = new List<(string Sha256, string RelativePath)>();
        long bytes = 0;
        int verified = 0, resumed = 0;
        try
        {
            while (queue.TryDequeue(out ModelFile? listed))
            {
                ModelFile file = listed with { ExpectedSha256 = listed.ExpectedSha256 ?? checksums.GetValueOrDefault(listed.RelativePath) };
                cancellation.ThrowIfCancellationRequested();
                string part = Path.Combine(partial, file.RelativePath.Replace('/', '_') + ".part");
                ModelFileDownload.Result result = await download.RunAsync(file, part, progress, cancellation).ConfigureAwait(false);
                Verify(file, part, result, allowUnverified);
                if (result.ExpectedSha256 is not null) verified++;
                if (result.Resumed) resumed++;
                string target = Path.Combine(staging, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(part, target);
                foreach (ModelFile external in ExternalDataOf(file, target)) queue.Enqueue(external);
                bytes += result.Length;
                installed.Add((result.Sha256, file.RelativePath));
            }
            File.WriteAllText(Path.Combine(staging, ModelChecksums.FileName), ModelChecksums.Format(installed));
            var marker = new { installed = DateTimeOffset.UtcNow, files = installed.Select(f => new { path = f.RelativePath, sha256 = f.Sha256 }) };
            File.WriteAllText(Path.Combine(staging, MarkerFile), JsonSerializer.Serialize(marker));
            ModelFolderSwap.Replace(staging, folder);
            Directory.Delete(partial, recursive: true);
            return new ModelInstallResult(folder, installed.Count, bytes, verified, resumed);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static void Verify(ModelFile file, string part, ModelFileDownload.Result result, bool allowUnverified)
    {
        if (result.ExpectedSha256 is null)
        {
            if (!allowUnverified)
            {
                throw new VoiceCloneException(VoiceCloneErrors.ModelDownloadFailed,
                    $"'{file.RelativePath}' from {file.Source} came with no checksum to verify it against (no SHA256SUMS entry, no " +
                    "X-Linked-ETag); nothing was installed. Allow unverified files explicitly to install it anyway.", file.Source.ToString());
            }
            ModuleLog.For(Source).Warning("{File}: the source gave no checksum; installed with sha256 {Sha256}, unverified", file.RelativePath, result.Sha256);
            return;
        }
        if (!string.Equals(result.ExpectedSha256, result.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(part); // a corrupt download must not be resumed from
            throw new VoiceCloneException(VoiceCloneErrors.ModelDownloadFailed,
                $"'{file.RelativePath}' from {file.Source} has sha256 {result.Sha256}, expected {result.ExpectedSha256}; it was discarded and " +
                "nothing was installed. Run the command again.", file.Source.ToString());
        }
    }

    /// <summary>The external data files a downloaded graph names, fetched from beside it (large exports keep weights there).</summary>
    private static IEnumerable<ModelFile> ExternalDataOf(ModelFile file, string downloaded)
    {
        if (!file.RelativePath.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)) return [];
        IReadOnlyList<string> external;
        try
        {
            external = OnnxFileScan.Read(downloaded).ExternalDataFiles;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            return []; // not a graph we can read: loading it will say what is wrong
        }
        string folder = file.RelativePath.Contains('/') ? file.RelativePath[..(file.RelativePath.LastIndexOf('/') + 1)] : "";
        foreach (string name in external)
        {
            // A graph names its data files relative to itself; one that points anywhere else is not followed.
            if (Path.IsPathRooted(name) || name.Split('/', '\\').Any(segment => segment is ".." or ""))
            {
                throw new VoiceCloneException(VoiceCloneErrors.ModelDownloadFailed,
                    $"'{file.RelativePath}' names its weights '{name}', outside its own folder; the download was stopped.", file.Source.ToString());
            }
        }
        return external.Select(name => new ModelFile(folder + name, new Uri(file.Source, name)));
    }
}
