using System.Management.Automation;
using System.Text.Json;
using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

/// <summary>Runs as a user meets them: analysis batches leave run logs, the run cmdlets read, judge, compare and report them.</summary>
[Collection(EngineCollection.Name)]
public sealed class RunHistoryTests : IDisposable
{
    private readonly EngineFixture _engine;
    private readonly ModuleSession _session = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-runs-").FullName;
    private readonly string _logs;

    public RunHistoryTests(EngineFixture engine)
    {
        _engine = engine;
        // A log folder of this test's own, so that its history is only what it makes.
        _logs = Path.Combine(_dir, "logs");
        Environment.SetEnvironmentVariable("VOICECLONE_LOG_DIR", null);
        _session.Invoke($"Set-VoiceCloneConfiguration -LogDirectory '{_logs}'");
        for (int i = 0; i < 3; i++) TestAudio.WriteVoice(Path.Combine(_dir, $"voice{i}.wav"), 120 + 40 * i, 2.0);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("VOICECLONE_LOG_DIR", _engine.LogDirectory);
        _session.Invoke("Set-VoiceCloneConfiguration -ResetLogDirectory");
        _session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string Voices => Path.Combine(_dir, "voice*.wav");

    private static T Property<T>(PSObject o, string name) => (T)o.Properties[name].Value;

    [Fact]
    public void Analysis_batches_leave_run_logs_that_Get_VoiceCloneRun_reads_back_and_filters()
    {
        _session.Invoke($"Get-VoiceFeature '{Voices}' -Vad Energy", out var streams);
        Assert.Empty(streams.Error);
        // Progress of a batch says how long is left.
        Assert.Contains(streams.Progress, p => p.RecordType == ProgressRecordType.Processing && p.SecondsRemaining >= 0);
        _session.Invoke($"Get-VoiceEmotion '{Path.Combine(_dir, "voice0.wav")}', '{Path.Combine(_dir, "voice1.wav")}'");
        _session.Invoke($"Get-VoiceFeature '{Path.Combine(_dir, "voice2.wav")}' -Vad Energy"); // one quick file: no run log

        var runs = _session.Invoke("Get-VoiceCloneRun");
        Assert.Equal(["Get-VoiceFeature", "Get-VoiceEmotion"], runs.Select(r => Property<string>(r, "Command")));
        PSObject features = runs[0];
        Assert.Equal("VoiceClone.VoiceCloneRun", features.BaseObject.GetType().FullName);
        Assert.Equal("completed", Property<string>(features, "Status"));
        Assert.Equal(3, Property<int>(features, "Items"));
        Assert.Equal("Default/Energy", Property<string>(features, "Engine"));
        Assert.True(Property<double>(features, "ThroughputRealTime") > 1);
        Assert.InRange(Property<double>(features, "SpeechFractionMedian"), 0.3, 1.0);
        Assert.Equal(0.0, Property<double>(features, "ClippingShare"));
        Assert.True(Property<double>(features, "LatencyP95Ms") >= Property<double>(features, "LatencyP50Ms"));
        Assert.True(double.IsNaN(Property<double>(features, "ValidationPassRate"))); // not a clone run
        Assert.True(File.Exists(Property<string>(features, "Path")));

        Assert.Equal("Get-VoiceEmotion", Property<string>(_session.Invoke("Get-VoiceCloneRun -Last 1").Single(), "Command"));
        Assert.Single(_session.Invoke("Get-VoiceCloneRun -Command get-voicee*"));
        Assert.Empty(_session.Invoke("Get-VoiceCloneRun -Status failed, interrupted"));
        Assert.Empty(_session.Invoke($"Get-VoiceCloneRun -Since '{DateTime.Now.AddMinutes(5):o}'"));
        string id = Property<string>(features, "Id");
        Assert.Equal(id, Property<string>(_session.Invoke($"'{id}' | Get-VoiceCloneRun").Single(), "Id"));
        Assert.Equal(id, Property<string>(_session.Invoke($"Get-VoiceCloneRun -Id '{id[..^4]}*' -LogDirectory '{_logs}'").Single(), "Id"));

        var missing = _session.Invoke("Get-VoiceCloneRun -Id 20200101-000000-000-00000000", out var errors);
        Assert.Empty(missing);
        Assert.StartsWith("RunNotFound,", Assert.Single(errors.Error).FullyQualifiedErrorId);
    }

    [Fact]
    public void A_regression_warns_the_call_that_ran_it_lands_in_app_log_and_is_listed_by_Anomalous()
    {
        // Six earlier comparable batches that took a hundredth of a millisecond per file: the next real one is far slower.
        Directory.CreateDirectory(Path.Combine(_logs, "runs"));
        var lines = Enumerable.Range(1, 6).Select(day => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["run_id"] = $"earlier-{day}", ["command"] = "Get-VoiceFeature", ["engine"] = "Default/Energy", ["device"] = "cpu",
            ["host"] = Environment.MachineName, ["status"] = "completed", ["started"] = DateTimeOffset.UtcNow.AddDays(-day),
            ["metrics"] = new Dictionary<string, double> { ["items"] = 3, ["latency_p50_ms"] = 0.01 * (1 + 0.01 * day), ["latency_p95_ms"] = 0.012 },
        }));
        File.WriteAllLines(Path.Combine(_logs, "runs", "index.jsonl"), lines);

