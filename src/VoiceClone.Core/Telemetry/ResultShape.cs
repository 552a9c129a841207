using System.Globalization;
using VoiceClone.Core.Audio;

namespace VoiceClone.Core.Telemetry;

/// <summary>Short, uniform descriptions of results for [ExecutionComplete] lines.</summary>
public static class ResultShape
{
    public static string Audio(AudioBuffer audio) => string.Create(CultureInfo.InvariantCulture,
        $"audio shape=[{audio.Samples.Length}] duration_s={audio.DurationSeconds:F3} sample_rate_hz={audio.SampleRateHz}");

    public static string Object(string typeName, int textLength = -1) =>
        textLength >= 0 ? $"{typeName} text_length={textLength}" : typeName;

    public static string Count(string typeName, int count) => $"{typeName}[{count}]";
}
