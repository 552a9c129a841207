using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace VoiceClone.PowerShell.Tests.Support;

/// <summary>
/// A loopback HTTP server over a folder, with Range requests (206) and a generated SHA256SUMS, that records each request.
/// Faults on demand: wrong checksums, a checksum list of the tests' own, none at all, a body cut off after some bytes, or
/// a body that stalls (for a bounded time) after some bytes.
/// </summary>
internal sealed class LoopbackFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _loop;

    public LoopbackFileServer(string root)
    {
        _root = root;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUri.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUri { get; }
    public ConcurrentQueue<(string Path, string? Range)> Requests { get; } = new();
    public bool CorruptChecksums { get; set; }
    /// <summary>Served as SHA256SUMS instead of the real list; null: the real list.</summary>
    public string? ChecksumFile { get; set; }
    public bool NoChecksumFile { get; set; }
    /// <summary>The file whose body is cut off or stalls after <see cref="FaultAfterBytes"/>.</summary>
    public string? FaultyFile { get; set; }
    public long FaultAfterBytes { get; set; }
    /// <summary>Stall the faulty file's body (for at most <see cref="StallLimit"/>) instead of cutting it off.</summary>
    public bool Stall { get; set; }
    public static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(30);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            _ = Task.Run(() => Handle(context)); // a stalling response must not hold up the next request
        }
    }

    private void Handle(HttpListenerContext context)
    {
        try { Serve(context); }
        catch (HttpListenerException) { /* the client went away */ }
        finally
        {
            try { context.Response.Close(); }
            catch (ObjectDisposedException) { /* aborted on purpose */ }
        }
    }

    private void Serve(HttpListenerContext context)
    {
        string relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath.TrimStart('/'));
        Requests.Enqueue((relative, context.Request.Headers["Range"]));
        if (relative == "SHA256SUMS" && (NoChecksumFile || ChecksumFile is not null))
        {
            if (NoChecksumFile) context.Response.StatusCode = 404;
            else Write(context.Response, System.Text.Encoding.UTF8.GetBytes(ChecksumFile!), 200);
            return;
        }
        if (relative == "SHA256SUMS")
        {
            var lines = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
                .Select(f => $"{(CorruptChecksums ? new string('0', 64) : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))).ToLowerInvariant())}  {Path.GetRelativePath(_root, f).Replace('\\', '/')}");
            Write(context.Response, System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines)), 200);
            return;
        }
        string path = Path.Combine(_root, relative);
        if (!File.Exists(path))
        {
            context.Response.StatusCode = 404;
            return;
        }
        byte[] bytes = File.ReadAllBytes(path);
        if (context.Request.Headers["Range"] is { } range && range.StartsWith("bytes=") && long.TryParse(range[6..].TrimEnd('-'), out long from))
        {
            if (from >= bytes.Length)
            {
                context.Response.StatusCode = 416;
                return;
            }
            context.Response.AddHeader("Content-Range", $"bytes {from}-{bytes.Length - 1}/{bytes.Length}");
            Write(context.Response, bytes[(int)from..], 206);
            return;
        }
        if (relative == FaultyFile)
        {
            FaultyFile = null; // once: the next attempt gets the whole file
            context.Response.StatusCode = 200;
            context.Response.ContentLength64 = bytes.Length;
            context.Response.OutputStream.Write(bytes, 0, (int)FaultAfterBytes);
            context.Response.OutputStream.Flush();
            if (Stall) Thread.Sleep(StallLimit);
            context.Response.Abort();
            return;
        }
        Write(context.Response, bytes, 200);
    }

    private static void Write(HttpListenerResponse response, byte[] body, int status)
    {
        response.StatusCode = status;
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); }
        catch (AggregateException) { }
    }
}
