using System.Text.Json.Serialization;

namespace VoiceClone.Core.Fingerprints;

/// <summary>
/// The on-disk fingerprint, schema v1. The seed layout (text, timestamp, reference_voice_analysis,
/// model_used) is kept exactly and always written, with null for what could not be measured (JSON
/// has no NaN); the additive keys are left out when absent.
/// </summary>
public sealed class FingerprintDocument
{
    public const int CurrentSchemaVersion = 1;

    [JsonPropertyName("schema_version"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? SchemaVersion { get; set; } = CurrentSchemaVersion;
    [JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Id { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("timestamp")] public double? Timestamp { get; set; }
    [JsonPropertyName("reference_voice_analysis")] public VoiceAnalysisSection? ReferenceVoiceAnalysis { get; set; }
    [JsonPropertyName("model_used")] public string? ModelUsed { get; set; }
    [JsonPropertyName("engine"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Engine { get; set; }
    [JsonPropertyName("base_voice"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? BaseVoice { get; set; }
    [JsonPropertyName("run_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? RunId { get; set; }
    [JsonPropertyName("device"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Device { get; set; }
    [JsonPropertyName("audio"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public AudioFileSection? Audio { get; set; }
    [JsonPropertyName("reference_audio"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AudioFileSection? ReferenceAudio { get; set; }
    [JsonPropertyName("clone_analysis"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VoiceAnalysisSection? CloneAnalysis { get; set; }
    [JsonPropertyName("match_scores"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, double?>? MatchScores { get; set; }
    [JsonPropertyName("timings_ms"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, double?>? TimingsMs { get; set; }
    /// <summary>"passed", or "failed:" and the soft checks the clone still missed after its retries.</summary>
    [JsonPropertyName("validation"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Validation { get; set; }
    [JsonPropertyName("attempts"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Attempts { get; set; }
    [JsonPropertyName("seed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Seed { get; set; }
}

public sealed class VoiceAnalysisSection
{
    /// <summary>The seed layout's fields from an analysis (NaN becomes null).</summary>
    public static VoiceAnalysisSection From(VoiceFeatures features, EmotionResult? emotion) => new()
    {
        Pitch = FingerprintWriter.FiniteOrNull(features.Pitch),
        PitchRange = [FingerprintWriter.FiniteOrNull(features.PitchRangeLow), FingerprintWriter.FiniteOrNull(features.PitchRangeHigh)],
        StressEnergy = FingerprintWriter.FiniteOrNull(features.StressEnergy),
        Emotion = emotion?.Emotion,
        EmotionConfidence = emotion is null ? null : FingerprintWriter.FiniteOrNull(emotion.Confidence),
        SpeakingPattern = new SpeakingPatternSection
        {
            Wpm = FingerprintWriter.FiniteOrNull(features.Wpm), PauseEntropy = FingerprintWriter.FiniteOrNull(features.PauseEntropy),
        },
    };

    /// <summary>Mean F0 in Hz.</summary>
    [JsonPropertyName("pitch")] public double? Pitch { get; set; }
    /// <summary>[low, high] F0 in Hz.</summary>
    [JsonPropertyName("pitch_range")] public double?[]? PitchRange { get; set; }
    [JsonPropertyName("stress_energy")] public double? StressEnergy { get; set; }
    [JsonPropertyName("emotion")] public string? Emotion { get; set; }
    [JsonPropertyName("emotion_confidence")] public double? EmotionConfidence { get; set; }
    [JsonPropertyName("speaking_pattern")] public SpeakingPatternSection? SpeakingPattern { get; set; }
}

public sealed class SpeakingPatternSection
{
    [JsonPropertyName("wpm")] public double? Wpm { get; set; }
    [JsonPropertyName("pause_entropy")] public double? PauseEntropy { get; set; }
}

public sealed class AudioFileSection
{
    /// <summary>Relative to the fingerprint's folder when the audio sits beside it, otherwise absolute.</summary>
    [JsonPropertyName("path"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Path { get; set; }
    [JsonPropertyName("sha256"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Sha256 { get; set; }
    [JsonPropertyName("duration_seconds"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? DurationSeconds { get; set; }
    [JsonPropertyName("sample_rate_hz"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? SampleRateHz { get; set; }
}
