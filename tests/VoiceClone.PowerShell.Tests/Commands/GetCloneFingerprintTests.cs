using System.Management.Automation;
using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

[Collection(EngineCollection.Name)]
public sealed class GetCloneFingerprintTests : IDisposable
{
    private readonly ModuleSession _session = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-fp-").FullName;

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string Write(string name, string json)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Emits_typed_CloneFingerprint_objects_with_numeric_properties()
    {
        Write("cloned_1770739260.json", Fingerprints.Seed());
        PSObject f = _session.Invoke($"Get-CloneFingerprint '{_dir}/cloned_1770739260.json'").Single();
        Assert.Equal("VoiceClone.CloneFingerprint", f.BaseObject.GetType().FullName);
        Assert.Equal(185.4, (double)f.Properties["Pitch"].Value);
        Assert.Equal(120.5, (double)f.Properties["PitchRangeLow"].Value);
        Assert.Equal(250.1, (double)f.Properties["PitchRangeHigh"].Value);
        Assert.Equal("happy", f.Properties["Emotion"].Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1770739260), (DateTimeOffset)f.Properties["Timestamp"].Value);
        // Scripts and Pester see the public type by name: Should -BeOfType [VoiceClone.CloneFingerprint].
        Assert.Equal(true, _session
            .Invoke($"(Get-CloneFingerprint '{_dir}/cloned_1770739260.json') -is [VoiceClone.CloneFingerprint]")
            .Single().BaseObject);
    }

    [Fact]
    public void Average_pitch_of_a_folder_of_fingerprints_through_the_pipeline()
    {
        var random = new Random(7);
        double[] pitches = Enumerable.Range(0, 60).Select(_ => Math.Round(80 + random.NextDouble() * 200, 2)).ToArray();
        for (int i = 0; i < pitches.Length; i++)
            Write($"cloned_{1770739260 + i}.json", Fingerprints.Seed(pitches[i], timestamp: 1770739260 + i));

        PSObject average = _session.Invoke(
            $"Get-CloneFingerprint '{_dir}/*.json' | ForEach-Object -Begin {{ $sum = 0; $n = 0 }} " +
            $"-Process {{ $sum += $_.Pitch; $n++ }} -End {{ $sum / $n }}").Single();
        Assert.Equal(pitches.Average(), (double)average.BaseObject, 9);
    }

    [Fact]
    public void A_folder_path_reads_the_clone_fingerprints_in_it()
    {
        Write("cloned_1.json", Fingerprints.Seed(100));
        Write("cloned_2.json", Fingerprints.Seed(200));
        Write("notes.txt", "not json");
        Assert.Equal(2, _session.Invoke($"Get-CloneFingerprint '{_dir}'").Count);
    }

    [Fact]
    public void FileInfo_objects_bind_by_property_name()
    {
        Write("cloned_1.json", Fingerprints.Seed(100));
        Write("cloned_2.json", Fingerprints.Seed(300));
        var pitches = _session
            .Invoke($"[System.IO.DirectoryInfo]::new('{_dir}').GetFiles('*.json') | Get-CloneFingerprint | ForEach-Object Pitch")
            .Select(p => (double)p.BaseObject).Order();
        Assert.Equal([100.0, 300.0], pitches);
    }

    [Fact]
    public void Items_carrying_PSPath_bind_to_LiteralPath_so_brackets_are_safe()
    {
        string bracketed = Write("cloned_[take 1].json", Fingerprints.Seed(150));
        _session.SetVariable("item", MakeProviderItem(bracketed));
        Assert.Equal(150.0, (double)_session.Invoke("$item | Get-CloneFingerprint | ForEach-Object Pitch").Single().BaseObject);
        Assert.Equal(150.0,
            (double)_session.Invoke($"Get-CloneFingerprint -LiteralPath '{bracketed}' | ForEach-Object Pitch").Single().BaseObject);
    }

    private static PSObject MakeProviderItem(string path)
    {
        var item = PSObject.AsPSObject(new FileInfo(path));
        item.Properties.Add(new PSNoteProperty("PSPath", "Microsoft.PowerShell.Core\\FileSystem::" + path));
        return item;
    }

    [Fact]
    public void Relative_paths_resolve_against_the_session_location()
    {
        Write("cloned_9.json", Fingerprints.Seed(99));
        Assert.Equal(99.0, (double)_session.Invoke(
            $"$ExecutionContext.SessionState.Path.SetLocation('{_dir}') | Out-Null; " +
            $"Get-CloneFingerprint ./cloned_9.json | ForEach-Object Pitch").Single().BaseObject);
    }

    [Fact]
    public void A_bad_file_is_a_non_terminating_error_and_the_batch_goes_on()
    {
        Write("a_good.json", Fingerprints.Seed(100));
        Write("b_broken.json", "{ not json");
        Write("c_foreign.json", "{\"name\": \"x\"}");
        Write("d_good.json", Fingerprints.Seed(200));

        var output = _session.Invoke($"Get-CloneFingerprint '{_dir}/*.json'", out ModuleSession.StreamRecords streams);
        Assert.Equal(2, output.Count);
        Assert.Equal(2, streams.Error.Count);
        Assert.All(streams.Error, e => Assert.StartsWith("FingerprintInvalid,", e.FullyQualifiedErrorId));
        Assert.All(streams.Error, e => Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category));
        Assert.Contains("b_broken.json", streams.Error[0].TargetObject?.ToString());
        Assert.NotNull(streams.Error[0].ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void ErrorAction_Stop_turns_the_error_into_a_terminating_one_with_the_same_id()
    {
        Write("broken.json", "[]");
        var output = _session.Invoke(
            $"try {{ Get-CloneFingerprint '{_dir}/broken.json' -ErrorAction Stop; 'not reached' }} catch {{ $_.FullyQualifiedErrorId }}");
        Assert.StartsWith("FingerprintInvalid,", (string)output.Single().BaseObject);
    }

    [Fact]
    public void Missing_paths_and_other_providers_have_their_own_error_ids()
    {
        _session.Invoke($"Get-CloneFingerprint '{_dir}/nothing-here.json'", out ModuleSession.StreamRecords missing);
        Assert.StartsWith("PathNotFound,", missing.Error.Single().FullyQualifiedErrorId);
        _session.Invoke($"Get-CloneFingerprint -LiteralPath '{_dir}/nothing-here.json'", out ModuleSession.StreamRecords missingLiteral);
        Assert.StartsWith("PathNotFound,", missingLiteral.Error.Single().FullyQualifiedErrorId);
        _session.Invoke("Get-CloneFingerprint -Path 'variable:/PSVersionTable'", out ModuleSession.StreamRecords provider);
        Assert.StartsWith("PathNotFileSystem,", provider.Error.Single().FullyQualifiedErrorId);
    }

    [Fact]
    public void A_wildcard_that_matches_nothing_is_quiet_like_PowerShells_own_cmdlets()
    {
        var output = _session.Invoke($"Get-CloneFingerprint '{_dir}/*.json'", out ModuleSession.StreamRecords streams);
        Assert.Empty(output);
        Assert.Empty(streams.Error);
    }

    [Fact]
    public void Oversized_files_are_refused_with_FingerprintTooLarge()
    {
        string path = Path.Combine(_dir, "huge.json");
        using (var f = File.Create(path)) f.SetLength(2 << 20);
        _session.Invoke($"Get-CloneFingerprint '{path}'", out ModuleSession.StreamRecords streams);
        Assert.StartsWith("FingerprintTooLarge,", streams.Error.Single().FullyQualifiedErrorId);
    }

    [Fact]
    public void Metrics_reach_the_information_stream_tagged_for_filtering()
    {
        Write("cloned_1.json", Fingerprints.Seed(100));
        _session.Invoke($"Get-CloneFingerprint '{_dir}/cloned_1.json'", out ModuleSession.StreamRecords streams);
        InformationRecord complete = streams.Information.Single(r => r.MessageData.ToString()!.Contains("[ExecutionComplete]"));
        Assert.Contains("Metrics", complete.Tags);
        Assert.Contains("status=ok", complete.MessageData.ToString());
        Assert.Contains("result=CloneFingerprint text_length=22", complete.MessageData.ToString());
    }
}
