using System.Buffers.Binary;
using System.Text;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.IO;

namespace VoiceClone.Core.Audio;

/// <summary>
/// Streaming RIFF/WAVE (and RF64) reader: PCM 8/16/24/32-bit, IEEE float 32/64 and
/// WAVE_FORMAT_EXTENSIBLE, any channel count and rate, unknown and odd-sized chunks, LIST/INFO.
/// Memory is bounded by the caller's buffers; every defect becomes a <see cref="VoiceCloneException"/>
/// that names the file and what is wrong with it.
/// </summary>
public sealed class WavReader : IAudioReader
{
    private const int MaxChannels = 256;
    private const int MinSampleRateHz = 1_000;
    private const int MaxSampleRateHz = 768_000;
    // fmt and LIST are read into memory; anything bigger than this is not a real header chunk.
    private const int MaxHeaderChunkBytes = 1 << 20;
    private const uint StreamingSizeSentinel = 0xFFFFFFFF;
    private const int ReadBlockBytes = 64 * 1024;

    private const ushort FormatPcm = 0x0001;
    private const ushort FormatIeeeFloat = 0x0003;
    private const ushort FormatExtensible = 0xFFFE;
    // The tail shared by the KSDATAFORMAT_SUBTYPE_* GUIDs; the first two bytes carry the format tag.
    private static readonly byte[] SubFormatGuidTail =
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    private readonly FileStream _stream;
    private readonly long _dataOffsetBytes;
    private readonly byte[] _readBlock;
    private long _framesRead;

    private WavReader(string path, FileStream stream, WavFormat format, long dataOffsetBytes)
    {
        Path = path;
        _stream = stream;
        Format = format;
        _dataOffsetBytes = dataOffsetBytes;
        _readBlock = new byte[Math.Max(format.BlockAlignBytes, ReadBlockBytes / format.BlockAlignBytes * format.BlockAlignBytes)];
        _stream.Position = dataOffsetBytes;
    }

    public string Path { get; }
    public WavFormat Format { get; }
    public long FramesRemaining => Format.FrameCount - _framesRead;
    string IAudioReader.FormatName => "WAV";
    int IAudioReader.SampleRateHz => Format.SampleRateHz;
    int IAudioReader.Channels => Format.Channels;
    long? IAudioReader.FrameCount => Format.FrameCount;

    public static WavReader Open(string path)
    {
        FileStream stream = OpenStream(path);
        try
        {
            var (format, dataOffset) = WavHeaderParser.Parse(path, stream);
            return new WavReader(path, stream, format, dataOffset);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the whole file as mono (channels averaged).</summary>
    public static AudioBuffer ReadMono(string path)
    {
        using var reader = Open(path);
        if (reader.Format.FrameCount > Array.MaxLength)
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioTooLong,
                $"'{path}' holds {reader.Format.DurationSeconds:F0} s of audio, too long to load whole; use a streaming command.", path);
        }
        var samples = new float[reader.Format.FrameCount];
        int read = reader.ReadMono(samples);
        if (read != samples.Length) Array.Resize(ref samples, read);
        return new AudioBuffer(samples, reader.Format.SampleRateHz);
    }

    /// <summary>Reads up to <paramref name="destination"/>.Length frames, averaging channels. Returns frames read.</summary>
    public int ReadMono(Span<float> destination)
    {
        int channels = Format.Channels;
        int total = 0;
        Span<float> frame = channels <= 64 ? stackalloc float[channels] : new float[channels];
        while (total < destination.Length && FramesRemaining > 0)
        {
            int frames = FillBlock(destination.Length - total);
            if (frames == 0) break;
            for (int f = 0; f < frames; f++)
            {
                DecodeFrame(f, frame);
                float sum = 0;
                for (int c = 0; c < channels; c++) sum += frame[c];
                destination[total + f] = sum / channels;
            }
            total += frames;
        }
        return total;
    }

    /// <summary>Reads up to <paramref name="destination"/>.Length / Channels frames, interleaved. Returns frames read.</summary>
    public int ReadInterleaved(Span<float> destination)
    {
        int channels = Format.Channels;
        int wantFrames = destination.Length / channels;
        int total = 0;
        while (total < wantFrames && FramesRemaining > 0)
        {
            int frames = FillBlock(wantFrames - total);
            if (frames == 0) break;
            for (int f = 0; f < frames; f++) DecodeFrame(f, destination.Slice((total + f) * channels, channels));
            total += frames;
        }
        return total;
    }

    public void Dispose() => _stream.Dispose();

