using System.Buffers.Binary;
using System.Management.Automation;
using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

/// <summary>
/// Hostile inputs from the reliability audit: each is one non-terminating error with its documented id, the batch goes on,
/// nothing hangs, and no confident answer comes out of garbage.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class BadInputTests : IDisposable
{
    private readonly ModuleSession _session = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-bad-").FullName;

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string File(string name) => Path.Combine(_dir, name);

    private string Voice(string name)
    {
        TestAudio.WriteVoice(File(name), 140, 1.5);
        return File(name);
    }

    /// <summary>Ids of the errors a script wrote, and how many objects it emitted.</summary>
    private (string[] Errors, int Outputs) Run(string script)
    {
        var output = _session.Invoke(script, out ModuleSession.StreamRecords streams);
        return (streams.Error.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).ToArray(), output.Count);
    }

    private static void WriteFloatWav(string path, float[] samples)
    {
        var bytes = new byte[44 + 4 * samples.Length];
        "RIFF"u8.CopyTo(bytes); BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8)); BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 3); BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), TestAudio.Rate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), 4 * TestAudio.Rate);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), 4); BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 32);
        "data"u8.CopyTo(bytes.AsSpan(36)); BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), 4 * samples.Length);
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(44 + 4 * i), samples[i]);
        System.IO.File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public void Samples_that_are_not_numbers_are_AudioFileMalformed_and_the_batch_goes_on()
    {
        float[] poisoned = Enumerable.Range(0, TestAudio.Rate).Select(i => (float)(0.3 * Math.Sin(i * 0.05))).ToArray();
        poisoned[8000] = float.NaN;
        WriteFloatWav(File("nan.wav"), poisoned);
        poisoned[8000] = float.PositiveInfinity;
        WriteFloatWav(File("inf.wav"), poisoned);
        string good = Voice("good.wav");
        foreach (string command in new[] { "Get-VoiceFeature", "Get-VoiceEmotion" })
        {
            var (errors, outputs) = Run($"{command} -LiteralPath '{File("nan.wav")}', '{File("inf.wav")}', '{good}'");
            Assert.Equal(["AudioFileMalformed", "AudioFileMalformed"], errors);
            Assert.Equal(1, outputs);
        }
    }

    [Fact]
    public void Silence_and_noise_get_no_emotion_but_a_NoSpeechDetected_error()
    {
        TestAudio.Write(File("silence.wav"), new short[2 * TestAudio.Rate]);
        var random = new Random(7);
        TestAudio.Write(File("noise.wav"), Enumerable.Range(0, 2 * TestAudio.Rate).Select(_ => (short)random.Next(-4000, 4000)).ToArray());
        var (errors, outputs) = Run(
            $"Get-VoiceEmotion -LiteralPath '{File("silence.wav")}', '{File("noise.wav")}', '{Voice("voice.wav")}'");
        Assert.Equal(["NoSpeechDetected", "NoSpeechDetected"], errors);
        Assert.Equal(1, outputs);
    }

    [Fact]
    public void A_data_chunk_of_size_zero_before_another_chunk_holds_no_audio()
    {
        byte[] list = [.. "LIST"u8, 20, 0, 0, 0, .. "INFOISFT"u8, 8, 0, 0, 0, .. "a tool\0\0"u8];
        TestAudio.Write(File("empty-data.wav"), []);
        byte[] bytes = [.. System.IO.File.ReadAllBytes(File("empty-data.wav")), .. list, .. new byte[19200]];
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        System.IO.File.WriteAllBytes(File("empty-data.wav"), bytes);
        var (errors, outputs) = Run($"Get-VoiceFeature -LiteralPath '{File("empty-data.wav")}'");
        Assert.Equal(["AudioTooShort"], errors); // not 0.6 s of "audio" made of the LIST chunk and what follows
        Assert.Equal(0, outputs);
    }

    [SkippableFact]
    public void A_fifo_is_refused_at_once_instead_of_blocking_the_reader()
    {
        Skip.If(OperatingSystem.IsWindows(), "skipped: FIFOs are a Unix file type");
        string fifo = File("pipe.json"), fifoWav = File("pipe.wav");
        foreach (string f in new[] { fifo, fifoWav }) Assert.Equal(0, ChildProcess.Run("mkfifo", [f]).ExitCode);
        System.IO.File.WriteAllText(File("cloned_ok.json"), Fingerprints.Seed());
        // Opening a FIFO for reading blocks until a writer comes, so a reader that opened it would never return here.
        var (errors, outputs) = Run($"Get-CloneFingerprint -LiteralPath '{fifo}', '{File("cloned_ok.json")}'");
        Assert.Equal(["PathNotRegularFile"], errors);
        Assert.Equal(1, outputs);
        (errors, outputs) = Run($"Get-VoiceFeature -LiteralPath '{fifoWav}'");
        Assert.Equal(["PathNotRegularFile"], errors);
    }

    [Fact]
    public void A_folder_named_like_a_recording_is_not_opened()
    {
        Directory.CreateDirectory(File("take.wav"));
        var (errors, _) = Run($"Get-VoiceFeature -Path '{Path.Combine(_dir, "*.wav")}'");
        Assert.Equal(["PathNotRegularFile"], errors);
    }

    [Theory]
    [InlineData("1e15")]
    [InlineData("1e308")]
    [InlineData("-1e308")]
    [InlineData("253402300800")]
    public void A_fingerprint_whose_timestamp_is_no_time_is_FingerprintInvalid(string timestamp)
    {
        System.IO.File.WriteAllText(File("cloned_bad.json"),
            Fingerprints.Seed().Replace("\"timestamp\": 1770739260", $"\"timestamp\": {timestamp}"));
        System.IO.File.WriteAllText(File("cloned_good.json"), Fingerprints.Seed());
        var (errors, outputs) = Run($"Get-CloneFingerprint -LiteralPath '{File("cloned_bad.json")}', '{File("cloned_good.json")}'");
        Assert.Equal(["FingerprintInvalid"], errors);
        Assert.Equal(1, outputs);
    }

    [Fact]
    public void A_fingerprint_whose_audio_path_holds_a_null_character_is_FingerprintInvalid()
    {
        string json = Fingerprints.Seed().TrimEnd().TrimEnd('}') + ", \"audio\": {\"path\": \"cloned_\\u0000x.wav\", \"sha256\": \"00\"}}";
        System.IO.File.WriteAllText(File("cloned_nul.json"), json);
        Assert.Equal(["FingerprintInvalid"], Run($"Get-CloneFingerprint -LiteralPath '{File("cloned_nul.json")}'").Errors);
    }
}
