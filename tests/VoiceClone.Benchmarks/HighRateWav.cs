using VoiceClone.Core.Audio;

namespace VoiceClone.Benchmarks;

/// <summary>Writes a long 16-bit mono WAV from repeated clips without holding it in memory: the high-rate memory bench's input.</summary>
internal static class HighRateWav
{
    public static void Write(string path, int rateHz, long frames, IReadOnlyList<float[]> clips)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var writer = new BinaryWriter(stream);
        long dataBytes = frames * 2;
        writer.Write("RIFF"u8);
        writer.Write((uint)(36 + dataBytes));
        writer.Write("WAVEfmt "u8);
        writer.Write(16u);
        writer.Write((ushort)1);     // PCM
        writer.Write((ushort)1);     // mono
        writer.Write((uint)rateHz);
        writer.Write((uint)(rateHz * 2));
        writer.Write((ushort)2);     // block align
        writer.Write((ushort)16);    // bits per sample
        writer.Write("data"u8);
        writer.Write((uint)dataBytes);
        long written = 0;
        for (int clip = 0; written < frames; clip = (clip + 1) % clips.Count)
        {
            foreach (float v in clips[clip])
            {
                if (written++ == frames) break;
                writer.Write((short)Math.Round(Math.Clamp(v, -1f, 1f) * short.MaxValue));
            }
        }
    }
}
