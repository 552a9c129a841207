using System.IO.Compression;
using System.Text.RegularExpressions;
using VoiceClone.Core.Telemetry;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Telemetry;

[Collection(ModuleLogCollection.Name)]
public sealed partial class ModuleLogTests : IDisposable
{
    [GeneratedRegex(@"^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] \[(DEBUG|INFO|WARNING|ERROR|CRITICAL)\] \[[a-z_]+\] .+$")]
    private static partial Regex LogLine();

    private readonly TempDirectory _dir = new();

    public ModuleLogTests()
    {
        Environment.SetEnvironmentVariable(LogDirectoryResolver.EnvironmentVariable, _dir.Path);
        ModuleLog.Configure(_dir.Path, null);
    }

    public void Dispose()
    {
        ModuleLog.Shutdown();
        Environment.SetEnvironmentVariable(LogDirectoryResolver.EnvironmentVariable, null);
        _dir.Dispose();
    }

    private string[] ReadLog()
    {
        ModuleLog.Shutdown(); // flush and close
        return File.ReadAllLines(_dir.File(ModuleLog.FileName));
    }

    [Fact]
    public void Lines_have_the_users_format_with_level_names_and_source_tags()
    {
        ModuleLog.Write(ModuleLogLevel.Debug, "feature_extractor", "debug line");
        ModuleLog.Write(ModuleLogLevel.Information, "emotion_trainer", "Fold 7/24 {not a template}");
        ModuleLog.Write(ModuleLogLevel.Warning, "feature_extractor", "No voiced segments");
        string[] lines = ReadLog();
        Assert.All(lines, line => Assert.Matches(LogLine(), line));
        Assert.Contains(lines, l => l.EndsWith("[DEBUG] [feature_extractor] debug line"));
        Assert.Contains(lines, l => l.EndsWith("[INFO] [emotion_trainer] Fold 7/24 {not a template}"));
        Assert.Contains(lines, l => l.EndsWith("[WARNING] [feature_extractor] No voiced segments"));
    }

