using System.Management.Automation;
using System.Text.Json;
using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

/// <summary>New-VoiceClone -Engine Qwen3 end to end on the tiny random-weight fixture (its audio is noise; the workflow is real).</summary>
[Collection(EngineCollection.Name)]
public sealed class NewVoiceCloneQwen3Tests : IDisposable
{
    private readonly ModuleSession _session = new();
    private readonly EngineFixture _engine;
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-qwen-").FullName;

    public NewVoiceCloneQwen3Tests(EngineFixture engine)
    {
        _engine = engine;
        // Random weights speak noise, which has no voiced frames: the voiced_speech check would fail every clone by design.
        Environment.SetEnvironmentVariable(NoVoicingCheck.Name, NoVoicingCheck.Value);
    }

    private static readonly (string Name, string Value) NoVoicingCheck = ("VOICECLONE_MIN_VOICED_FRACTION", "0");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(NoVoicingCheck.Name, null);
        _session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [SkippableFact]
    public void Writes_the_same_pair_and_run_log_as_the_default_engine_and_greedy_output_is_reproducible()
    {
        string model = SharedFixture.Require("fixtures/qwen3-tts-tiny");
        string reference = Path.Combine(model, "reference", "ref_audio_24k.wav");
        string command = $"New-VoiceClone -LiteralPath '{reference}' -Text 'Hello world.' -Engine Qwen3 -ModelPath '{model}' -Temperature 0 -OutputDirectory '{_dir}'";
        PSObject first = _session.Invoke(command).Single();
        PSObject second = _session.Invoke(command).Single();

        Assert.Equal("Qwen3", first.Properties["Engine"].Value);
        Assert.Equal("Qwen3-TTS:qwen3-tts-tiny", first.Properties["ModelUsed"].Value);
        string audio = (string)first.Properties["AudioPath"].Value, json = (string)first.Properties["FingerprintPath"].Value;
        Assert.True(File.Exists(audio) && File.Exists(json));
        Assert.Equal(4, OutputFolder.Files(_dir).Length);
        // Greedy decoding: the same text and reference give the same samples.
        Assert.Equal(Sha(audio), Sha((string)second.Properties["AudioPath"].Value));

        using var fingerprint = JsonDocument.Parse(File.ReadAllBytes(json));
        Assert.Equal("Qwen3", fingerprint.RootElement.GetProperty("engine").GetString());
        Assert.Equal(24000, fingerprint.RootElement.GetProperty("audio").GetProperty("sample_rate_hz").GetInt32());
        using var run = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_engine.LogDirectory, "runs", first.Properties["RunId"].Value + ".json")));
        Assert.Equal("cpu_fp32: float I/O float32, KV cache float32, logits float32",
            run.RootElement.GetProperty("parameters").GetProperty("precision").GetString());
        JsonElement work = run.RootElement.GetProperty("compute").GetProperty("work");
        Assert.True(work.GetProperty("frames").GetDouble() > 0);
        Assert.Equal(16 * work.GetProperty("frames").GetDouble(), work.GetProperty("tokens").GetDouble());
    }

    [SkippableFact]
    public void In_context_cloning_and_seeded_sampling_work_from_PowerShell()
    {
        string model = SharedFixture.Require("fixtures/qwen3-tts-tiny");
        string reference = Path.Combine(model, "reference", "ref_audio_24k.wav");
        string Clone(int seed) => (string)_session.Invoke($"(New-VoiceClone -LiteralPath '{reference}' -Text 'Hello world. See you soon.' -Engine Qwen3 -ModelPath '{model}' " +
            $"-ReferenceText 'I really was very much afraid of showing him.' -Seed {seed} -OutputDirectory '{_dir}').AudioPath").Single().BaseObject;
        Assert.Equal(Sha(Clone(7)), Sha(Clone(7)));
        Assert.NotEqual(Sha(Clone(7)), Sha(Clone(8)));
    }

    [SkippableFact]
    public void A_cuda_request_on_a_cpu_build_falls_back_loudly_and_is_recorded_as_a_retry()
    {
        string model = SharedFixture.Require("fixtures/qwen3-tts-tiny");
        string reference = Path.Combine(model, "reference", "ref_audio_24k.wav");
        PSObject clone = _session.Invoke($"New-VoiceClone -LiteralPath '{reference}' -Text 'Hello world.' -Engine Qwen3 -ModelPath '{model}' -Device Cuda -Temperature 0 -OutputDirectory '{_dir}'",
            out var streams).Single();
        using var fingerprint = JsonDocument.Parse(File.ReadAllBytes((string)clone.Properties["FingerprintPath"].Value));
        Skip.If(fingerprint.RootElement.GetProperty("device").GetString() == "cuda", "skipped: CUDA ran here, so there is no fallback to observe");
        Assert.Equal("cpu", fingerprint.RootElement.GetProperty("device").GetString());
        // One fact, one warning (the engine's own, forwarded from the log); the fixture's noise adds its own about pitch.
        WarningRecord warning = Assert.Single(streams.Warning, w => w.Message.Contains("CUDA"));
        Assert.StartsWith("CUDA requested for Qwen3-TTS but unavailable, running on CPU", warning.Message);
        using var run = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_engine.LogDirectory, "runs", clone.Properties["RunId"].Value + ".json")));
        JsonElement retry = Assert.Single(run.RootElement.GetProperty("retries").EnumerateArray());
        Assert.Equal("cpu_fallback", retry.GetProperty("method").GetString());
        Assert.Contains("CUDAExecutionProvider", retry.GetProperty("reason").GetString());
    }

    [SkippableFact]
    public void A_saved_voice_profile_clones_without_the_recording_and_matches_cloning_from_it()
    {
        string model = SharedFixture.Require("fixtures/qwen3-tts-tiny");
        string reference = Path.Combine(_dir, "me.wav");
        File.Copy(Path.Combine(model, "reference", "ref_audio_24k.wav"), reference);
        const string ReferenceText = "I really was very much afraid of showing him.";
        // Random weights babble: a nine-word sentence keeps any length the budget allows plausible for the validator.
        const string Sentence = "The quick brown fox jumps over the lazy dog.";
        PSObject profile = _session.Invoke($"New-VoiceProfile -LiteralPath '{reference}' -ModelPath '{model}' -ReferenceText '{ReferenceText}' -OutputDirectory '{_dir}'").Single();
        string profilePath = (string)profile.Properties["Path"].Value;
        Assert.Equal(Path.Combine(_dir, "me.voiceprofile.json"), profilePath);
        Assert.True((bool)profile.Properties["InContext"].Value);
        Assert.Equal(32, profile.Properties["EmbeddingLength"].Value);

        // From the recording, and from the profile with the recording gone: the same greedy clone.
        string fromRecording = (string)_session.Invoke($"(New-VoiceClone -LiteralPath '{reference}' -Text '{Sentence}' -Engine Qwen3 -ModelPath '{model}' " +
            $"-ReferenceText '{ReferenceText}' -Temperature 0 -OutputDirectory '{_dir}/a').AudioPath").Single().BaseObject;
        File.Delete(reference);
        PSObject fromProfile = _session.Invoke($"New-VoiceClone -Profile '{profilePath}' -Text '{Sentence}' -ModelPath '{model}' -Temperature 0 -OutputDirectory '{_dir}/b'").Single();
        Assert.Equal(Sha(fromRecording), Sha((string)fromProfile.Properties["AudioPath"].Value));
        using var fingerprint = JsonDocument.Parse(File.ReadAllBytes((string)fromProfile.Properties["FingerprintPath"].Value));
        Assert.Equal(reference, fingerprint.RootElement.GetProperty("reference_audio").GetProperty("path").GetString());
        Assert.True(fingerprint.RootElement.GetProperty("reference_voice_analysis").GetProperty("pitch").GetDouble() > 0);
        Assert.True(double.IsFinite((double)fromProfile.Properties["TimbreDistance"].Value)); // the stored spectrum stands in

        // An existing profile is kept unless -Force; a file that is not a profile is a clear error.
        var again = _session.Invoke($"New-VoiceProfile -LiteralPath '{Path.Combine(model, "reference", "ref_audio_24k.wav")}' -ModelPath '{model}' -OutputDirectory '{_dir}'", out var streams);
        Assert.Single(again); // ref_audio_24k.voiceprofile.json is a new name
        string notProfile = Path.Combine(_dir, "x.voiceprofile.json");
        File.WriteAllText(notProfile, "{\"kind\": \"something else\"}");
        _session.Invoke($"New-VoiceClone -Profile '{notProfile}' -Text 'Hello.' -ModelPath '{model}' -OutputDirectory '{_dir}/c'", out streams);
        Assert.StartsWith("VoiceProfileInvalid,", Assert.Single(streams.Error).FullyQualifiedErrorId);
    }

    private static string Sha(string path) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
