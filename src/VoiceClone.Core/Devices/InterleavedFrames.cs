using System.Buffers.Binary;
using VoiceClone.Core.Audio;

namespace VoiceClone.Core.Devices;

/// <summary>Interleaved device buffers to and from the module's mono float samples.</summary>
internal static class InterleavedFrames
{
    /// <summary>Averages each frame's channels into one sample; returns the frames decoded (whole frames only).</summary>
    public static int ToMono(ReadOnlySpan<byte> bytes, int channels, int bytesPerSample, WavEncoding encoding, Span<float> destination)
    {
        int frameBytes = channels * bytesPerSample;
        int frames = Math.Min(bytes.Length / frameBytes, destination.Length);
        for (int f = 0; f < frames; f++)
        {
            float sum = 0;
            for (int c = 0; c < channels; c++)
            {
                sum += SampleDecoder.Decode(bytes.Slice(f * frameBytes + c * bytesPerSample, bytesPerSample), encoding);
            }
            destination[f] = sum / channels;
        }
        return frames;
    }

    /// <summary>
    /// Copies each mono sample to every channel as little-endian float32; <paramref name="destination"/> holds
    /// samples x channels x 4 bytes.
    /// </summary>
    public static void FromMono(ReadOnlySpan<float> mono, int channels, Span<byte> destination)
    {
        for (int i = 0; i < mono.Length; i++)
        {
            for (int c = 0; c < channels; c++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(destination[((i * channels + c) * sizeof(float))..], mono[i]);
            }
        }
    }
}
