using System.Management.Automation;
using System.Text.Json;
using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

[Collection(EngineCollection.Name)]
public sealed class NewVoiceCloneTests : IDisposable
{
    private readonly ModuleSession _session = new();
    private readonly EngineFixture _engine;
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-clone-").FullName;

    public NewVoiceCloneTests(EngineFixture engine) => _engine = engine;

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string Output => Path.Combine(_dir, "output");

    private static T Property<T>(PSObject o, string name) => (T)o.Properties[name].Value;

    [SkippableFact]
    public void Writes_a_validated_clone_pair_that_the_fingerprint_reader_and_the_run_log_describe()
    {
        string reference = Flite.WriteReference(Path.Combine(_dir, "me.wav"));
        var result = _session.Invoke($"New-VoiceClone '{reference}' -Text 'The birch canoe slid on the smooth planks.' -OutputDirectory '{Output}' -Verbose 4>&1").ToList();
        var verbose = result.Where(r => r.BaseObject is VerboseRecord).Select(r => r.BaseObject.ToString()!).ToList();
        PSObject clone = Assert.Single(result, r => r.BaseObject is not VerboseRecord);

        Assert.Equal("VoiceClone.VoiceCloneResult", clone.BaseObject.GetType().FullName);
        string id = Property<string>(clone, "Id");
        Assert.Equal(Path.Combine(Output, $"cloned_{id}.wav"), Property<string>(clone, "AudioPath"));
        Assert.Equal(Path.Combine(Output, $"cloned_{id}.json"), Property<string>(clone, "FingerprintPath"));
        Assert.Matches(@"^flite:(kal16|awb|rms|slt)\+voice-match$", Property<string>(clone, "ModelUsed"));
        Assert.Equal("Default", Property<string>(clone, "Engine"));
        Assert.InRange(Property<double>(clone, "DurationSeconds"), 1.0, 8.0);
        Assert.InRange(Property<double>(clone, "PitchRatio"), 0.8, 1.25);
        Assert.True(Property<double>(clone, "TimbreDistance") < Property<double>(clone, "BaseTimbreDistance")
            || Property<string>(clone, "BaseVoice") == "flite:awb");
        Assert.Matches(@"^flite:(kal16|awb|rms|slt)$", Property<string>(clone, "BaseVoice"));
        Assert.Equal(2, OutputFolder.Files(Output).Length); // the pair, no temporaries

        // The users' spec log lines, in order.
        string[] expected = ["Generating audio for text: The birch canoe", "Analysis: Extracted F0 Pitch (Mean: ", "Analysis: Emotion Detected: ", "Saved audio to ", "Saved metadata to "];
        int at = 0;
        foreach (string line in verbose) if (at < expected.Length && line.Contains(expected[at])) at++;
        Assert.True(at == expected.Length, "verbose lines:\n" + string.Join("\n", verbose));
        Assert.Contains(verbose, v => v.Contains("% Confidence)") && v.Contains("Emotion Detected: " + char.ToUpperInvariant(v.Split("Detected: ")[1][0])));

        // The fingerprint: seed layout plus the additions, and the checksum of the audio beside it.
        var fingerprint = _session.Invoke($"Get-CloneFingerprint '{Property<string>(clone, "FingerprintPath")}'").Single();
        Assert.Equal(Property<string>(clone, "AudioPath"), Property<string>(fingerprint, "AudioPath"));
        Assert.Equal(Property<string>(clone, "RunId"), Property<string>(fingerprint, "RunId"));
        Assert.True(double.IsFinite(Property<double>(fingerprint, "Pitch")));
        using var json = JsonDocument.Parse(File.ReadAllBytes(Property<string>(clone, "FingerprintPath")));
        JsonElement root = json.RootElement;
        foreach (string key in new[] { "text", "timestamp", "reference_voice_analysis", "model_used", "schema_version", "engine", "base_voice", "run_id", "device", "audio", "reference_audio", "clone_analysis", "match_scores", "timings_ms", "validation", "attempts" })
            Assert.True(root.TryGetProperty(key, out _), key);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Property<string>(clone, "AudioPath")))).ToLowerInvariant(),
            root.GetProperty("audio").GetProperty("sha256").GetString());
        Assert.Equal(16000, root.GetProperty("reference_audio").GetProperty("sample_rate_hz").GetInt32());

        // The run log of this invocation.
        string runLog = Path.Combine(_engine.LogDirectory, "runs", Property<string>(clone, "RunId") + ".json");
        using var run = JsonDocument.Parse(File.ReadAllBytes(runLog));
        Assert.Equal("completed", run.RootElement.GetProperty("status").GetString());
        var stages = run.RootElement.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()).Distinct().ToList();
        Assert.Equal(["reference_analysis", "synthesis", "output_analysis", "persist"], stages);
        Assert.True(run.RootElement.GetProperty("compute").GetProperty("real_time_factor").GetDouble() > 0);
    }

    [SkippableFact]
    public void Piped_files_times_texts_make_one_pair_each_with_unique_ids_and_the_users_pitch_average_works()
    {
        Flite.WriteReference(Path.Combine(_dir, "a.wav"), "awb");
        Flite.WriteReference(Path.Combine(_dir, "b.wav"), "slt");
        var clones = _session.Invoke($"[System.IO.DirectoryInfo]::new('{_dir}').GetFiles('*.wav') | New-VoiceClone -Text 'Good morning to you.', 'See you again tomorrow.' -OutputDirectory '{Output}'",
            out var streams);
        Assert.Empty(streams.Error);
        // Progress while the batch runs: the share done and an estimate of the seconds left, then completion.
        var running = streams.Progress.Where(p => p.RecordType == ProgressRecordType.Processing).ToList();
        Assert.NotEmpty(running);
        Assert.All(running, p => Assert.InRange(p.PercentComplete, 0, 100));
        Assert.Contains(running, p => p.SecondsRemaining >= 0);
        Assert.Equal(ProgressRecordType.Completed, streams.Progress[^1].RecordType);
        Assert.Equal(4, clones.Count);
        Assert.Equal(4, clones.Select(c => Property<string>(c, "Id")).Distinct().Count());
        // In input order, each reference's texts together, whatever order the clones finished in.
        string[] inputOrder = new DirectoryInfo(_dir).GetFiles("*.wav").SelectMany(f => new[] { f.Name, f.Name }).ToArray();
        Assert.Equal(inputOrder, clones.Select(c => Path.GetFileName(Property<string>(c, "ReferencePath"))));
        Assert.Equal(["Good morning to you.", "See you again tomorrow.", "Good morning to you.", "See you again tomorrow."], clones.Select(c => Property<string>(c, "Text")));
        string runId = Assert.Single(clones.Select(c => Property<string>(c, "RunId")).Distinct()); // one invocation, one run
        // Each reference is analysed once; its second clone finds the analysis cached.
        using (var run = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_engine.LogDirectory, "runs", runId + ".json"))))
        {
            var details = run.RootElement.GetProperty("stages").EnumerateArray()
                .Where(s => s.GetProperty("name").GetString() == "reference_analysis").Select(s => s.GetProperty("detail").GetString()).ToList();
            Assert.Equal(2, details.Count(d => d == "analysed"));
            Assert.Equal(2, details.Count(d => d == "cached"));
        }
        Assert.Equal(8, OutputFolder.Files(Output).Length);

        // Get-CloneFingerprint output/*.json | Measure-Object -Property Pitch -Average, through the pipeline.
        double average = (double)_session.Invoke($"Get-CloneFingerprint '{Output}/*.json' | ForEach-Object -Begin {{ $s = 0; $n = 0 }} -Process {{ $s += $_.Pitch; $n++ }} -End {{ $s / $n }}").Single().BaseObject;
        // The seed's form: ConvertFrom-Json ... reference_voice_analysis.pitch, read here with System.Text.Json.
        double expected = Directory.GetFiles(Output, "*.json")
            .Select(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement.GetProperty("reference_voice_analysis").GetProperty("pitch").GetDouble()).Average();
        Assert.Equal(expected, average, 9);
    }

    [SkippableFact]
    public void WhatIf_writes_nothing()
    {
        string reference = Flite.WriteReference(Path.Combine(_dir, "me.wav"));
        var output = _session.Invoke($"New-VoiceClone '{reference}' -Text 'Hello there.' -OutputDirectory '{Output}' -WhatIf", out var streams);
        Assert.Empty(output);
        Assert.Empty(streams.Error);
        Assert.False(Directory.Exists(Output));
    }

    [SkippableFact]
    public void A_named_pair_is_never_overwritten_without_Force()
    {
        string reference = Flite.WriteReference(Path.Combine(_dir, "me.wav"));
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "cloned_daily.json"), "keep me");
        var output = _session.Invoke($"New-VoiceClone '{reference}' -Text 'Hello there, friend.' -OutputDirectory '{Output}' -Id daily", out var streams);
        Assert.Empty(output);
        Assert.StartsWith("OutputExists,", Assert.Single(streams.Error).FullyQualifiedErrorId);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(Output, "cloned_daily.json")));
        Assert.False(File.Exists(Path.Combine(Output, "cloned_daily.wav")));

        var replaced = _session.Invoke($"New-VoiceClone '{reference}' -Text 'Hello there, friend.' -OutputDirectory '{Output}' -Id daily -Force").Single();
        Assert.Equal("daily", Property<string>(replaced, "Id"));
        Assert.NotEqual("keep me", File.ReadAllText(Path.Combine(Output, "cloned_daily.json")));
    }

    [SkippableFact]
    public void Bad_input_is_an_error_record_per_item_and_the_rest_of_the_batch_goes_on()
    {
        string good = Flite.WriteReference(Path.Combine(_dir, "good.wav"));
        string notWav = Path.Combine(_dir, "notes.wav");
        File.WriteAllText(notWav, "this is text, not audio");
        var output = _session.Invoke($"New-VoiceClone -LiteralPath '{notWav}', '{good}' -Text 'Hello there, friend.' -OutputDirectory '{Output}'", out var streams);
        Assert.Single(output);
        Assert.StartsWith("AudioFormatUnsupported,", Assert.Single(streams.Error).FullyQualifiedErrorId);

        _session.Invoke($"New-VoiceClone -LiteralPath '{good}' -Text '  ...  ' -OutputDirectory '{Output}'", out streams);
        Assert.StartsWith("TextInvalid,", Assert.Single(streams.Error).FullyQualifiedErrorId);
        Assert.Equal(2, OutputFolder.Files(Output).Length); // only the good pair
    }

    [SkippableFact]
    public void German_and_Chinese_are_spoken_by_their_own_voices_and_a_text_the_language_cannot_be_written_in_is_an_error()
    {
        string reference = Flite.WriteReference(Path.Combine(_dir, "me.wav"));
        Espeak.Require();
        // The issue's call: a German sentence and a Chinese one, -Language German.
        var clones = _session.Invoke($"New-VoiceClone '{reference}' -Text 'Guten Morgen, die Straße ist heute sehr ruhig.', '今天天气很好。' " +
            $"-Language German -OutputDirectory '{Output}'", out var streams);
        PSObject german = Assert.Single(clones);
        Assert.Matches(@"^espeak-ng:de(\+\w+)?\+voice-match$", Property<string>(german, "ModelUsed"));
        Assert.StartsWith("espeak-ng:de", Property<string>(german, "BaseVoice"));
        Assert.Equal("passed", Property<string>(german, "Validation"));
        ErrorRecord error = Assert.Single(streams.Error);
        Assert.StartsWith("LanguageUnsupported,", error.FullyQualifiedErrorId);
        Assert.Contains("Han letters, which German", error.Exception.Message);

        // Without -Language each text's own: the Chinese sentence is Mandarin, voiced, of a plausible length.
        PSObject chinese = _session.Invoke($"New-VoiceClone '{reference}' -Text '今天天气很好。' -OutputDirectory '{Output}'").Single();
        Assert.StartsWith("espeak-ng:cmn", Property<string>(chinese, "BaseVoice"));
        Assert.InRange(Property<double>(chinese, "DurationSeconds"), 0.5, 4.0); // 6 syllables at 1.5-12 a second
        Assert.DoesNotContain("voiced_speech", Property<string>(chinese, "Validation"));
    }

    [SkippableFact]
    public void BaseVoice_completes_to_the_installed_voices_and_takes_one_by_name()
    {
        string reference = Flite.WriteReference(Path.Combine(_dir, "me.wav"));
        string[] Complete(string line) => _session
            .Invoke($"(TabExpansion2 -inputScript \"{line}\" -cursorColumn {line.Length}).CompletionMatches.CompletionText")
            .Select(o => (string)o.BaseObject).ToArray();
        Assert.Equal(["flite:kal16", "flite:awb", "flite:rms", "flite:slt"], Complete("New-VoiceClone -BaseVoice flite:"));
        Assert.Contains("awb", Complete("New-VoiceClone -BaseVoice aw").Select(c => c.Split(':')[1]));
        PSObject clone = _session
            .Invoke($"New-VoiceClone '{reference}' -Text 'Good morning to you.' -BaseVoice flite:rms -OutputDirectory '{Output}'").Single();
        Assert.Equal("flite:rms", Property<string>(clone, "BaseVoice"));
        Assert.Equal("flite:rms+voice-match", Property<string>(clone, "ModelUsed"));
        string Id(string script) => (string)_session.Invoke($"try {{ {script} }} catch {{ $_.FullyQualifiedErrorId }}").Single().BaseObject;
        string clone1 = $"New-VoiceClone '{reference}' -Text hi -OutputDirectory '{Output}'";
        Assert.StartsWith("ConfigurationInvalid,", Id($"{clone1} -BaseVoice flite:nosuch"));
        Assert.StartsWith("LanguageUnsupported,", Id($"{clone1} -Language Klingon"));
    }

    [Fact]
    public void Engine_and_dependency_problems_stop_the_command_with_their_error_ids()
    {
        string wav = Path.Combine(_dir, "v.wav");
        TestAudio.WriteVoice(wav, 150, 2.0);
        string Id(string script) => (string)_session.Invoke($"try {{ {script} }} catch {{ $_.FullyQualifiedErrorId }}").Single().BaseObject;
        Assert.StartsWith("ModelFileMissing,", Id($"New-VoiceClone '{wav}' -Text hi -Engine Qwen3 -OutputDirectory '{Output}'"));
        string incomplete = Directory.CreateDirectory(Path.Combine(_dir, "qwen")).FullName;
        File.WriteAllText(Path.Combine(incomplete, "config.json"), "{}");
        string missing = (string)_session.Invoke($"try {{ New-VoiceClone '{wav}' -Text hi -Engine Qwen3 -ModelPath '{incomplete}' -OutputDirectory '{Output}' }} catch {{ $_.FullyQualifiedErrorId + ' ' + $_.Exception.Message }}").Single().BaseObject;
        Assert.StartsWith("ModelFileMissing,", missing);
        foreach (string file in new[] { "vocab.json", "merges.txt", "tokenizer_config.json", Path.Combine("cpu_fp32", "talker_cache.onnx"), Path.Combine("cpu_fp32", "tok_decoder.onnx") })
            Assert.Contains(file, missing);
        Assert.DoesNotContain("config.json,", missing.Replace("tokenizer_config.json", ""));
        Assert.StartsWith("ConfigurationInvalid,", Id($"New-VoiceClone '{wav}' -Text hi -Id '../up' -OutputDirectory '{Output}'"));
        Environment.SetEnvironmentVariable("VOICECLONE_FLITE", Path.Combine(_dir, "no-such-flite"));
        try
        {
            Assert.StartsWith("SynthesizerMissing,", Id($"New-VoiceClone '{wav}' -Text hi -OutputDirectory '{Output}'"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("VOICECLONE_FLITE", null);
        }
        Assert.False(Directory.Exists(Output));
    }
}
