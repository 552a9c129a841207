using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VoiceClone.Core.Tests.Support;

/// <summary>
/// A real headless Chromium driven over the DevTools protocol: navigate, evaluate, watch every network request, take a
/// screenshot. It starts isolated (a fresh profile, no background networking or component updates) and with a proxy on a
/// closed port, so anything that tried the network would fail rather than reach it.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ClientWebSocket _socket;
    private readonly string _profile;
    private readonly List<(string Method, JsonNode Params)> _events = [];
    private int _nextId;

    private HeadlessChromium(Process process, ClientWebSocket socket, string profile)
    {
        _process = process;
        _socket = socket;
        _profile = profile;
    }

    /// <summary>Chromium's executable ($VOICECLONE_CHROMIUM, or chromium / chromium-browser / google-chrome on PATH); null when absent.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("VOICECLONE_CHROMIUM") is { Length: > 0 } configured && File.Exists(configured)) return configured;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .SelectMany(dir => new[] { "chromium", "chromium-browser", "google-chrome" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Events seen so far: (method, params), e.g. Network.requestWillBeSent.</summary>
    public IReadOnlyList<(string Method, JsonNode Params)> Events => _events;

    public static async Task<HeadlessChromium> StartAsync(string executable, int width, int height)
    {
        string profile = Directory.CreateTempSubdirectory("voiceclone-chromium-").FullName;
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--disable-sync", "--disable-default-apps", "--hide-scrollbars", "--mute-audio", $"--user-data-dir={profile}",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--proxy-server=http://127.0.0.1:{ClosedPort()}",
            $"--window-size={width},{height}", "about:blank",
        }) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { }; // drained, so a chatty browser never blocks on a full pipe
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            // Chromium names the port it chose in its profile folder.
            string portFile = Path.Combine(profile, "DevToolsActivePort");
            var watch = Stopwatch.StartNew();
            while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
            {
                if (process.HasExited || watch.Elapsed > Patience) throw new InvalidOperationException($"Chromium did not start (exit {(process.HasExited ? process.ExitCode : -1)}).");
                await Task.Delay(100);
            }
            int port = int.Parse(File.ReadAllLines(portFile)[0]);
            using var http = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = Patience };
            JsonArray targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
            string page = targets.First(t => (string?)t!["type"] == "page")!["webSocketDebuggerUrl"]!.GetValue<string>();
            var socket = new ClientWebSocket();
            socket.Options.Proxy = null;
            await socket.ConnectAsync(new Uri(page), new CancellationTokenSource(Patience).Token);
            return new HeadlessChromium(process, socket, profile);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>Sends one DevTools command and returns its result; events that arrive meanwhile are kept in <see cref="Events"/>.</summary>
    public async Task<JsonNode> SendAsync(string method, object? parameters = null)
    {
        int id = ++_nextId;
        byte[] message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        while (true)
        {
            JsonNode reply = await ReceiveAsync(timeout.Token);
            if (reply["id"]?.GetValue<int>() == id)
            {
                if (reply["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
                return reply["result"]!;
            }
        }
    }

    /// <summary>Waits for an event named <paramref name="method"/> among the events from index <paramref name="after"/> on.</summary>
    public async Task WaitForEventAsync(string method, int after)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!_events.Skip(after).Any(e => e.Method == method)) await ReceiveAsync(timeout.Token);
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression) =>
        (await SendAsync("Runtime.evaluate", new { expression, returnByValue = true }))["result"]?["value"];

    private async Task<JsonNode> ReceiveAsync(CancellationToken cancellation)
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cancellation);
            if (result.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("Chromium closed the DevTools connection.");
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        JsonNode node = JsonNode.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length))!;
        if (node["method"] is { } method) _events.Add((method.GetValue<string>(), node["params"] ?? new JsonObject()));
        return node;
    }

    /// <summary>A loopback port nothing listens on.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open) await SendAsync("Browser.close");
        }
        catch (Exception e) when (e is InvalidOperationException or WebSocketException or OperationCanceledException)
        {
            // Closing while it goes away: the kill below finishes it.
        }
        _socket.Dispose();
        if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        try { Directory.Delete(_profile, recursive: true); }
        catch (IOException) { }
    }
}
