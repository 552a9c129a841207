using System.Buffers.Binary;

namespace VoiceClone.PowerShell.Tests.Support;

/// <summary>Reads and writes the device tests' WAV files (16-bit PCM or float32; the tests reference no VoiceClone assembly).</summary>
internal static class WavSamples
{
    /// <summary>Samples (channels averaged) and rate of a 16-bit PCM or 32-bit float WAV file.</summary>
    public static (float[] Samples, int RateHz) Read(string path)
    {
        byte[] b = File.ReadAllBytes(path);
        int channels = 0, rate = 0, format = 0, bits = 0;
        for (int at = 12; at + 8 <= b.Length;)
        {
            string id = System.Text.Encoding.ASCII.GetString(b, at, 4);
            int size = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(at + 4));
            if (id == "fmt ")
            {
                format = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at + 8));
                channels = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at + 10));
                rate = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(at + 12));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at + 22));
            }
            else if (id == "data")
            {
                int bytesPerSample = bits / 8, frames = size / (bytesPerSample * channels);
                var samples = new float[frames];
                for (int f = 0; f < frames; f++)
                {
                    for (int c = 0; c < channels; c++)
                    {
                        var s = b.AsSpan(at + 8 + (f * channels + c) * bytesPerSample);
                        float value = format == 3 ? BinaryPrimitives.ReadSingleLittleEndian(s)
                            : BinaryPrimitives.ReadInt16LittleEndian(s) / 32768f;
                        samples[f] += value / channels;
                    }
                }
                return (samples, rate);
            }
            at += 8 + size + (size & 1);
        }
        throw new InvalidDataException($"{path} has no data chunk");
    }

    /// <summary>
    /// A voice-like test signal that matches itself at one lag only: harmonics on an F0 gliding 110 to 220 Hz, a syllable-rate
    /// envelope, framed by 0.2 s of silence; 16-bit, 16 kHz.
    /// </summary>
    public static void WriteGlide(string path, double seconds)
    {
        int rate = TestAudio.Rate, n = (int)(seconds * rate);
        var samples = new short[n];
        double phase = 0;
        for (int i = 0; i < n; i++)
        {
            double t = (double)i / rate;
            bool inside = t > 0.2 && t < seconds - 0.2;
            phase += 2 * Math.PI * (110 + 110 * t / seconds) / rate;
            double envelope = inside ? 0.55 + 0.45 * Math.Sin(2 * Math.PI * 3.7 * t) : 0;
            double v = 0;
            for (int k = 1; k <= 12; k++) v += Math.Sin(k * phase) / k;
            samples[i] = (short)(6000 * envelope * v);
        }
        TestAudio.Write(path, samples);
    }
}
