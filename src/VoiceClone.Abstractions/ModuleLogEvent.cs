namespace VoiceClone;

public enum ModuleLogLevel { Debug, Information, Metric, Warning, Error }

/// <summary>A log event handed from the engine to the cmdlet that caused it, to be written to a PowerShell stream.</summary>
public sealed record ModuleLogEvent(ModuleLogLevel Level, string Source, string Message, string? Exception);
