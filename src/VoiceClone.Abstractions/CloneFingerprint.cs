namespace VoiceClone;

/// <summary>
/// A clone's fingerprint as read back from its <c>cloned_&lt;id&gt;.json</c> file (schema v1).
/// Numeric fields are real numbers so Measure-Object and Sort-Object work; a field absent from
/// the file is NaN (numbers) or null (text).
/// </summary>
public sealed class CloneFingerprint
{
    public int SchemaVersion { get; init; }
    public string Text { get; init; } = "";
    public DateTimeOffset Timestamp { get; init; }
    public double Pitch { get; init; } = double.NaN;
    public double PitchRangeLow { get; init; } = double.NaN;
    public double PitchRangeHigh { get; init; } = double.NaN;
    public double StressEnergy { get; init; } = double.NaN;
    /// <summary>The reference's emotion as Get-VoiceEmotion names it: one of the seven, or 'uncertain'.</summary>
    public string? Emotion { get; init; }
    public double EmotionConfidence { get; init; } = double.NaN;
    public double Wpm { get; init; } = double.NaN;
    public double PauseEntropy { get; init; } = double.NaN;
    public string? ModelUsed { get; init; }
    public string? Engine { get; init; }
    public string? RunId { get; init; }
    /// <summary>Full path of the clone's audio file, resolved against the fingerprint's folder.</summary>
    public string? AudioPath { get; init; }
    public string? ReferenceAudioPath { get; init; }
    public string? AudioSha256 { get; init; }
    public string? ReferenceAudioSha256 { get; init; }
    /// <summary>Full path of the fingerprint file itself.</summary>
    public string Path { get; init; } = "";
}