    [Fact]
    public void The_json_twin_holds_the_same_events_for_machines_when_asked_for()
    {
        ModuleLog.Shutdown();
        Environment.SetEnvironmentVariable(ModuleLog.JsonEnvironmentVariable, "1");
        try
        {
            ModuleLog.Configure(_dir.Path, null);
            ModuleLog.Write(ModuleLogLevel.Warning, "feature_extractor", "No voiced segments");
            ModuleLog.Shutdown();
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModuleLog.JsonEnvironmentVariable, null);
        }
        string line = File.ReadAllLines(_dir.File(ModuleLog.JsonFileName)).Single(l => l.Contains("No voiced segments"));
        var json = System.Text.Json.JsonDocument.Parse(line).RootElement;
        Assert.Equal("Warning", json.GetProperty("@l").GetString());
        Assert.Equal("feature_extractor", json.GetProperty("Source").GetString());
        Assert.Equal("WARNING", json.GetProperty("LevelName").GetString());
    }

    [Fact]
    public void Exceptions_are_written_with_their_full_stack_trace()
    {
        Exception caught;
        try { throw new InvalidOperationException("deep failure"); }
        catch (Exception e) { caught = e; }
        ModuleLog.Write(ModuleLogLevel.Error, "module", "it broke", caught);
        string text = string.Join('\n', ReadLog());
        Assert.Contains("[ERROR] [module] it broke", text);
        Assert.Contains("System.InvalidOperationException: deep failure", text);
        Assert.Contains(nameof(Exceptions_are_written_with_their_full_stack_trace), text);
    }

    [Fact]
    public void Execution_metrics_log_start_and_completion_with_latency_memory_and_result()
    {
        ExecutionMetrics.StateComplexity("Unit-Op", "tests", "O(n)");
        ExecutionMetrics.StateComplexity("Unit-Op", "tests", "O(n)");
        using (var op = ExecutionMetrics.Start("Unit-Op", "tests", "input=x"))
        {
            op.Complete(ResultShape.Count("VoiceFeatures", 3));
        }
        using (ExecutionMetrics.Start("Stopped-Op", "tests")) { }
        ProcessMetrics.Checkpoint("after-op");
        string[] lines = ReadLog();
        Assert.Single(lines, l => l.Contains("[Complexity] Unit-Op: O(n)"));
        Assert.Contains(lines, l => l.Contains("[ExecutionStart] Unit-Op input=x"));
        Assert.Contains(lines, l => Regex.IsMatch(l,
            @"\[ExecutionComplete\] Unit-Op status=ok latency_ms=\d+\.\d rss_delta_mb=-?\d+\.\d\d result=VoiceFeatures\[3\]"));
        Assert.Contains(lines, l => l.Contains("[ExecutionComplete] Stopped-Op status=stopped"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"\[Metrics\] \[MemoryFootprint\] checkpoint=after-op cpu_percent=\d+\.\d ram_mb=\d+\.\d managed_mb=\d+\.\d"));
    }

    [Fact]
    public async Task Events_reach_only_the_active_forwarding_queue_including_worker_tasks()
    {
        var mine = new LogForwarding();
        ModuleLog.Write(ModuleLogLevel.Information, "tests", "before activation");
        using (mine.Activate())
        {
            ModuleLog.Write(ModuleLogLevel.Information, "tests", "on the pipeline thread");
            await Task.Run(() => ModuleLog.Write(ModuleLogLevel.Warning, "tests", "from a worker"));
        }
        ModuleLog.Write(ModuleLogLevel.Information, "tests", "after deactivation");
        ModuleLogEvent[] events = mine.Drain().ToArray();
        Assert.Equal(["on the pipeline thread", "from a worker"], events.Select(e => e.Message));
        Assert.Equal(ModuleLogLevel.Warning, events[1].Level);
        Assert.Equal("tests", events[0].Source);
    }

    [Fact]
    public void Nested_activations_restore_the_outer_queue()
    {
        var outer = new LogForwarding();
        var inner = new LogForwarding();
        using (outer.Activate())
        {
            using (inner.Activate()) ModuleLog.Write(ModuleLogLevel.Information, "tests", "inner");
            ModuleLog.Write(ModuleLogLevel.Information, "tests", "outer");
        }
        Assert.Equal(["outer"], outer.Drain().Select(e => e.Message));
        Assert.Equal(["inner"], inner.Drain().Select(e => e.Message));
    }

    [Fact]
    public void Rolling_keeps_five_files_and_gzips_older_ones_without_losing_a_line()
    {
        ModuleLog.ConfigureCore(_dir.Path, null, fileSizeLimitBytes: 4096);
        const int Lines = 1200;
        for (int i = 0; i < Lines; i++) ModuleLog.Write(ModuleLogLevel.Debug, "tests", $"line {i:D5} " + new string('x', 40));
        // After rolling, the live file is the newest app_NNN.log, and that is where the module says its log is.
        string liveFile = ModuleLog.FilePath!;
        Assert.Matches(@"app_\d{3}\.log$", liveFile);
        Assert.Contains($"line {Lines - 1:D5} ", File.ReadAllText(liveFile));
        ModuleLog.Shutdown(); // final sweep

        string[] live = Directory.GetFiles(_dir.Path, "app*.log");
        string[] archived = Directory.GetFiles(Path.Combine(_dir.Path, LogRetention.ArchiveFolder), "*.gz");
        Assert.Equal(ModuleLog.RetainedFileCount, live.Length);
        Assert.Equal(LogRetention.MaxArchives, archived.Length); // more files rolled than the archive keeps: bounded

        var seen = new HashSet<int>();
        foreach (string f in live) AddLineNumbers(File.ReadAllLines(f), seen);
        foreach (string gz in archived)
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(gz), CompressionMode.Decompress));
            AddLineNumbers(reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries), seen);
        }
        // Everything from the oldest kept line onwards survives, in live files or the archive.
        int oldest = seen.Min();
        Assert.Equal(Enumerable.Range(oldest, Lines - oldest), seen.Order());
        Assert.True(oldest > 0, "the archive is bounded, so the very first lines are gone");
    }

    private static void AddLineNumbers(IEnumerable<string> lines, HashSet<int> seen)
    {
        foreach (string line in lines)
        {
            Match m = Regex.Match(line, @"line (\d{5}) ");
            if (m.Success) Assert.True(seen.Add(int.Parse(m.Groups[1].Value)), $"duplicate line {m.Groups[1].Value}");
        }
    }
}
