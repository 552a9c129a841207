namespace VoiceClone.Core.Telemetry;

/// <summary>Short, uniform descriptions of results for [ExecutionComplete] lines.</summary>
public static class ResultShape
{
    public static string Object(string typeName, int textLength = -1) =>
        textLength >= 0 ? $"{typeName} text_length={textLength}" : typeName;

    public static string Count(string typeName, int count) => $"{typeName}[{count}]";
}
