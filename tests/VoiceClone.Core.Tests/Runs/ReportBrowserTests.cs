using System.Text.Json.Nodes;
using VoiceClone.Core.Runs;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Runs;

/// <summary>
/// The report in a real browser (headless Chromium): it renders, every image decodes, and opening it makes no network
/// request. A screenshot is kept in out/test-results/ for a person to look at.
/// </summary>
public sealed class ReportBrowserTests : IDisposable
{
    public const string ScreenshotName = "voiceclone-report.png";
    private const int Width = 1000;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task The_report_renders_offline_with_every_plot_and_without_a_network_request()
    {
        string? chromium = HeadlessChromium.Find();
        Skip.If(chromium is null, "skipped: chromium not installed (Debian package 'chromium'; ./build.sh Test installs it)");
        string report = _dir.File("report.html");
        File.WriteAllText(report, RunReport.Build(RunReportTests.History(), SyntheticRuns.Epoch.AddDays(22), "/logs/runs").Html);
        // A control page that does reach for the network: the watch below must see that, or its silence proves nothing.
        string control = _dir.File("control.html");
        File.WriteAllText(control, "<html><body><img src=\"http://example.invalid/x.png\"><link rel=\"stylesheet\" href=\"https://example.invalid/a.css\"></body></html>");

        await using HeadlessChromium browser = await HeadlessChromium.StartAsync(chromium!, Width, 900);
        await browser.SendAsync("Network.enable");
        await browser.SendAsync("Page.enable");

        await Open(browser, control);
        Assert.Contains(Requests(browser), url => url.StartsWith("http://example.invalid/", StringComparison.Ordinal));

        int seen = browser.Events.Count;
        await Open(browser, report);
        var requests = Requests(browser, seen);
        Assert.Contains(requests, url => url.StartsWith("file:", StringComparison.Ordinal));
        Assert.All(requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal),
            $"the report requested {url}"));

        JsonNode page = (await browser.EvaluateAsync("""
            JSON.stringify({
              images: [...document.images].map(i => ({ complete: i.complete, width: i.naturalWidth, height: i.naturalHeight, data: i.src.startsWith('data:image/png;base64,') })),
              external: [...document.querySelectorAll('[src],[href]')].map(e => e.getAttribute('src') || e.getAttribute('href')).filter(u => !u.startsWith('data:')),
              sections: [...document.querySelectorAll('h2')].map(h => h.textContent),
              rows: document.querySelectorAll('tr').length,
              height: document.documentElement.scrollHeight,
            })
            """))!;
        JsonNode facts = JsonNode.Parse(page.GetValue<string>())!;
        var images = facts["images"]!.AsArray();
        Assert.Equal(9, images.Count);
        Assert.All(images, i =>
        {
            Assert.True(i!["complete"]!.GetValue<bool>());
            Assert.True(i["data"]!.GetValue<bool>());
            Assert.True(i["width"]!.GetValue<int>() >= 600 && i["height"]!.GetValue<int>() >= 300, "every plot decoded to its size");
        });
        Assert.Empty(facts["external"]!.AsArray());
        Assert.Equal(["Runs", "Over time", "Validation and voice match", "Errors", "Anomalies", "Emotions", "Emotion model"],
            facts["sections"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.True(facts["rows"]!.GetValue<int>() > 30);

        int height = facts["height"]!.GetValue<int>();
        JsonNode shot = await browser.SendAsync("Page.captureScreenshot", new
        {
            format = "png", captureBeyondViewport = true, clip = new { x = 0, y = 0, width = Width, height, scale = 1 },
        });
        byte[] png = Convert.FromBase64String(shot["data"]!.GetValue<string>());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        string results = Path.Combine(SharedData.RepositoryRoot, "out", "test-results");
        Directory.CreateDirectory(results);
        File.WriteAllBytes(Path.Combine(results, ScreenshotName), png);
    }

    private static async Task Open(HeadlessChromium browser, string file)
    {
        int seen = browser.Events.Count;
        await browser.SendAsync("Page.navigate", new { url = new Uri(file).AbsoluteUri });
        await browser.WaitForEventAsync("Page.loadEventFired", seen);
    }

    private static List<string> Requests(HeadlessChromium browser, int from = 0) =>
        browser.Events.Skip(from).Where(e => e.Method == "Network.requestWillBeSent").Select(e => e.Params["request"]!["url"]!.GetValue<string>()).ToList();
}
