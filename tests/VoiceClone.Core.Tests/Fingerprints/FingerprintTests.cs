using VoiceClone.Core.Fingerprints;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Fingerprints;

public sealed class FingerprintTests : IDisposable
{
    // The seed system's example document, byte for byte in its layout.
    internal const string SeedExample = """
        {
          "text": "The quick brown fox...",
          "timestamp": 1770739260,
          "reference_voice_analysis": {
            "pitch": 185.4,
            "pitch_range": [120.5, 250.1],
            "stress_energy": 0.045,
            "emotion": "happy",
            "emotion_confidence": 0.89,
            "speaking_pattern": { "wpm": 145, "pause_entropy": 0.76 }
          },
          "model_used": "Qwen3-TTS-0.6B-Base"
        }
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WriteJson(string name, string json)
    {
        string path = _dir.File(name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Reads_the_seed_example_into_typed_fields()
    {
        CloneFingerprint f = FingerprintReader.Read(WriteJson("cloned_1770739260.json", SeedExample));
        Assert.Equal("The quick brown fox...", f.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1770739260), f.Timestamp);
        Assert.Equal(185.4, f.Pitch);
        Assert.Equal(120.5, f.PitchRangeLow);
        Assert.Equal(250.1, f.PitchRangeHigh);
        Assert.Equal(0.045, f.StressEnergy);
        Assert.Equal("happy", f.Emotion);
        Assert.Equal(0.89, f.EmotionConfidence);
        Assert.Equal(145, f.Wpm);
        Assert.Equal(0.76, f.PauseEntropy);
        Assert.Equal("Qwen3-TTS-0.6B-Base", f.ModelUsed);
        Assert.Equal(0, f.SchemaVersion);
        Assert.Null(f.AudioPath);
        Assert.Equal(_dir.File("cloned_1770739260.json"), f.Path);
    }

    [Fact]
    public void Seed_era_fingerprint_finds_its_sibling_wav()
    {
        File.WriteAllBytes(_dir.File("cloned_7.wav"), [0]);
        CloneFingerprint f = FingerprintReader.Read(WriteJson("cloned_7.json", SeedExample));
        Assert.Equal(_dir.File("cloned_7.wav"), f.AudioPath);
    }

    [Fact]
    public void Written_documents_keep_the_seed_layout_and_round_trip()
    {
        var document = new FingerprintDocument
        {
            Id = "1770739260-0001",
            Text = "Hello",
            Timestamp = 1770739260.25,
            ModelUsed = "flite:slt+voice-match",
            Engine = "Default",
            ReferenceVoiceAnalysis = new VoiceAnalysisSection
            {
                Pitch = 122, PitchRange = [90, FingerprintWriter.FiniteOrNull(double.NaN)], StressEnergy = 0.05,
                Emotion = "neutral", EmotionConfidence = 0.92,
                SpeakingPattern = new SpeakingPatternSection { Wpm = 150, PauseEntropy = FingerprintWriter.FiniteOrNull(double.NaN) },
            },
            Audio = new AudioFileSection
            {
                Path = "cloned_1770739260-0001.wav", Sha256 = "ab", DurationSeconds = 1.5, SampleRateHz = 24000,
            },
        };
        string path = _dir.File("cloned_1770739260-0001.json");
        using (var staged = FingerprintWriter.Stage(path, document)) staged.Commit(overwrite: false);

        string json = File.ReadAllText(path);
        Assert.Contains("\"schema_version\": 1", json);
        Assert.Contains("\"reference_voice_analysis\"", json);
        Assert.Contains("\"speaking_pattern\"", json);
        Assert.Contains("\"pause_entropy\": null", json);
        CloneFingerprint f = FingerprintReader.Read(path);
        Assert.Equal(1, f.SchemaVersion);
        Assert.Equal(122, f.Pitch);
        Assert.True(double.IsNaN(f.PitchRangeHigh));
        Assert.True(double.IsNaN(f.PauseEntropy));
        Assert.Equal(_dir.File("cloned_1770739260-0001.wav"), f.AudioPath);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1770739260250), f.Timestamp);
    }

    [Theory]
    [InlineData("{bad", "not valid JSON")]
    [InlineData("[1, 2]", "the top level is an array")]
    [InlineData("{\"name\": \"something else\"}", "required key 'text' is missing")]
    [InlineData(
        "{\"text\": 5, \"timestamp\": 1, \"model_used\": \"m\", \"reference_voice_analysis\": {\"pitch\": 1}}",
        "'text' is a number, expected a string")]
    [InlineData(
        "{\"text\": \"t\", \"timestamp\": \"today\", \"model_used\": \"m\", \"reference_voice_analysis\": {\"pitch\": 1}}",
        "'timestamp' is a string")]
    [InlineData(
        "{\"text\": \"t\", \"timestamp\": 1, \"model_used\": \"m\", \"reference_voice_analysis\": {}}",
        "'reference_voice_analysis.pitch' is missing")]
    [InlineData(
        "{\"text\": \"t\", \"timestamp\": 1, \"model_used\": \"m\", \"reference_voice_analysis\": {\"pitch\": 1, \"pitch_range\": [1]}}",
        "pitch_range' must be [low, high]")]
    [InlineData(
        "{\"schema_version\": 9, \"text\": \"t\", \"timestamp\": 1, \"model_used\": \"m\", \"reference_voice_analysis\": {\"pitch\": 1}}",
        "written with schema 9")]
    [InlineData(
        "{\"text\": \"t\", \"timestamp\": 1, \"model_used\": \"m\", " +
        "\"reference_voice_analysis\": {\"pitch\": 1, \"emotion_confidence\": \"high\"}}",
        "wrong type")]
    public void Foreign_or_malformed_json_is_FingerprintInvalid_with_the_defect_named(string json, string defect)
    {
        string path = WriteJson("x.json", json);
        var e = Assert.Throws<VoiceCloneException>(() => FingerprintReader.Read(path));
        Assert.Equal("FingerprintInvalid", e.ErrorId);
        Assert.Contains(path, e.Message);
        Assert.Contains(defect, e.Message);
    }

    [Fact]
    public void Oversized_files_are_refused_before_parsing()
    {
        string path = _dir.File("huge.json");
        using (var f = File.Create(path)) f.SetLength(FingerprintReader.MaxFileBytes + 1);
        var e = Assert.Throws<VoiceCloneException>(() => FingerprintReader.Read(path));
        Assert.Equal("FingerprintTooLarge", e.ErrorId);
    }

    [Fact]
    public void Deeply_nested_json_is_rejected_not_a_stack_overflow()
    {
        string json = new string('[', 5000) + new string(']', 5000);
        var e = Assert.Throws<VoiceCloneException>(() => FingerprintReader.Read(WriteJson("deep.json", json)));
        Assert.Equal("FingerprintInvalid", e.ErrorId);
    }
}