        _session.Invoke($"Get-VoiceFeature '{Voices}' -Vad Energy", out var streams);
        Assert.Empty(streams.Error);
        WarningRecord warning = Assert.Single(streams.Warning, w => w.Message.StartsWith("[Anomaly] latency_p95_ms value=", StringComparison.Ordinal));
        Assert.Matches(@"baseline=0\.012 threshold=0\.018 \(run \d{8}-\d{6}-\d{3}-[0-9a-f]{8};", warning.Message);

        PSObject run = _session.Invoke("Get-VoiceCloneRun -Anomalous").Single();
        var anomalies = _session.Invoke("Get-VoiceCloneRun -Anomalous | Select-Object -ExpandProperty Anomalies");
        Assert.Contains(anomalies, a => Property<string>(a, "Metric") == "latency_p95_ms" && Property<int>(a, "BaselineRuns") == 6);
        Assert.Equal(Property<string>(run, "Id"), Property<string>(anomalies[0], "RunId"));
        string log = string.Join("\n", Directory.GetFiles(_logs, "app*.log").Select(ReadShared));
        Assert.Matches(@"\[WARNING\] \[runs\] \[Anomaly\] latency_p95_ms value=", log);
    }

    [Fact]
    public void Runs_compare_metric_by_metric_and_export_to_one_report_written_once_unless_forced()
    {
        _session.Invoke($"Get-VoiceFeature '{Voices}' -Vad Energy");
        _session.Invoke($"Get-VoiceFeature '{Voices}' -Vad Energy");
        var ids = _session.Invoke("(Get-VoiceCloneRun).Id").Select(o => (string)o.BaseObject).ToList();

        var rows = _session.Invoke($"Compare-VoiceCloneRun -Reference '{ids[0]}' -Difference '{ids[1]}'");
        Assert.Equal("VoiceClone.RunComparison", rows[0].BaseObject.GetType().FullName);
        PSObject latency = Assert.Single(rows, r => Property<string>(r, "Metric") == "latency_p95_ms");
        Assert.Equal("lower", Property<string>(latency, "Better"));
        Assert.Contains(Property<string>(latency, "Verdict"), new[] { "better", "worse", "unchanged" });
        Assert.Equal(Property<double>(latency, "Difference") - Property<double>(latency, "Reference"), Property<double>(latency, "Delta"), 9);
        var piped = _session.Invoke($"Get-VoiceCloneRun -Last 1 | Compare-VoiceCloneRun -Reference (Get-VoiceCloneRun)[0] -Metric throughput*");
        Assert.Equal("throughput_x_realtime", Property<string>(piped.Single(), "Metric"));
        var bad = _session.Invoke($"try {{ Compare-VoiceCloneRun -Reference 20200101-000000-000-00000000 -Difference '{ids[1]}' }} catch {{ $_.FullyQualifiedErrorId }}");
        Assert.StartsWith("RunNotFound,", (string)bad.Single().BaseObject);

        string report = Path.Combine(_dir, "reports", "runs.html");
        _session.Invoke($"Export-VoiceCloneReport -Path '{report}' -WhatIf");
        Assert.False(File.Exists(report));
        PSObject written = _session.Invoke($"Export-VoiceCloneReport -Path '{report}' -Last 5").Single();
        Assert.Equal(2, Property<int>(written, "Runs"));
        Assert.True(Property<int>(written, "Images") >= 3);
        string html = File.ReadAllText(report);
        Assert.Contains(ids[1], html);
        Assert.DoesNotMatch(@"(src|href)\s*=\s*""(?!data:)", html);

        File.WriteAllText(report, "keep me");
        var refused = _session.Invoke($"try {{ Export-VoiceCloneReport -Path '{report}' }} catch {{ $_.FullyQualifiedErrorId }}");
        Assert.StartsWith("OutputExists,", (string)refused.Single().BaseObject);
        Assert.Equal("keep me", File.ReadAllText(report));
        _session.Invoke($"Get-VoiceCloneRun -Last 1 | Export-VoiceCloneReport -Path '{report}' -Force");
        Assert.Contains(ids[1], File.ReadAllText(report));
        Assert.DoesNotContain(ids[0], File.ReadAllText(report));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(report)!, ".*")); // no staging file left
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }
}
