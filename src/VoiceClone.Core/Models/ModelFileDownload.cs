using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace VoiceClone.Core.Models;

/// <summary>
/// One file fetched into a .part file, continued with an HTTP Range request when part of it is there: the body must be as
/// long as the server said (Content-Length), and a server that sends nothing for the idle timeout is abandoned; either
/// is a ModelDownloadFailed that keeps what arrived, so the next call resumes.
/// </summary>
internal sealed class ModelFileDownload(HttpClient http, TimeSpan idleTimeout)
{
    private const int BufferBytes = 1 << 16;

    public sealed record Result(string Sha256, long Length, bool Resumed, string? ExpectedSha256);

    public async Task<Result> RunAsync(ModelFile file, string part, Action<string, long, long?> progress, CancellationToken cancellation)
    {
        long have = File.Exists(part) ? new FileInfo(part).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, file.Source);
        if (have > 0) request.Headers.Range = new RangeHeaderValue(have, null);
        using HttpResponseMessage response = await WithIdleTimeout(t => http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, t),
            file, cancellation).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
        {
            // The partial file is already whole (or longer than the file now is): start over to be sure.
            File.Delete(part);
            return await RunAsync(file, part, progress, cancellation).ConfigureAwait(false);
        }
        if (!response.IsSuccessStatusCode)
        {
            throw Failed(file, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        bool resumed = response.StatusCode == HttpStatusCode.PartialContent && have > 0;
        if (!resumed) have = 0; // the server sent the whole file
        long? total = response.Content.Headers.ContentLength is { } length ? length + have : null;
        string? expected = file.ExpectedSha256 ?? HeaderSha256(response);
        long done = have;
        await using (var output = new FileStream(part, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferBytes))
        await using (Stream input = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false))
        {
            var buffer = new byte[BufferBytes];
            int read;
            while ((read = await WithIdleTimeout(t => input.ReadAsync(buffer, t).AsTask(), file, cancellation).ConfigureAwait(false)) > 0)
            {
                await output.WriteAsync(buffer.AsMemory(0, read), cancellation).ConfigureAwait(false);
                done += read;
                progress(file.RelativePath, done, total);
            }
        }
        if (total is { } whole && done != whole)
        {
            throw Failed(file, $"the server closed the connection after {done:N0} of {whole:N0} bytes; run the command again to resume");
        }
        await using FileStream check = File.OpenRead(part);
        string sha256 = Convert.ToHexString(await SHA256.HashDataAsync(check, cancellation).ConfigureAwait(false)).ToLowerInvariant();
        return new Result(sha256, check.Length, resumed, expected);
    }

    /// <summary>Runs one network step, abandoning it when nothing arrives for the idle timeout (a stop still wins).</summary>
    private async Task<T> WithIdleTimeout<T>(Func<CancellationToken, Task<T>> step, ModelFile file, CancellationToken cancellation)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        idle.CancelAfter(idleTimeout);
        try
        {
            return await step(idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw Failed(file, $"no data arrived for {idleTimeout.TotalSeconds:F0} s; run the command again to resume");
        }
        catch (HttpRequestException e)
        {
            throw Failed(file, e.Message, e);
        }
        catch (IOException e)
        {
            // The connection broke mid-body (reset, or closed before Content-Length bytes): what arrived is kept.
            throw Failed(file, $"{e.Message}; run the command again to resume", e);
        }
    }

    private static VoiceCloneException Failed(ModelFile file, string why, Exception? inner = null) =>
        new(VoiceCloneErrors.ModelDownloadFailed, $"Downloading '{file.RelativePath}' from {file.Source} failed: {why}.", file.Source.ToString(), inner);

    /// <summary>Hugging Face sends an LFS file's sha256 as X-Linked-ETag (quoted hex).</summary>
    private static string? HeaderSha256(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Linked-ETag", out var values)
        && values.Select(v => v.Trim('"', ' ')).FirstOrDefault(ModelChecksums.IsSha256) is { } hash ? hash.ToLowerInvariant() : null;
}
