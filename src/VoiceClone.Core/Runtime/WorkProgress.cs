namespace VoiceClone.Core.Runtime;

/// <summary>Where a long job stands, as its entry point reports it; the caller shows the latest one.</summary>
/// <param name="Status">What is being done now, e.g. "Extracting features: 12/40".</param>
/// <param name="PercentComplete">0-100, or -1 when unknown.</param>
/// <param name="SecondsRemaining">Estimated, or -1 when unknown.</param>
public sealed record WorkProgress(string Status, int PercentComplete = -1, int SecondsRemaining = -1, string? CurrentOperation = null);
