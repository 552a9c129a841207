using System.Diagnostics;
using System.Text.Json;
using VoiceClone.Core.Runs;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Runs;

public sealed class RunLogReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // A run log exactly as schema 1 wrote it (the module before run history), trimmed to one clone.
    private const string SchemaOne = """
        {
          "schema_version": 1, "run_id": "20261120-020000-000-0a0b0c0d", "command": "New-VoiceClone", "status": "completed",
          "started": "2026-11-20T02:00:00+00:00", "ended": "2026-11-20T02:00:09+00:00",
          "parameters": { "engine": "Default", "device": "Auto" },
          "machine": { "os": "Linux", "cores": "2", "dotnet": "10.0.0", "host": "old", "pid": "4242" },
          "clones": [ { "id": "c1", "reference": "me.wav", "text": "Hello.", "status": "completed", "audio_seconds": 2.5 } ],
          "stages": [
            { "clone": "c1", "name": "synthesis", "attempt": 1, "status": "completed", "start": "2026-11-20T02:00:01+00:00",
              "end": "2026-11-20T02:00:02+00:00", "duration_ms": 900, "peak_memory_mb": 410, "working_set_mb": 400, "average_cpu_percent": 50 } ],
          "errors": [ { "category": "io", "error_id": "OutputExists", "message": "m", "auto_recoverable": true, "suggested_fix": "none needed",
              "occurrences": 1, "clones": [ "c1" ] } ],
          "retries": [ { "clone": "c1", "attempt": 2, "method": "new_id", "reason": "r", "duration_ms": 1, "outcome": "o" } ],
          "validations": [ { "clone": "c1", "attempt": 1, "passed": true,
              "checks": [ { "name": "pitch_match", "passed": true, "value": 1.01, "limit": "1 +- 0.05", "hard": false } ] } ],
          "compute": { "cpu_seconds": 3, "wall_seconds": 9, "audio_seconds": 2.5, "real_time_factor": 3.6, "work": { "pitch_marks": 300 } }
        }
        """;

    [Fact]
    public void Schema_1_is_read_with_its_clone_fields_as_items()
    {
        RunLogRecord record = RunLogReader.Read(_dir.Write("old.json", System.Text.Encoding.UTF8.GetBytes(SchemaOne)));
        RunLogDocument run = record.Document;
        Assert.Equal(("completed", null), (record.Status, record.Note));
        Assert.Equal(1, run.SchemaVersion);
        Assert.Equal("c1", run.Stages.Single().Item);
        Assert.Equal(["c1"], run.Errors.Single().Items);
        Assert.Equal("c1", run.Retries.Single().Item);
        Assert.Equal("c1", run.Validations.Single().Item);
        VoiceCloneRun view = RunView.From(record);
        Assert.Equal("Default", view.Engine); // from the parameters, where schema 1 kept it
        Assert.Equal(0.01, view.PitchErrorMedian, 9);
        Assert.Equal(1.0, view.ValidationPassRate);
        Assert.Equal(410, view.PeakMemoryMb);
        Assert.Equal(1, view.ErrorsByCategory["io"]);
    }

    [Fact]
    public void A_file_cut_short_gives_its_header_and_reads_as_interrupted()
    {
        var log = new RunLog("Get-VoiceFeature", new Dictionary<string, string?>());
        log.Describe("Default/Energy", "cpu");
        for (int i = 0; i < 50; i++) log.Item(new RunItem { Name = $"f{i}.wav", Status = "completed", AudioSeconds = 3, DurationMs = 10 });
        byte[] whole = File.ReadAllBytes(log.Write(_dir.Path, "running"));
        string cut = _dir.Write("cut.json", whole[..(whole.Length * 2 / 3)]);
        RunLogRecord record = RunLogReader.Read(cut);
        Assert.Equal("interrupted", record.Status);
        Assert.Equal(log.RunId, record.Document.RunId);
        Assert.Equal("Get-VoiceFeature", record.Document.Command);
        Assert.Equal("Default/Energy", record.Document.Engine);
        Assert.Equal(log.Started, record.Document.Started);
        Assert.Contains("breaks off", record.Note);
        Assert.Throws<InvalidDataException>(() => RunLogReader.Read(_dir.Write("stub.json", whole[..5])));
    }

    [Fact]
    public void A_running_log_whose_process_is_gone_is_interrupted_and_one_of_a_live_process_is_running()
    {
        var log = new RunLog("New-VoiceClone", new Dictionary<string, string?>());
        string mine = log.Write(_dir.Path, "running");
        Assert.Equal("running", RunLogReader.Read(mine).Status);

        using var exited = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        exited.WaitForExit();
        string dead = _dir.Write("dead.json", System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(mine)
            .Replace($"\"pid\": \"{Environment.ProcessId}\"", $"\"pid\": \"{exited.Id}\"")));
        Assert.Equal("interrupted", RunLogReader.Read(dead).Status);

        // This process's pid on a run that started before the process did: a reused pid, not the run's process.
        string reused = _dir.Write("reused.json", System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(mine)
            .Replace($"\"started\": \"{log.Started:yyyy}", $"\"started\": \"{log.Started.Year - 1}")));
        Assert.Equal("interrupted", RunLogReader.Read(reused).Status);

        string elsewhere = _dir.Write("elsewhere.json", System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(dead)
            .Replace($"\"host\": \"{Environment.MachineName}\"", "\"host\": \"another-machine\"")));
        Assert.Equal("running", RunLogReader.Read(elsewhere).Status); // cannot tell from here
    }

    [Fact]
    public void A_newer_schema_is_read_for_what_this_module_knows_and_other_json_is_refused()
    {
        string newer = _dir.Write("newer.json", System.Text.Encoding.UTF8.GetBytes(
            """{ "schema_version": 9, "run_id": "r9", "command": "New-VoiceClone", "status": "completed", "future": { "x": 1 } }"""));
        RunLogRecord record = RunLogReader.Read(newer);
        Assert.Equal("r9", record.Document.RunId);
        Assert.Contains("schema 9", record.Note);
        Assert.Throws<InvalidDataException>(() => RunLogReader.Read(_dir.Write("other.json", "{\"name\": \"package\"}"u8.ToArray())));
        Assert.Throws<InvalidDataException>(() => RunLogReader.Read(_dir.Write("list.json", "[1, 2]"u8.ToArray())));
    }

    [Fact]
    public void What_the_writer_writes_the_reader_reads_back_whole()
    {
        var log = new RunLog("New-VoiceEmotionModel", new Dictionary<string, string?> { ["seed"] = "1" });
        log.Training(new RunTraining { Labels = ["a", "b"], ConfusionMatrix = [[3, 1], [0, 4]], Folds = [new RunFold { HeldOut = "s1", Clips = 8 }] });
        log.Error("training", new VoiceCloneException(VoiceCloneErrors.TrainingDataInvalid, "bad line"));
        RunLogDocument read = RunLogReader.Read(log.Write(_dir.Path, "failed")).Document;
        Assert.Equal(JsonSerializer.Serialize(log.Read(d => d.Training)), JsonSerializer.Serialize(read.Training));
        Assert.Equal("input", read.Errors.Single().Category);
        Assert.Equal(VoiceCloneErrors.TrainingDataInvalid.Remedy, read.Errors.Single().SuggestedFix);
    }
}
