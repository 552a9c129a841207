using System.Buffers.Binary;
using VoiceClone.Core.IO;

namespace VoiceClone.Core.Audio;

/// <summary>
/// Writes mono WAV files (16-bit PCM or float32) with LIST/INFO tags, through a temporary file that
/// is renamed into place only when complete.
/// </summary>
public static class WavWriter
{
    public const string SoftwareTag = "ISFT";
    public const string CommentTag = "ICMT";
    public const string TitleTag = "INAM";

    private const ushort FormatPcm = 0x0001;
    private const ushort FormatIeeeFloat = 0x0003;

    /// <summary>Writes <paramref name="samples"/> to <paramref name="path"/>; returns how many samples were clipped to [-1, 1].</summary>
    public static int Write(string path, ReadOnlySpan<float> samples, int sampleRateHz, WavSampleFormat format,
        IReadOnlyDictionary<string, string>? infoTags = null, bool overwrite = false)
    {
        using var staged = new StagedFile(path);
        int clipped;
        try
        {
            using (FileStream stream = staged.OpenWrite())
            {
                clipped = WriteTo(stream, samples, sampleRateHz, format, infoTags);
                stream.Flush(flushToDisk: true);
            }
            staged.Commit(overwrite);
        }
        catch (IOException e) when (!overwrite && File.Exists(path))
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioWriteFailed, $"'{path}' already exists; it was left untouched.", path, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioWriteFailed, $"Cannot write '{path}': {e.Message}", path, e);
        }
        return clipped;
    }

    /// <summary>Writes a complete WAV image to a stream; returns how many samples were clipped.</summary>
    public static int WriteTo(Stream stream, ReadOnlySpan<float> samples, int sampleRateHz, WavSampleFormat format,
        IReadOnlyDictionary<string, string>? infoTags = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRateHz);
        for (int i = 0; i < samples.Length; i++)
        {
            if (!float.IsFinite(samples[i]))
            {
                throw new ArgumentException($"Sample {i} is {samples[i]}; audio must be finite.", nameof(samples));
            }
        }

        int bytesPerSample = format == WavSampleFormat.Pcm16 ? 2 : 4;
        long dataBytes = (long)samples.Length * bytesPerSample;
        byte[] info = infoTags is { Count: > 0 } ? RiffInfoList.Build(infoTags) : [];
        // float WAV carries an 18-byte fmt (cbSize = 0) and a fact chunk, as the spec asks for non-PCM data.
        int fmtBytes = format == WavSampleFormat.Pcm16 ? 16 : 18;
        int factBytes = format == WavSampleFormat.Pcm16 ? 0 : 8 + 4;
        long riffBytes = 4 + (8 + fmtBytes) + factBytes + (info.Length > 0 ? 8 + info.Length : 0) + 8 + dataBytes + (dataBytes & 1);
        if (riffBytes > uint.MaxValue) throw new ArgumentException("Audio too long for a RIFF file (4 GiB).", nameof(samples));

        var header = new BinaryWriter(stream, System.Text.Encoding.ASCII, leaveOpen: true);
        header.Write("RIFF"u8); header.Write((uint)riffBytes); header.Write("WAVE"u8);
        header.Write("fmt "u8); header.Write(fmtBytes);
        header.Write(format == WavSampleFormat.Pcm16 ? FormatPcm : FormatIeeeFloat);
        header.Write((ushort)1);
        header.Write(sampleRateHz);
        header.Write(sampleRateHz * bytesPerSample);
        header.Write((ushort)bytesPerSample);
        header.Write((ushort)(bytesPerSample * 8));
        if (fmtBytes == 18) header.Write((ushort)0);
        if (factBytes > 0) { header.Write("fact"u8); header.Write(4); header.Write(samples.Length); }
        if (info.Length > 0) { header.Write("LIST"u8); header.Write(info.Length); header.Write(info); }
        header.Write("data"u8); header.Write((uint)dataBytes);
        header.Flush();

        int clipped = WriteSamples(stream, samples, format);
        if ((dataBytes & 1) == 1) stream.WriteByte(0);
        return clipped;
    }

    private static int WriteSamples(Stream stream, ReadOnlySpan<float> samples, WavSampleFormat format)
    {
        const int BlockSamples = 16 * 1024;
        int bytesPerSample = format == WavSampleFormat.Pcm16 ? 2 : 4;
        var block = new byte[BlockSamples * bytesPerSample];
        int clipped = 0;
        for (int start = 0; start < samples.Length; start += BlockSamples)
        {
            int count = Math.Min(BlockSamples, samples.Length - start);
            for (int i = 0; i < count; i++)
            {
                float s = samples[start + i];
                if (s > 1f || s < -1f) { clipped++; s = Math.Clamp(s, -1f, 1f); }
                if (format == WavSampleFormat.Pcm16)
                {
                    short q = (short)Math.Clamp(MathF.Round(s * 32768f), short.MinValue, short.MaxValue);
                    BinaryPrimitives.WriteInt16LittleEndian(block.AsSpan(i * 2), q);
                }
                else
                {
                    BinaryPrimitives.WriteSingleLittleEndian(block.AsSpan(i * 4), s);
                }
            }
            stream.Write(block, 0, count * bytesPerSample);
        }
        return clipped;
    }
}
