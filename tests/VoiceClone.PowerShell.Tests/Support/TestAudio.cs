using System.Buffers.Binary;

namespace VoiceClone.PowerShell.Tests.Support;

/// <summary>Writes small 16-bit WAV files for cmdlet tests (the tests reference no VoiceClone assembly).</summary>
internal static class TestAudio
{
    public const int Rate = 16000;

    /// <summary>A harmonic voice at <paramref name="hz"/> with syllable-like level changes, framed by silence.</summary>
    public static void WriteVoice(string path, double hz, double seconds)
    {
        int n = (int)(seconds * Rate);
        var samples = new short[n];
        for (int i = 0; i < n; i++)
        {
            double t = (double)i / Rate;
            bool inside = t > 0.2 && t < seconds - 0.2;
            double envelope = inside ? 0.5 + 0.5 * Math.Sin(2 * Math.PI * 4 * t) : 0;
            double v = 0;
            for (int k = 1; k <= 10; k++) v += Math.Sin(2 * Math.PI * k * hz * t) / k;
            samples[i] = (short)(3000 * envelope * v);
        }
        Write(path, samples);
    }

    public static void Write(string path, short[] samples)
    {
        var bytes = new byte[44 + samples.Length * 2];
        "RIFF"u8.CopyTo(bytes); BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8)); BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1); BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), Rate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), Rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), 2); BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36)); BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), samples.Length * 2);
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + 2 * i), samples[i]);
        File.WriteAllBytes(path, bytes);
    }
}
