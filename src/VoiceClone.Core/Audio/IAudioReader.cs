namespace VoiceClone.Core.Audio;

/// <summary>
/// One open audio file, decoded as it is read: its rate and channel count, and its samples as mono in blocks of the
/// caller's size, so memory never grows with the file. <see cref="Decoders.AudioFileReader.Open(string)"/> picks the decoder.
/// </summary>
public interface IAudioReader : IDisposable
{
    string Path { get; }

    /// <summary>What the file is, as messages name it: "WAV", "MP3", "Ogg Vorbis", "Ogg Opus", "FLAC (ffmpeg)".</summary>
    string FormatName { get; }

    int SampleRateHz { get; }

    int Channels { get; }

    /// <summary>Frames (samples per channel) the file holds when its header says; null when only decoding it to the end tells.</summary>
    long? FrameCount { get; }

    /// <summary>Decodes up to <paramref name="destination"/>.Length frames, channels averaged. Returns frames read; 0 at the end.</summary>
    int ReadMono(Span<float> destination);
}
