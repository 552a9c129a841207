using System.Text.RegularExpressions;
using VoiceClone.Core.Runs;

namespace VoiceClone.Core.Tests.Runs;

public sealed partial class RunReportTests
{
    /// <summary>Three weeks of nightly clone runs (the last one 3x slower, judged as the tracker would), analysis and training.</summary>
    internal static List<RunLogRecord> History()
    {
        var runs = new List<RunLogDocument>();
        for (int night = 0; night < 21; night++)
        {
            RunLogDocument run = SyntheticRuns.Clone(new Random(night), night, slowdown: night == 20 ? 3 : 1, passRate: night == 20 ? 0.5 : 0.95,
                ioErrors: night == 20 ? 4 : 0, engine: night % 7 == 3 ? "Qwen3" : "Default");
            run.Anomalies.AddRange(SyntheticRuns.JudgeInTurn(runs, run));
            runs.Add(run);
            if (night % 5 == 0) runs.Add(SyntheticRuns.Analysis(new Random(night), night));
        }
        runs[^1].Errors.Add(new RunError
        {
            Category = "dependency", ErrorId = "SynthesizerMissing", Message = "flite <not found> & gone", SuggestedFix = "sudo apt-get install flite",
            Occurrences = 2, Items = ["x"],
        });
        runs.Add(SyntheticRuns.Training(21));
        return runs.Select(r => new RunLogRecord($"/logs/runs/{r.RunId}.json", r, r.Status, null)).ToList();
    }

    [Fact]
    public void The_page_holds_every_section_its_plots_as_PNG_data_and_nothing_that_loads_from_elsewhere()
    {
        RunReportPage page = RunReport.Build(History(), SyntheticRuns.Epoch.AddDays(22), "/logs/runs");
        string html = page.Html;
        foreach (string section in new[] { "Runs", "Over time", "Validation and voice match", "Errors", "Anomalies", "Emotions", "Emotion model" })
            Assert.Contains($"<h2>{section}</h2>", html);
        var images = DataImages().Matches(html).Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToList();
        // RTF, latency, memory, throughput; pass rate, match errors; error categories; emotions; confusion matrix.
        Assert.Equal(9, images.Count);
        Assert.Equal(images.Count, page.Images);
        Assert.All(images, png => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4)));
        Assert.Equal(images.Count, Regex.Matches(html, "<img ").Count);
        Assert.DoesNotMatch(@"(src|href)\s*=\s*""(?!data:)", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("url(", html);
        Assert.Contains("default-src 'none'", html);
        Assert.Contains("flite &lt;not found&gt; &amp; gone", html); // run-log text is escaped
        Assert.Contains("sudo apt-get install flite", html);
        Assert.Contains("latency_p95_ms", html); // the regression is listed
        Assert.Contains("validation_pass_rate", html);
        Assert.True(page.Anomalies >= 3);
    }

    [Fact]
    public void An_empty_selection_says_so_without_plots()
    {
        RunReportPage page = RunReport.Build([], SyntheticRuns.Epoch, "/logs/runs");
        Assert.Contains("No runs match this selection.", page.Html);
        Assert.Equal(0, page.Images);
        Assert.DoesNotContain("<h2>Emotion model</h2>", page.Html);
    }

    [GeneratedRegex(@"<img src=""data:image/png;base64,([A-Za-z0-9+/=]+)""")]
    private static partial Regex DataImages();
}
