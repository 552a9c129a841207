using System.Globalization;

namespace VoiceClone.PowerShell.Tests.Support;

/// <summary>Fingerprint documents for tests, in the seed layout.</summary>
internal static class Fingerprints
{
    public static string Seed(double pitch = 185.4, string text = "The quick brown fox...", long timestamp = 1770739260) =>
        string.Create(CultureInfo.InvariantCulture, $$"""
        {"text": "{{text}}", "timestamp": {{timestamp}},
         "reference_voice_analysis": {"pitch": {{pitch}}, "pitch_range": [120.5, 250.1], "stress_energy": 0.045,
           "emotion": "happy", "emotion_confidence": 0.89, "speaking_pattern": {"wpm": 145, "pause_entropy": 0.76} },
         "model_used": "Qwen3-TTS-0.6B-Base"}
        """);
}
