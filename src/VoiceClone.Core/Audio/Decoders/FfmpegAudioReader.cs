using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace VoiceClone.Core.Audio.Decoders;

/// <summary>
/// Everything FFmpeg reads that the module does not decode itself (M4A/AAC, FLAC, WMA, AIFF, the audio of video
/// files): an ffmpeg process decodes the first audio stream to 32-bit float WAV on its standard output, which is read
/// as it arrives, so memory stays bounded whatever the file's length. Arguments go as a list, never through a shell;
/// the input is named as a file: URL with only the file protocol allowed; the process is killed on Dispose.
/// </summary>
internal sealed class FfmpegAudioReader : DecodedAudioReader
{
    public const string ExecutableVariable = "VOICECLONE_FFMPEG";
    public const string InstallHint =
        "Install ffmpeg to read it (Debian/Ubuntu: 'sudo apt-get install ffmpeg'; macOS: 'brew install ffmpeg'; Windows: " +
        "'winget install ffmpeg', or set VOICECLONE_FFMPEG to ffmpeg.exe's full path), or convert it to WAV.";
    private const int BlockFrames = 8192;
    private const int FloatBytes = 4;
    // ffmpeg's WAV header chunks (fmt, LIST/INFO) are small; anything larger is not ffmpeg's output.
    private const int MaxHeaderChunkBytes = 1 << 16;
    private const int StderrLinesKept = 8;

    private readonly Process _process;
    private readonly Stream _stdout;
    private readonly Queue<string> _stderr = new();
    private readonly bool _containerKnown;
    private byte[] _bytes = [];

    public FfmpegAudioReader(string path, string ffmpeg, string? containerName) : base(path, $"{containerName ?? "audio"} (ffmpeg)")
    {
        _containerKnown = containerName is not null;
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = false,
            UseShellExecute = false, CreateNoWindow = true,
        };
        string[] arguments =
        [
            "-nostdin", "-hide_banner", "-loglevel", "error", "-xerror", "-err_detect", "crccheck+bitstream", "-protocol_whitelist", "file",
            "-i", "file:" + System.IO.Path.GetFullPath(path),
            "-map", "0:a:0", "-vn", "-sn", "-dn", "-c:a", "pcm_f32le", "-f", "wav", "-",
        ];
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioFormatUnsupported,
                $"'{path}' needs ffmpeg to be read, but '{ffmpeg}' could not be started ({e.Message}). {InstallHint}", path, e);
        }
        _process.ErrorDataReceived += (_, e) => KeepStderr(e.Data);
        _process.BeginErrorReadLine();
        _stdout = _process.StandardOutput.BaseStream;
        try
        {
            ReadWavHeader();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>ffmpeg from VOICECLONE_FFMPEG, else from PATH; null when there is none.</summary>
    public static string? Locate() =>
        Locate(Environment.GetEnvironmentVariable(ExecutableVariable), Environment.GetEnvironmentVariable("PATH"));

    public static string? Locate(string? configured, string? pathVariable)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? System.IO.Path.GetFullPath(configured) : null;
        string name = OperatingSystem.IsWindows() ? "ffmpeg.exe" : "ffmpeg";
        foreach (string folder in (pathVariable ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = System.IO.Path.Combine(folder, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public override void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    protected override int DecodeBlock(ref float[] block, out int channels)
    {
        channels = Channels;
        int frameBytes = channels * FloatBytes;
        if (_bytes.Length < BlockFrames * frameBytes) _bytes = new byte[BlockFrames * frameBytes];
        int got = _stdout.ReadAtLeast(_bytes, _bytes.Length, throwOnEndOfStream: false);
        if (got < _bytes.Length) ThrowIfFailed(got % frameBytes != 0);
        int frames = got / frameBytes;
        if (block.Length < frames * channels) block = new float[BlockFrames * channels];
        ReadOnlySpan<byte> bytes = _bytes.AsSpan(0, frames * frameBytes);
        if (BitConverter.IsLittleEndian) MemoryMarshal.Cast<byte, float>(bytes).CopyTo(block);
        else for (int i = 0; i < frames * channels; i++) block[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * FloatBytes)..]);
        return frames;
    }

    /// <summary>
    /// At the end of ffmpeg's output: a non-zero exit, a partial sample frame, or any error ffmpeg reported (a failed
    /// checksum it concealed, say) means the file is damaged, as the module's own decoders would say.
    /// </summary>
    private void ThrowIfFailed(bool partialFrame)
    {
        _process.WaitForExit();
        bool reportedErrors;
        lock (_stderr) reportedErrors = _stderr.Count > 0;
        if (_process.ExitCode != 0 || partialFrame || reportedErrors)
        {
            throw Malformed(
                $"ffmpeg could not decode it cleanly (exit code {_process.ExitCode}, {SecondsDecoded:F2} s decoded): {StderrText()}");
        }
    }

    /// <summary>The RIFF header ffmpeg streams before the samples (sizes unknown, so 0xFFFFFFFF): fmt for the layout, then data.</summary>
    private void ReadWavHeader()
    {
        Span<byte> header = stackalloc byte[12];
        if (_stdout.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length) throw OpenFailed();
        if (!header[8..12].SequenceEqual("WAVE"u8)) throw OpenFailed();
        Span<byte> chunk = stackalloc byte[8];
        while (true)
        {
            if (_stdout.ReadAtLeast(chunk, chunk.Length, throwOnEndOfStream: false) < chunk.Length) throw OpenFailed();
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("data"u8)) break;
            if (size > MaxHeaderChunkBytes) throw OpenFailed();
            var body = new byte[size + (size & 1)];
            if (_stdout.ReadAtLeast(body, body.Length, throwOnEndOfStream: false) < body.Length) throw OpenFailed();
            if (chunk[..4].SequenceEqual("fmt "u8) && size >= 16)
            {
                Channels = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(2));
                SampleRateHz = (int)BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(4));
                if (BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(14)) != FloatBytes * 8) throw OpenFailed();
            }
        }
        if (Channels < 1 || SampleRateHz < 1) throw OpenFailed();
    }

    /// <summary>ffmpeg wrote no audio: a file it cannot read is not audio (unsupported); a known one it cannot open is damaged.</summary>
    private VoiceCloneException OpenFailed()
    {
        _process.WaitForExit();
        string why = StderrText();
        bool noAudio = why.Contains("matches no streams", StringComparison.Ordinal);
        bool unknown = !_containerKnown && why.Contains("Invalid data found", StringComparison.Ordinal);
        if (noAudio || unknown)
        {
            string what = noAudio ? "has no audio stream" : "is not in an audio format VoiceClone or ffmpeg can read";
            return new VoiceCloneException(VoiceCloneErrors.AudioFormatUnsupported, $"'{Path}' {what} (ffmpeg: {why}).", Path);
        }
        return Malformed($"ffmpeg cannot open it: {why}");
    }

    private void KeepStderr(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        lock (_stderr)
        {
            _stderr.Enqueue(line.Trim());
            if (_stderr.Count > StderrLinesKept) _stderr.Dequeue();
        }
    }

    private string StderrText()
    {
        lock (_stderr) return _stderr.Count == 0 ? "no message" : string.Join(" / ", _stderr);
    }
}
