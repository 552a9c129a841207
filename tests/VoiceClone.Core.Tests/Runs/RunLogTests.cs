using System.Text.Json;
using VoiceClone.Core.Runs;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Runs;

public sealed class RunLogTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Records_stages_errors_with_occurrences_retries_validations_and_cost()
    {
        var log = new RunLog("New-VoiceClone", new Dictionary<string, string?> { ["engine"] = "Default" });
        using (RunLog.Stage stage = log.BeginStage("c1", "synthesis")) stage.Complete("ok");
        using (log.BeginStage("c2", "synthesis")) { } // never finished: recorded as stopped
        log.Error("c1", VoiceCloneErrorCategory.Timeout, "SynthesisFailed", "flite timed out", autoRecoverable: true, "retry");
        log.Error("c2", VoiceCloneErrorCategory.Timeout, "SynthesisFailed", "flite timed out", autoRecoverable: true, "retry");
        log.Retry("c1", 2, "resynthesize", "flite timed out", 12.5, "retrying");
        log.Validation(new RunValidation
        {
            Item = "c1", Attempt = 1, Checks = [new RunCheck { Name = "not_silent", Value = RunLog.Finite(double.NaN), Limit = "> -50 dBFS", Hard = true }],
        });
        log.Clone(new RunClone { Id = "c1", Reference = "ref.wav", Text = "hi", Status = "completed", AudioSeconds = 2.0 },
            new Dictionary<string, double> { ["pitch_marks"] = 300 });

        string path = log.Write(_dir.Path, "completed");
        Assert.Equal(Path.Combine(_dir.Path, "runs", log.RunId + ".json"), path);
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = json.RootElement;
        Assert.Equal("completed", root.GetProperty("status").GetString());
        var stages = root.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["completed", "stopped"], stages.Select(s => s.GetProperty("status").GetString()));
        Assert.All(stages, s =>
        {
            Assert.True(s.GetProperty("duration_ms").GetDouble() >= 0);
            Assert.True(s.GetProperty("peak_memory_mb").GetDouble() > 0);
            Assert.True(s.TryGetProperty("average_cpu_percent", out _));
        });
        JsonElement error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("occurrences").GetInt32());
        Assert.Equal("timeout", error.GetProperty("category").GetString());
        Assert.True(error.GetProperty("auto_recoverable").GetBoolean());
        Assert.Equal("resynthesize", root.GetProperty("retries")[0].GetProperty("method").GetString());
        Assert.False(root.GetProperty("validations")[0].GetProperty("checks")[0].TryGetProperty("value", out _)); // NaN: not measured, left out
        JsonElement compute = root.GetProperty("compute");
        Assert.Equal(2.0, compute.GetProperty("audio_seconds").GetDouble());
        Assert.Equal(300, compute.GetProperty("work").GetProperty("pitch_marks").GetDouble());
        Assert.True(compute.GetProperty("cpu_seconds").GetDouble() >= 0);
        Assert.True(compute.GetProperty("peak_memory_mb").GetDouble() > 0);
        Assert.Equal(2, root.GetProperty("schema_version").GetInt32());
        Assert.Equal(["c1", "c2"], error.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public void Every_error_maps_to_one_of_the_seven_categories()
    {
        string[] allowed = ["input", "io", "model", "dependency", "timeout", "resource", "unknown"];
        Assert.All(VoiceCloneErrors.All, e => Assert.Contains(RunLog.CategoryName(e.Category), allowed));
        Assert.Equal("dependency", RunLog.CategoryName(VoiceCloneErrors.SynthesizerMissing.Category));
        Assert.Equal("input", RunLog.CategoryName(VoiceCloneErrors.TextInvalid.Category));
    }
}
