namespace VoiceClone.Core.Audio.Decoders;

/// <summary>
/// The part every compressed-format reader shares: it asks the codec for one block of interleaved samples at a time,
/// drops the codec's leading delay, stops at the true length where the stream states it, averages channels into the
/// caller's buffer, and turns any decoder failure into an <see cref="VoiceCloneErrors.AudioFileMalformed"/> error.
/// </summary>
internal abstract class DecodedAudioReader : IAudioReader
{
    private float[] _block = [];
    private int _blockChannels = 1;
    private int _blockFrames;
    private int _blockPosition;
    private long _framesDecoded;
    private long _framesDelivered;
    private bool _ended;

    protected DecodedAudioReader(string path, string formatName)
    {
        Path = path;
        FormatName = formatName;
    }

    public string Path { get; }
    public string FormatName { get; }
    public int SampleRateHz { get; protected set; }
    public int Channels { get; protected set; }
    public long? FrameCount => FramesToDeliver;

    /// <summary>Frames at the start that are the codec's delay, not the recording (MP3 encoder and decoder delay, Opus pre-skip).</summary>
    protected long LeadingFramesToSkip { get; set; }

    /// <summary>The recording's length in frames after the leading skip, when the stream states it; padding past it is dropped.</summary>
    protected long? FramesToDeliver { get; set; }

    /// <summary>Seconds decoded so far, for messages that say where a defect is.</summary>
    protected double SecondsDecoded => SampleRateHz > 0 ? (double)_framesDecoded / SampleRateHz : 0;

    /// <summary>
    /// Decodes the next block of interleaved samples into <paramref name="block"/> (growing it as needed) and returns its
    /// frame count and channel count; 0 frames at the end of the stream.
    /// </summary>
    protected abstract int DecodeBlock(ref float[] block, out int channels);

    public int ReadMono(Span<float> destination)
    {
        int total = 0;
        while (total < destination.Length)
        {
            if (_blockPosition == _blockFrames && !NextBlock()) break;
            int frames = Math.Min(destination.Length - total, _blockFrames - _blockPosition);
            if (FramesToDeliver is long limit) frames = (int)Math.Min(frames, limit - _framesDelivered);
            if (frames <= 0)
            {
                _ended = true;
                break;
            }
            ReadOnlySpan<float> interleaved = _block.AsSpan(_blockPosition * _blockChannels, frames * _blockChannels);
            if (!AllFinite(interleaved)) throw Malformed($"a decoded sample near {(double)_framesDelivered / SampleRateHz:F3} s is not a finite number");
            AverageChannels(interleaved, _blockChannels, destination.Slice(total, frames));
            _blockPosition += frames;
            _framesDelivered += frames;
            total += frames;
        }
        return total;
    }

    public virtual void Dispose() { }

    private static bool AllFinite(ReadOnlySpan<float> samples)
    {
        foreach (float s in samples) if (!float.IsFinite(s)) return false;
        return true;
    }

    protected VoiceCloneException Malformed(string defect) =>
        new(VoiceCloneErrors.AudioFileMalformed, $"'{Path}' is not a valid {FormatName} file: {defect}.", Path);

    private bool NextBlock()
    {
        while (!_ended)
        {
            int frames = DecodeGuarded(out int channels);
            if (frames == 0)
            {
                _ended = true;
                break;
            }
            _framesDecoded += frames;
            int skip = (int)Math.Min(frames, LeadingFramesToSkip);
            LeadingFramesToSkip -= skip;
            if (skip == frames) continue;
            _blockChannels = channels;
            _blockPosition = skip;
            _blockFrames = frames;
            return true;
        }
        _blockPosition = _blockFrames = 0;
        return false;
    }

    private int DecodeGuarded(out int channels)
    {
        try
        {
            int frames = DecodeBlock(ref _block, out channels);
            if (frames < 0 || channels < 1 || (long)frames * channels > _block.Length)
            {
                throw new InvalidOperationException($"decoder returned {frames} frames of {channels} channels");
            }
            return frames;
        }
        catch (VoiceCloneException)
        {
            throw;
        }
        catch (IOException e)
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioReadFailed, $"Reading '{Path}' failed: {e.Message}", Path, e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Third-party decoders signal damaged data with whatever exception their parser hits (index, argument, format).
            throw new VoiceCloneException(VoiceCloneErrors.AudioFileMalformed,
                $"'{Path}' is not a valid {FormatName} file: its data cannot be decoded after {SecondsDecoded:F2} s ({e.Message}).",
                Path, e);
        }
    }

    private static void AverageChannels(ReadOnlySpan<float> interleaved, int channels, Span<float> mono)
    {
        if (channels == 1)
        {
            interleaved.CopyTo(mono);
            return;
        }
        for (int f = 0, i = 0; f < mono.Length; f++)
        {
            float sum = 0;
            for (int c = 0; c < channels; c++) sum += interleaved[i++];
            mono[f] = sum / channels;
        }
    }
}
