using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace VoiceClone.PowerShell.Tests.Support;

/// <summary>
/// A loopback HTTP server over a folder, with Range requests (206) and a generated SHA256SUMS, that records each
/// request; <see cref="CorruptChecksums"/> makes it advertise wrong checksums.
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

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            try { Serve(context); }
            catch (HttpListenerException) { /* the client went away */ }
            finally { context.Response.Close(); }
        }
    }

    private void Serve(HttpListenerContext context)
    {
        string relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath.TrimStart('/'));
        Requests.Enqueue((relative, context.Request.Headers["Range"]));
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
