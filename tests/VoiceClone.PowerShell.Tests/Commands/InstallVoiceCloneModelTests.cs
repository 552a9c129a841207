using System.Management.Automation;
using System.Security.Cryptography;
using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

/// <summary>Install-VoiceCloneModel against a loopback HTTP server serving the tiny fixture in the model layout.</summary>
[Collection(EngineCollection.Name)]
public sealed class InstallVoiceCloneModelTests : IDisposable
{
    private readonly ModuleSession _session = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-install-").FullName;

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static string Sha(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [SkippableFact]
    public async Task Downloads_verifies_resumes_and_installs_atomically_a_model_that_then_clones()
    {
        string fixture = SharedFixture.Require("fixtures/qwen3-tts-tiny");
        using var server = new LoopbackFileServer(fixture);
        string destination = Path.Combine(_dir, "tiny");
        // An interrupted earlier download: the first half of the talker graph is already here.
        string partial = Directory.CreateDirectory(Path.Combine(destination, ".partial")).FullName;
        byte[] talker = await File.ReadAllBytesAsync(Path.Combine(fixture, "cpu_fp32", "talker_cache.onnx"));
        await File.WriteAllBytesAsync(Path.Combine(partial, "cpu_fp32_talker_cache.onnx.part"), talker[..(talker.Length / 2)]);

        string install = $"Install-VoiceCloneModel Qwen3-TTS-12Hz-0.6B-Base -Source '{server.BaseUri}' -Destination '{destination}'";
        Assert.Empty(_session.Invoke(install + " -WhatIf"));
        Assert.False(File.Exists(Path.Combine(destination, "install.json")));

        PSObject installed = _session.Invoke(install).Single();
        Assert.Equal(12, installed.Properties["Files"].Value);
        Assert.Equal(12, installed.Properties["VerifiedFiles"].Value);
        Assert.Equal(1, installed.Properties["ResumedFiles"].Value);
        Assert.Contains(server.Requests, r => r.Path == "cpu_fp32/talker_cache.onnx" && r.Range == $"bytes={talker.Length / 2}-");
        foreach (string file in new[] { "config.json", "vocab.json", "merges.txt", "tokenizer_config.json", "cpu_fp32/talker_cache.onnx", "cpu_fp32/tok_decoder.onnx" })
            Assert.Equal(Sha(Path.Combine(fixture, file)), Sha(Path.Combine(destination, file)));
        Assert.True(File.Exists(Path.Combine(destination, "install.json")));
        Assert.False(Directory.Exists(partial));

        // Installed means usable: the folder clones (random weights speak noise: the voiced-speech check is off for it).
        string reference = Path.Combine(fixture, "reference", "ref_audio_24k.wav");
        Environment.SetEnvironmentVariable("VOICECLONE_MIN_VOICED_FRACTION", "0");
        try
        {
            var clone = _session.Invoke($"New-VoiceClone -LiteralPath '{reference}' -Text 'Hello world.' -Engine Qwen3 " +
                $"-ModelPath '{destination}' " +
                $"-Temperature 0 -OutputDirectory '{_dir}/out'").Single();
            Assert.True(File.Exists((string)clone.Properties["AudioPath"].Value));
        }
        finally
        {
            Environment.SetEnvironmentVariable("VOICECLONE_MIN_VOICED_FRACTION", null);
        }

        // A second install is refused without -Force.
        _session.Invoke(install, out var streams);
        Assert.StartsWith("OutputExists,", Assert.Single(streams.Error).FullyQualifiedErrorId);
    }

    [SkippableFact]
    public void A_checksum_mismatch_installs_nothing_and_discards_the_bad_file()
    {
        string fixture = SharedFixture.Require("fixtures/qwen3-tts-tiny");
        using var server = new LoopbackFileServer(fixture) { CorruptChecksums = true };
        string destination = Path.Combine(_dir, "bad");
        string id = (string)_session.Invoke($"try {{ Install-VoiceCloneModel Qwen3-TTS-12Hz-0.6B-Base -Source '{server.BaseUri}' -Destination '{destination}' }} catch {{ $_.FullyQualifiedErrorId + ' ' + $_.Exception.Message }}").Single().BaseObject;
        Assert.StartsWith("ModelFileMissing,", id);
        Assert.Contains("sha256", id);
        Assert.False(File.Exists(Path.Combine(destination, "install.json")));
        Assert.False(File.Exists(Path.Combine(destination, "config.json")));
        Assert.Empty(Directory.GetFiles(Path.Combine(destination, ".partial")));
    }
}
