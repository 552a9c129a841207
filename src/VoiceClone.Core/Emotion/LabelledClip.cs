namespace VoiceClone.Core.Emotion;

/// <summary>One training recording: its file, who speaks, and the emotion it was recorded with.</summary>
public sealed record LabelledClip(string Path, string Speaker, string Emotion);
