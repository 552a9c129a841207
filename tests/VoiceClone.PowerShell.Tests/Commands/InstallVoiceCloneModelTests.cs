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
        string partial = Directory.CreateDirectory(Path.Combine(_dir, ".tiny.partial")).FullName;
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
        Assert.StartsWith("ModelDownloadFailed,", id);
        Assert.Contains("sha256", id);
        Assert.False(Directory.Exists(destination), "nothing was installed");
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(_dir, ".bad.partial")), f => f.Contains("config")); // the bad file was discarded
        Assert.Empty(Directory.GetDirectories(_dir, ".bad.staging-*"));
    }

    private string Install(LoopbackFileServer server, string destination, string extra = "") =>
        (string)_session.Invoke($"try {{ Install-VoiceCloneModel Qwen3-TTS-12Hz-0.6B-Base -Source '{server.BaseUri}' -Destination '{destination}' {extra}" +
            " | Out-Null; 'installed' } catch { $_.FullyQualifiedErrorId.Split(',')[0] + ': ' + $_.Exception.Message }").Single().BaseObject;

    [SkippableFact]
    public void A_failed_download_over_an_installed_model_leaves_the_installed_model_whole()
    {
        string fixture = SharedFixture.Require("fixtures/qwen3-tts-tiny");
        string destination = Path.Combine(_dir, "kept");
        using (var good = new LoopbackFileServer(fixture)) Assert.Equal("installed", Install(good, destination));
        string before = File.ReadAllText(Path.Combine(destination, "install.json"));
        string[] files = Directory.GetFiles(destination, "*", SearchOption.AllDirectories).Order().ToArray();

        using var bad = new LoopbackFileServer(fixture) { CorruptChecksums = true };
        Assert.StartsWith("ModelDownloadFailed", Install(bad, destination, "-Force"));
        Assert.Equal(before, File.ReadAllText(Path.Combine(destination, "install.json")));
        Assert.Equal(files, Directory.GetFiles(destination, "*", SearchOption.AllDirectories).Order().ToArray());
        Assert.Equal(Sha(Path.Combine(fixture, "cpu_fp32", "talker_cache.onnx")), Sha(Path.Combine(destination, "cpu_fp32", "talker_cache.onnx")));
        Assert.Empty(Directory.GetDirectories(_dir, ".kept.staging-*"));
    }

    [SkippableFact]
    public void A_body_cut_short_is_not_installed_and_the_next_call_resumes_it()
    {
        string fixture = SharedFixture.Require("fixtures/qwen3-tts-tiny");
        string destination = Path.Combine(_dir, "cut");
        using var server = new LoopbackFileServer(fixture) { FaultyFile = "cpu_fp32/talker_cache.onnx", FaultAfterBytes = 100_000 };
        string result = Install(server, destination);
        Assert.StartsWith("ModelDownloadFailed", result);
        Assert.Contains("run the command again to resume", result);
        Assert.False(Directory.Exists(destination));
        Assert.Equal("installed", Install(server, destination));
        Assert.Contains(server.Requests, r => r.Path == "cpu_fp32/talker_cache.onnx" && r.Range == "bytes=100000-");
        Assert.Equal(Sha(Path.Combine(fixture, "cpu_fp32", "talker_cache.onnx")), Sha(Path.Combine(destination, "cpu_fp32", "talker_cache.onnx")));
    }

    [SkippableFact]
    public void A_server_that_stalls_is_abandoned_after_the_timeout()
    {
        string fixture = SharedFixture.Require("fixtures/qwen3-tts-tiny");
        using var server = new LoopbackFileServer(fixture) { FaultyFile = "cpu_fp32/talker_cache.onnx", FaultAfterBytes = 50_000, Stall = true };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        string result = Install(server, Path.Combine(_dir, "stalled"), "-TimeoutSeconds 2");
        Assert.StartsWith("ModelDownloadFailed", result);
        Assert.Contains("no data arrived for 2 s", result);
        Assert.True(watch.Elapsed < LoopbackFileServer.StallLimit, "abandoned before the server gave up by itself");
    }

    [SkippableTheory]
    [InlineData("conflicting")]
    [InlineData("oversized")]
    public void An_unusable_checksum_list_stops_the_install_before_anything_is_fetched(string kind)
    {
        string fixture = SharedFixture.Require("fixtures/qwen3-tts-tiny");
        string zeros = new('0', 64), ones = new('1', 64);
        string list = kind == "conflicting" ? $"{zeros}  config.json\n{ones}  config.json\n" : string.Concat(Enumerable.Repeat($"{zeros}  padding.bin\n", 20_000));
        using var server = new LoopbackFileServer(fixture) { ChecksumFile = list };
        Assert.StartsWith("ModelDownloadFailed", Install(server, Path.Combine(_dir, kind)));
        Assert.DoesNotContain(server.Requests, r => r.Path == "config.json");
    }

    [SkippableFact]
    public void Files_without_a_checksum_are_installed_only_when_allowed()
    {
        string fixture = SharedFixture.Require("fixtures/qwen3-tts-tiny");
        using var server = new LoopbackFileServer(fixture) { NoChecksumFile = true };
        string destination = Path.Combine(_dir, "unverified");
        string refused = Install(server, destination);
        Assert.StartsWith("ModelDownloadFailed", refused);
        Assert.Contains("no checksum", refused);
        Assert.False(Directory.Exists(destination));
        PSObject installed = _session.Invoke($"Install-VoiceCloneModel Qwen3-TTS-12Hz-0.6B-Base -Source '{server.BaseUri}' -Destination '{destination}' " +
            "-AllowUnverified -WarningAction SilentlyContinue").Single();
        Assert.Equal(0, installed.Properties["VerifiedFiles"].Value);
        Assert.True(File.Exists(Path.Combine(destination, "install.json")));
    }
}
