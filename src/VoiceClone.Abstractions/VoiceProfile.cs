namespace VoiceClone;

/// <summary>A saved voice (New-VoiceProfile): what a neural engine needs to clone it again without the reference recording.</summary>
public sealed class VoiceProfile
{
    /// <summary>Full path of the profile file.</summary>
    public string Path { get; init; } = "";
    public string ModelName { get; init; } = "";
    public string ReferencePath { get; init; } = "";
    public string ReferenceSha256 { get; init; } = "";
    public double ReferenceSeconds { get; init; }
    /// <summary>With a transcript: in-context cloning (speaker embedding plus reference codes); without: speaker embedding only.</summary>
    public bool InContext { get; init; }
    public string? ReferenceText { get; init; }
    public int EmbeddingLength { get; init; }
    public int ReferenceFrames { get; init; }
    /// <summary>The reference's mean F0, Hz, as its analysis measured it.</summary>
    public double Pitch { get; init; } = double.NaN;
    public string? Emotion { get; init; }
    public DateTimeOffset Created { get; init; }
}
