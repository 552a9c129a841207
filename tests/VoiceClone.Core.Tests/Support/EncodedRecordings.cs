using System.Buffers.Binary;
using System.Diagnostics;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Tests.Support;

/// <summary>
/// One voice recording as WAV and as every compressed format, encoded at test time by the real Debian command-line
/// encoders (lame, oggenc, opusenc, flac, ffmpeg; `./build.sh Test` installs them). A test whose encoder is missing
/// skips, saying which package to install. The voice is a LibriSpeech reading from ../shared when present (16 kHz
/// mono; also at 44.1 kHz stereo, left and right at different levels), else a synthetic harmonic voice.
/// </summary>
public sealed class EncodedRecordings : IDisposable
{
    public const string LibriSpeechFile = "data/librispeech/1688-142285-0000.wav";
    public const int StereoRateHz = 44_100;
    // The right channel at 0.6 of the left: the mono mix is then 0.8 of the left, not either channel alone.
    private const float RightChannelGain = 0.6f;
    private readonly TempDirectory _dir = new();
    private readonly Dictionary<string, string> _encoded = [];

    public EncodedRecordings()
    {
        string libri = Path.Combine(SharedData.Root, LibriSpeechFile);
        IsLibriSpeech = File.Exists(libri);
        AudioBuffer voice = IsLibriSpeech ? WavReader.ReadMono(libri) : SyntheticVoice();
        MonoWav = _dir.File("voice-16k.wav");
        WavWriter.Write(MonoWav, voice.Samples, voice.SampleRateHz, WavSampleFormat.Pcm16);
        float[] high = SincResampler.Resample(voice.Samples, voice.SampleRateHz, StereoRateHz);
        StereoWav = _dir.Write("voice-44k-stereo.wav", new WavBytes().Fmt(1, 2, StereoRateHz, 16).Data(Stereo16(high)).Build());
    }

    public bool IsLibriSpeech { get; }
    public string MonoWav { get; }
    public string StereoWav { get; }
    public string Directory => _dir.Path;

    public string Wav(bool stereo) => stereo ? StereoWav : MonoWav;

    /// <summary>The recording as <paramref name="format"/>: mp3-cbr, mp3-vbr, vorbis, opus, flac, m4a, wma, mulaw-wav, mp4-video.</summary>
    public string Encode(string format, bool stereo)
    {
        string key = $"{format}-{(stereo ? "stereo" : "mono")}";
        lock (_encoded)
        {
            if (_encoded.TryGetValue(key, out string? done)) return done;
            string wav = Wav(stereo);
            string output = _dir.File(key + Extension(format));
            switch (format)
            {
                case "mp3-cbr": Run("lame", "lame", ["--quiet", "-b", "64", wav, output]); break;
                case "mp3-vbr": Run("lame", "lame", ["--quiet", "-V", "4", wav, output]); break;
                case "vorbis": Run("oggenc", "vorbis-tools", ["-Q", "-q", "4", "-o", output, wav]); break;
                case "opus": Run("opusenc", "opus-tools", ["--quiet", wav, output]); break; // its default: VBR, ~34 kbit/s for 16 kHz mono
                case "flac": Run("flac", "flac", ["-s", "-f", "-o", output, wav]); break;
                case "m4a": Ffmpeg(["-i", wav, "-c:a", "aac", "-b:a", "96k", output]); break;
                case "wma": Ffmpeg(["-i", wav, "-c:a", "wmav2", "-b:a", "96k", output]); break;
                case "mulaw-wav": Ffmpeg(["-i", wav, "-c:a", "pcm_mulaw", output]); break;
                case "mp4-video":
                    // A phone-style video file with the recording as its sound: a 64x64 test pattern (MPEG-4 Part 2) and AAC.
                    Ffmpeg(["-f", "lavfi", "-i", "testsrc=size=64x64:rate=25", "-i", wav, "-map", "0:v", "-map", "1:a", "-shortest",
                        "-c:v", "mpeg4", "-c:a", "aac", "-b:a", "96k", output]);
                    break;
                default: throw new ArgumentException($"no encoder for {format}", nameof(format));
            }
            _encoded[key] = output;
            return output;
        }
    }

    /// <summary>The full path of a command-line tool, or a visible skip naming its Debian package.</summary>
    public static string Require(string tool, string package)
    {
        string? found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        Skip.If(found is null, $"skipped: {tool} not installed (sudo apt-get install {package})");
        return found!;
    }

    public void Dispose() => _dir.Dispose();

    private static string Extension(string format) => format switch
    {
        "mp3-cbr" or "mp3-vbr" => ".mp3",
        "vorbis" => ".ogg",
        "opus" => ".opus",
        "mulaw-wav" => ".wav",
        "mp4-video" => ".mp4",
        _ => "." + format,
    };

    private static void Ffmpeg(string[] arguments) =>
        Run("ffmpeg", "ffmpeg", ["-nostdin", "-hide_banner", "-loglevel", "error", "-y", .. arguments]);

    public static void Run(string tool, string package, string[] arguments)
    {
        var start = new ProcessStartInfo(Require(tool, package)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {stderr.Result}");
    }

    private static byte[] Stereo16(float[] left)
    {
        var bytes = new byte[left.Length * 4];
        for (int i = 0; i < left.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(4 * i), Pcm16(left[i]));
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(4 * i + 2), Pcm16(left[i] * RightChannelGain));
        }
        return bytes;
    }

    private static short Pcm16(float x) => (short)Math.Clamp(Math.Round(x * 32767), short.MinValue, short.MaxValue);

    /// <summary>Four seconds of a gliding harmonic voice in syllable-like bursts, for machines without ../shared.</summary>
    private static AudioBuffer SyntheticVoice()
    {
        float[] voice = Voices.Harmonic(t => 120 + 30 * Math.Sin(2 * Math.PI * 0.5 * t), 4.0);
        for (int i = 0; i < voice.Length; i++) voice[i] *= (float)(0.55 + 0.45 * Math.Sin(2 * Math.PI * 3 * i / Voices.Rate));
        return new AudioBuffer(Voices.Concat(Voices.Silence(0.3), voice, Voices.Silence(0.3)), Voices.Rate);
    }
}