    private int FillBlock(int maxFrames)
    {
        int block = Format.BlockAlignBytes;
        long frames = Math.Min(Math.Min(maxFrames, _readBlock.Length / block), FramesRemaining);
        int bytes = (int)frames * block;
        int got;
        try
        {
            got = ReadFully(_readBlock.AsSpan(0, bytes));
        }
        catch (IOException e)
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioReadFailed, $"Reading '{Path}' failed: {e.Message}", Path, e);
        }
        if (got < bytes)
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioFileMalformed,
                $"'{Path}' is truncated: its data chunk ended {bytes - got} bytes early (the file shrank while being read?).", Path);
        }
        _framesRead += frames;
        return (int)frames;
    }

    private void DecodeFrame(int frameInBlock, Span<float> channelsOut)
    {
        int bytesPerSample = Format.BitsPerSample / 8;
        int offset = frameInBlock * Format.BlockAlignBytes;
        ReadOnlySpan<byte> data = _readBlock;
        for (int c = 0; c < channelsOut.Length; c++, offset += bytesPerSample)
        {
            float sample = SampleDecoder.Decode(data.Slice(offset, bytesPerSample), Format.Encoding);
            // Only IEEE float data can hold NaN or infinity; one such sample would poison every measure.
            if (!float.IsFinite(sample)) throw NotFinite(_framesRead);
            channelsOut[c] = sample;
        }
    }

    private VoiceCloneException NotFinite(long frame) =>
        new(VoiceCloneErrors.AudioFileMalformed,
            $"'{Path}' is not valid audio: a sample in the block ending at {(double)frame / Format.SampleRateHz:F3} s is not a finite number (NaN or infinity).", Path);

    private int ReadFully(Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = _stream.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    private static FileStream OpenStream(string path)
    {
        RegularFile.Require(path);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.PathNotFound, $"Audio file '{path}' does not exist.", path, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioReadFailed, $"Cannot open '{path}': {e.Message}", path, e);
        }
    }

    /// <summary>Walks the RIFF chunks and validates fmt; returns the format and where the samples start.</summary>
    private static class WavHeaderParser
    {
        public static (WavFormat Format, long DataOffset) Parse(string path, FileStream stream)
        {
            long fileLength = stream.Length;
            Span<byte> head = stackalloc byte[12];
            int headRead = stream.Read(head);
            if (headRead < 12)
            {
                throw Malformed(path, $"it is {fileLength} bytes long, shorter than a 12-byte RIFF header");
            }
            bool isRf64 = head[..4].SequenceEqual("RF64"u8);
            if (!(head[..4].SequenceEqual("RIFF"u8) || isRf64) || !head[8..12].SequenceEqual("WAVE"u8))
            {
                string? foreign = AudioContainerSniffer.NameForeignContainer(head);
                string what = foreign is null ? "not a RIFF/WAVE file" : $"a {foreign} file, not WAV";
                throw new VoiceCloneException(VoiceCloneErrors.AudioFormatUnsupported,
                    $"'{path}' is {what}. {AudioContainerSniffer.ConverterHint(path)}", path);
            }

            byte[]? fmt = null;
            long dataOffset = -1, dataSize = -1, rf64DataSize = -1;
            var info = new Dictionary<string, string>(StringComparer.Ordinal);
            long offset = 12;
            Span<byte> chunkHeader = stackalloc byte[8];
            Span<byte> ds64 = stackalloc byte[24];
            while (offset + 8 <= fileLength)
            {
                stream.Position = offset;
                ReadExactly(stream, chunkHeader, path);
                string id = Encoding.ASCII.GetString(chunkHeader[..4]);
                uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
                long bodyOffset = offset + 8;
                long remaining = fileLength - bodyOffset;

                if (id == "data")
                {
                    dataOffset = bodyOffset;
                    if (isRf64 && size == StreamingSizeSentinel && rf64DataSize >= 0) dataSize = rf64DataSize;
                    // A streaming recorder that never went back writes 0 or 0xFFFFFFFF: the samples run to the end of the file.
                    // That holds only if data is the last chunk; a size of 0 followed by another chunk is an empty data chunk.
                    else if (size == StreamingSizeSentinel || (size == 0 && !ChunkFollows(stream, bodyOffset, fileLength))) dataSize = remaining;
                    else dataSize = size;
                    if (dataSize > remaining)
                    {
                        throw Malformed(path, $"it is truncated: the data chunk declares {dataSize} bytes but only {remaining} follow");
                    }
                }
                else if (size > remaining)
                {
                    // A damaged trailer after the samples costs nothing; a damaged header chunk before them is fatal.
                    if (dataOffset >= 0) break;
                    throw Malformed(path, $"its '{Printable(id)}' chunk declares {size} bytes but only {remaining} remain");
                }
                else if (id == "fmt ")
                {
                    if (size < 16) throw Malformed(path, $"its fmt chunk is {size} bytes, less than the 16 a WAV format needs");
                    if (size > MaxHeaderChunkBytes) throw Malformed(path, $"its fmt chunk claims {size} bytes");
                    fmt = new byte[size];
                    ReadExactly(stream, fmt, path);
                }
                else if (id == "ds64" && isRf64 && size >= 24)
                {
                    ReadExactly(stream, ds64, path);
                    rf64DataSize = BinaryPrimitives.ReadInt64LittleEndian(ds64[8..16]);
                }
                else if (id == "LIST" && size >= 4 && size <= MaxHeaderChunkBytes)
                {
                    var list = new byte[size];
                    ReadExactly(stream, list, path);
                    RiffInfoList.Parse(list, info);
                }

                long chunkSize = id == "data" ? dataSize : size;
                offset = bodyOffset + chunkSize + (chunkSize & 1); // chunks are padded to an even length
            }

            if (fmt is null) throw Malformed(path, "it has no fmt chunk");
            if (dataOffset < 0) throw Malformed(path, "it has no data chunk");
            WavFormat format = ParseFormat(path, fmt, dataSize, info);
            return (format, dataOffset);
        }

        private static WavFormat ParseFormat(string path, byte[] fmt, long dataSize, Dictionary<string, string> info)
        {
            ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(0));
            int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(2));
            uint sampleRateHz = BinaryPrimitives.ReadUInt32LittleEndian(fmt.AsSpan(4));
            int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(12));
            int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(14));

            if (tag == FormatExtensible)
            {
                if (fmt.Length < 40) throw Malformed(path, $"its WAVE_FORMAT_EXTENSIBLE fmt chunk is {fmt.Length} bytes, not 40");
                ReadOnlySpan<byte> guid = fmt.AsSpan(24, 16);
                if (!guid[2..].SequenceEqual(SubFormatGuidTail)) throw Unsupported(path, "an extensible sub-format other than PCM or IEEE float");
                tag = BinaryPrimitives.ReadUInt16LittleEndian(guid);
            }

            WavEncoding encoding = tag switch
            {
                FormatPcm => WavEncoding.Pcm,
                FormatIeeeFloat => WavEncoding.IeeeFloat,
                _ => throw Unsupported(path, $"the {WavCodecNames.Describe(tag)} codec"),
            };
            if (channels == 0) throw Malformed(path, "its header says it has zero channels");
            if (channels > MaxChannels) throw Malformed(path, $"its header says it has {channels} channels");
            if (sampleRateHz < MinSampleRateHz || sampleRateHz > MaxSampleRateHz)
            {
                throw Malformed(path, $"its sample rate of {sampleRateHz} Hz is outside {MinSampleRateHz}-{MaxSampleRateHz} Hz");
            }
            bool bitsOk = encoding == WavEncoding.Pcm ? bits is 8 or 16 or 24 or 32 : bits is 32 or 64;
            if (!bitsOk) throw Unsupported(path, $"{bits}-bit {(encoding == WavEncoding.Pcm ? "PCM" : "float")} samples");
            int expectedBlockAlign = channels * bits / 8;
            if (blockAlign != expectedBlockAlign)
            {
                throw Malformed(path, $"its block align is {blockAlign} bytes, but {channels} channel(s) of {bits}-bit samples need {expectedBlockAlign}");
            }
            return new WavFormat(encoding, channels, (int)sampleRateHz, bits, blockAlign, dataSize / blockAlign, info);
        }

        /// <summary>Whether a plausible chunk header (four printable ASCII characters and a size that fits) starts at <paramref name="offset"/>.</summary>
        private static bool ChunkFollows(FileStream stream, long offset, long fileLength)
        {
            if (fileLength - offset < 8) return false;
            Span<byte> header = stackalloc byte[8];
            stream.Position = offset;
            if (stream.ReadAtLeast(header, 8, throwOnEndOfStream: false) < 8) return false;
            bool printable = header[..4].IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0;
            return printable && BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) <= fileLength - offset - 8;
        }

        private static void ReadExactly(FileStream stream, Span<byte> buffer, string path)
        {
            int total = 0;
            while (total < buffer.Length)
            {
                int n = stream.Read(buffer[total..]);
                if (n == 0) throw Malformed(path, "it ends in the middle of a chunk");
                total += n;
            }
        }

        private static string Printable(string id) =>
            new(id.Select(c => char.IsAsciiLetterOrDigit(c) || c == ' ' ? c : '?').ToArray());

        private static VoiceCloneException Malformed(string path, string defect) =>
            new(VoiceCloneErrors.AudioFileMalformed, $"'{path}' is not a valid WAV file: {defect}.", path);

        private static VoiceCloneException Unsupported(string path, string what) =>
            new(VoiceCloneErrors.AudioFormatUnsupported,
                $"'{path}' uses {what}; VoiceClone reads PCM (8/16/24/32-bit) and IEEE float (32/64-bit) WAV. {AudioContainerSniffer.ConverterHint(path)}", path);
    }
}
