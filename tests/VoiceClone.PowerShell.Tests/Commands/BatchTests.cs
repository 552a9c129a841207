using System.Management.Automation;
using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

/// <summary>
/// Sharded, resumable batches through the cmdlets: shards that together take every input once, whatever the current
/// location; manifests; results a re-run resumes from; every task's results read back as the objects one call emits.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class BatchTests : IDisposable
{
    private readonly ModuleSession _session = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-batch-").FullName;

    public BatchTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "calls", "day2"));
        for (int i = 0; i < 10; i++) TestAudio.WriteVoice(Path.Combine(_dir, "calls", i < 5 ? "" : "day2", $"call-{i}.wav"), 100 + 17 * i, 1.2);
        _session.SetVariable("dir", _dir);
    }

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string[] Strings(string script) => _session.Invoke(script).Select(o => o.BaseObject.ToString()!).ToArray();

    private string[] Errors(string script)
    {
        _session.Invoke(script, out ModuleSession.StreamRecords streams);
        return streams.Error.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).ToArray();
    }

    /// <summary>Each result as compressed JSON by path: the whole object, to compare a batch with a single call.</summary>
    private const string AsJson = "ForEach-Object { $_.Path + ' ' + ($_ | ConvertTo-Json -Depth 4 -Compress) } | Sort-Object";

    [Fact]
    public void Shards_of_a_folder_take_every_file_exactly_once_whatever_the_current_location()
    {
        string[] all = Strings("Get-ChildItem -Recurse -File \"$dir/calls\" | ForEach-Object FullName | Sort-Object");
        var taken = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            // Half the tasks start elsewhere: -ShardRoot makes the keys, not the current location.
            string where = i % 2 == 0 ? "Set-Location $dir" : "Set-Location ([System.IO.Path]::GetTempPath())";
            string[] shard = Strings($"{where}; Get-VoiceFeature \"$dir/calls\", \"$dir/calls/day2\" -ShardRoot $dir -ShardIndex {i} -ShardCount 3 | ForEach-Object Path");
            Assert.NotEmpty(shard);
            taken.AddRange(shard);
        }
        Assert.Equal(all, taken.Order(StringComparer.Ordinal));
        // The current location is the default root: the same shards from there.
        Assert.Equal(Strings("Set-Location $dir; Get-VoiceFeature \"$dir/calls\" -ShardRoot $dir -ShardIndex 1 -ShardCount 3 | % Path"),
            Strings("Set-Location $dir; Get-VoiceFeature \"$dir/calls\" -ShardIndex 1 -ShardCount 3 | % Path"));
    }

    [Fact]
    public void The_index_comes_straight_from_an_array_tasks_environment_and_a_bad_one_stops_the_call_before_any_work()
    {
        string[] fromEnv = Strings("Set-Location $dir; $env:SLURM_ARRAY_TASK_ID = '2'; try { Get-VoiceFeature calls -ShardIndex $env:SLURM_ARRAY_TASK_ID " +
            "-ShardCount 4 -ResultPath r1 -PassThru | % Path } finally { Remove-Item env:SLURM_ARRAY_TASK_ID }");
        Assert.Equal(Strings("Set-Location $dir; Get-VoiceFeature calls -ShardIndex 2 -ShardCount 4 | % Path"), fromEnv);

        Assert.Equal(["BatchShardInvalid"], Errors("Set-Location $dir; Get-VoiceFeature calls -ShardIndex $env:JOB_COMPLETION_INDEX -ShardCount 4 -ResultPath r2"));
        Assert.Equal(["BatchShardInvalid"], Errors("Set-Location $dir; Get-VoiceEmotion calls -ShardIndex 4 -ShardCount 4 -ResultPath r2"));
        Assert.Equal(["BatchShardInvalid"], Errors("Set-Location $dir; Get-CloneFingerprint calls -ShardIndex 1"));
        Assert.Equal(["BatchShardInvalid"], Errors($"Set-Location $dir; New-VoiceClone -Manifest x.csv -ShardRoot . -OutputDirectory o"));
        Assert.False(Directory.Exists(Path.Combine(_dir, "r2")), "nothing was started");
    }

    [Fact]
    public void A_killed_task_run_again_does_only_what_is_missing_and_the_results_read_back_equal_a_single_call()
    {
        File.WriteAllLines(Path.Combine(_dir, "calls.csv"), ["path,text,speaker",
            .. Enumerable.Range(0, 10).Select(i => $"calls/{(i < 5 ? "" : "day2/")}call-{i}.wav,{(i == 3 ? "\"one, two three four\"" : "")},s{i}")]);
        string[] single = Strings($"Get-VoiceFeature -Manifest $dir/calls.csv | {AsJson}");
        Assert.Equal(10, single.Length);

        // Two tasks of two shards; then a kill cuts task 1's last line, as a SIGKILL in the middle of its write would.
        for (int i = 0; i < 2; i++) Assert.Empty(Strings($"Get-VoiceFeature -Manifest $dir/calls.csv -ShardIndex {i} -ShardCount 2 -ResultPath $dir/results"));
        string[] files = Directory.GetFiles(Path.Combine(_dir, "results")).Order().ToArray();
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.Equal(5, File.ReadAllLines(f).Length));
        byte[] task1 = File.ReadAllBytes(files[1]);
        File.WriteAllBytes(files[1], task1[..^100]);

        // Run again: shard 0 has nothing to do, shard 1 redoes its cut input only.
        Assert.Empty(Strings($"Get-VoiceFeature -Manifest $dir/calls.csv -ShardIndex 0 -ShardCount 2 -ResultPath $dir/results -PassThru | % Path"));
        string redone = Assert.Single(Strings($"Get-VoiceFeature -Manifest $dir/calls.csv -ShardIndex 1 -ShardCount 2 -ResultPath $dir/results -PassThru | % Path"));
        Assert.EndsWith("call-9.wav", redone); // shard 1 holds rows 1, 3, 5, 7, 9; the cut line was its last
        Assert.Equal(3, Directory.GetFiles(Path.Combine(_dir, "results")).Length);

        Assert.Equal(single, Strings($"Import-VoiceResult $dir/results | {AsJson}"));
        Assert.Equal("Text", Strings("Import-VoiceResult $dir/results | Where-Object Path -like '*call-3.wav' | % WpmSource").Single());
    }

    [Fact]
    public void Emotion_results_share_the_folder_and_Import_VoiceResult_filters_by_kind_and_reads_each_input_once()
    {
        Strings($"Set-Location $dir; Get-VoiceFeature calls -ResultPath results; Get-VoiceEmotion calls -ResultPath results -ShardIndex 0 -ShardCount 1");
        Assert.Equal(Strings($"Get-VoiceEmotion $dir/calls | {AsJson}"), Strings($"Import-VoiceResult $dir/results -Kind Emotion | {AsJson}"));
        Assert.Equal(["VoiceClone.EmotionResult", "VoiceClone.VoiceFeatures"],
            Strings($"Import-VoiceResult $dir/results | % {{ $_.GetType().FullName }} | Sort-Object -Unique"));

        // A copy of a file (two tasks that overlapped) adds nothing; a damaged file is an error of its own.
        string first = Directory.GetFiles(Path.Combine(_dir, "results")).Order().First();
        File.Copy(first, Path.Combine(_dir, "results", "copy.jsonl"));
        File.WriteAllText(Path.Combine(_dir, "results", "zz-damaged.jsonl"), "{\"kind\":\"features\"\n{}\n");
        _session.Invoke($"Import-VoiceResult $dir/results -Flat", out ModuleSession.StreamRecords streams);
        Assert.Equal(["BatchResultInvalid"], streams.Error.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Equal("5", Strings($"(Import-VoiceResult $dir/results -Kind Features -ErrorAction SilentlyContinue).Count").Single());
        Assert.Contains("Score_calm", Strings($"Import-VoiceResult $dir/results -Kind Emotion -Flat -EA SilentlyContinue | Select -First 1 | % {{ $_.PSObject.Properties.Name }}"));
    }

    [Fact]
    public void A_results_folder_that_cannot_be_written_stops_the_call()
    {
        File.WriteAllText(Path.Combine(_dir, "taken"), "a file where the folder should be");
        Assert.Equal(["BatchResultWriteFailed"], Errors($"Get-VoiceFeature $dir/calls -ResultPath $dir/taken"));
    }

    [Fact]
    public void A_bad_manifest_is_refused_whole_naming_its_line()
    {
        File.WriteAllLines(Path.Combine(_dir, "bad.csv"), ["path", "calls/call-0.wav", "calls/call-1.wav", "./calls/call-0.wav"]);
        _session.Invoke($"Get-VoiceFeature -Manifest $dir/bad.csv -ShardIndex 1 -ShardCount 2", out ModuleSession.StreamRecords streams);
        ErrorRecord e = Assert.Single(streams.Error);
        Assert.StartsWith("BatchManifestInvalid", e.FullyQualifiedErrorId);
        Assert.Contains("line 4 repeats 'calls/call-0.wav' of line 2", e.Exception.Message);
    }

    [Fact]
    public void Fingerprints_are_sharded_like_any_batch()
    {
        for (int i = 0; i < 12; i++) File.WriteAllText(Path.Combine(_dir, $"cloned_{i}.json"), Fingerprints.Seed(pitch: 100 + i));
        string[] union = Enumerable.Range(0, 3).SelectMany(i => Strings($"Get-CloneFingerprint $dir/*.json -ShardRoot $dir -ShardIndex {i} -ShardCount 3 | % Path"))
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Directory.GetFiles(_dir, "*.json").Order(StringComparer.Ordinal), union);
    }
}
