using System.Diagnostics;
using VoiceClone.Core.Analysis;

namespace VoiceClone.Benchmarks;

/// <summary>
/// LibriSpeech recordings (the first files of each speaker) encoded by the real tools into every format, analysed,
/// and compared with the WAV: median and mean F0 differences (%) and duration differences (ms), mean and worst per
/// format, and the speakers of the files over 1 %. Needs lame, oggenc, opusenc, flac and ffmpeg on PATH.
/// </summary>
internal static class AudioFormatBench
{
    private static readonly (string Name, string Extension, string Tool, string[] Arguments)[] Encodings =
    [
        ("MP3 64 kbit/s CBR (lame)", ".mp3", "lame", ["--quiet", "-b", "64", "{in}", "{out}"]),
        ("MP3 VBR -V 4 (lame)", ".mp3", "lame", ["--quiet", "-V", "4", "{in}", "{out}"]),
        ("Ogg Vorbis q4 (oggenc)", ".ogg", "oggenc", ["-Q", "-q", "4", "-o", "{out}", "{in}"]),
        ("Ogg Opus default VBR (opusenc)", ".opus", "opusenc", ["--quiet", "{in}", "{out}"]),
        ("Ogg Opus 24 kbit/s (opusenc)", ".opus", "opusenc", ["--quiet", "--bitrate", "24", "{in}", "{out}"]),
        ("FLAC (flac; read by ffmpeg)", ".flac", "flac", ["-s", "-f", "-o", "{out}", "{in}"]),
        ("M4A AAC 96 kbit/s (ffmpeg)", ".m4a", "ffmpeg",
            ["-nostdin", "-loglevel", "error", "-y", "-i", "{in}", "-c:a", "aac", "-b:a", "96k", "{out}"]),
    ];

    public static int Run(string librispeech, int filesPerSpeaker = 3)
    {
        if (!Directory.Exists(librispeech)) { Console.WriteLine($"skipped: {librispeech} not found"); return 0; }
        string scratch = Directory.CreateTempSubdirectory("voiceclone-formats-").FullName;
        try
        {
            var files = Directory.GetFiles(librispeech, "*.wav").Order(StringComparer.Ordinal)
                .GroupBy(f => Path.GetFileName(f).Split('-')[0]).SelectMany(g => g.Take(filesPerSpeaker)).ToArray();
            var rows = new List<Row>();
            foreach (string wav in files)
            {
                VoiceFeatures reference = VoiceFeatureExtractor.Analyze(wav, new VoiceFeatureOptions());
                foreach (var (name, extension, tool, arguments) in Encodings)
                {
                    string encoded = Path.Combine(scratch, Path.GetFileNameWithoutExtension(wav) + extension);
                    Encode(tool, arguments.Select(a => a.Replace("{in}", wav).Replace("{out}", encoded)));
                    VoiceFeatures f = VoiceFeatureExtractor.Analyze(encoded, new VoiceFeatureOptions());
                    rows.Add(new Row(name, Path.GetFileName(wav).Split('-')[0], Percent(f.PitchMedian, reference.PitchMedian),
                        Percent(f.Pitch, reference.Pitch), (f.DurationSeconds - reference.DurationSeconds) * 1000));
                    File.Delete(encoded);
                }
            }
            Console.WriteLine($"{files.Length} LibriSpeech files ({filesPerSpeaker} per speaker), each format against its WAV: " +
                "mean and worst absolute difference");
            Console.WriteLine("| format | median F0 mean / worst | mean F0 mean / worst | duration mean / worst | " +
                "files over 1 % (mean F0) |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var group in rows.GroupBy(r => r.Encoding))
            {
                string Cell(Func<Row, double> f, string unit, string format) =>
                    $"{group.Average(r => Math.Abs(f(r))).ToString(format)} / {group.Max(r => Math.Abs(f(r))).ToString(format)} {unit}";
                var over = group.Where(r => Math.Abs(r.MeanPct) > 1).ToArray();
                string speakers = over.Length == 0 ? "none"
                    : $"{over.Length} ({string.Join(", ", over.Select(r => r.Speaker).Distinct())})";
                Console.WriteLine($"| {group.Key} | {Cell(r => r.MedianPct, "%", "F2")} | {Cell(r => r.MeanPct, "%", "F2")} | " +
                    $"{Cell(r => r.DurationMs, "ms", "F1")} | {speakers} |");
            }
            return 0;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private sealed record Row(string Encoding, string Speaker, double MedianPct, double MeanPct, double DurationMs);

    private static double Percent(double value, double reference) => (value / reference - 1) * 100;

    private static void Encode(string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {stderr.Result}");
    }
}
