using System.Diagnostics;
using System.Globalization;
using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Benchmarks;

/// <summary>
/// The `noisy` bench mode: pitch and voicing of the default tracker, SwiftF0 and Praat (To Pitch (ac), 10 ms, 50-800 Hz,
/// every other setting Praat's default) on the same files, clean and with white, pink and babble noise at 20, 10, 5 and
/// 0 dB SNR (<see cref="NoiseMixer"/>, fixed seed). FDA is scored against its laryngograph reference; LibriSpeech, which
/// has none, against Praat's contour of the clean file (agreement with Praat, and how far noise moves each tracker).
/// Options after the shared folder: <c>--corpus fda|librispeech</c>, <c>--trackers default,swift,praat</c>,
/// <c>--keep DIR</c> (keep the mixtures and Praat's output there and reuse them on the next run). Our trackers get each
/// mixture resampled to 16 kHz, as Get-VoiceFeature analyses it; Praat reads the mixture's file.
/// </summary>
internal static class NoisyPitchBench
{
    private const int Seed = 17;
    private const int AnalysisRateHz = 16000;
    private const string Default = "default", Swift = "swift", Praat = "praat";
    private static readonly string[] AllTrackers = [Default, Swift, Praat];

    private sealed record Item(
        string Name, string Speaker, AudioBuffer Audio, double[] ReferenceHz, double StepSeconds, double StartSeconds);

    public static int Run(string shared, string[] options)
    {
        string fda = Path.Combine(shared, "data", "fda"), libri = Path.Combine(shared, "data", "librispeech");
        string swiftModel = Path.Combine(shared, "models", "swift-f0", "model.onnx");
        string? praat = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, "praat"))
            .FirstOrDefault(File.Exists);
        foreach (string needed in new[] { fda, libri }.Where(d => !Directory.Exists(d)))
        {
            Console.WriteLine($"skipped: {needed} not found");
            return 0;
        }
        if (praat is null)
        {
            Console.WriteLine("skipped: praat not installed (Debian package 'praat'; ./build.sh Bench installs it)");
            return 0;
        }
        string? corpus = Option(options, "--corpus");
        var trackers = (Option(options, "--trackers")?.Split(',') ?? AllTrackers).ToList();
        if (trackers.Contains(Swift) && !File.Exists(swiftModel))
        {
            Console.WriteLine($"SwiftF0 skipped: {swiftModel} not found");
            trackers.Remove(Swift);
        }
        string? keep = Option(options, "--keep");
        string work = keep ?? Path.Combine(Path.GetTempPath(), $"voiceclone-noisy-{Environment.ProcessId}");

        var libriFiles = Directory.GetFiles(libri, "*.wav").Order(StringComparer.Ordinal).ToArray();
        var libriAudio = libriFiles.Select(f => WavReader.ReadMono(f)).ToArray();
        var mixer = new NoiseMixer(libriFiles.Select((f, i) => (SpeakerOfLibri(f), libriAudio[i].Samples)).ToList(), Seed);
        Console.WriteLine($"Noisy pitch bench: seed {Seed}, babble = {NoiseMixer.BabbleTalkers} other LibriSpeech talkers; " +
            $"Praat {PraatVersion(praat)} To Pitch (ac) 10 ms, 50-800 Hz, other settings default; trackers {string.Join(", ", trackers)}");
        try
        {
            if (corpus is null or "fda")
            {
                var references = FdaPitchReference.Load(fda);
                var items = references.Select(r => new Item(Path.GetFileName(r.WavPath), r.Name[..2], WavReader.ReadMono(r.WavPath),
                    r.FrequencyHz, FdaPitchReference.StepSeconds, 0)).ToList();
                var scores = Score("fda", items, mixer, trackers, swiftModel, praat, work);
                Report($"FDA ({items.Count} files, {items.Sum(i => i.Audio.DurationSeconds):F0} s), against the laryngograph reference",
                    scores, trackers, bySpeaker: true);
            }
            if (corpus is null or "librispeech")
            {
                // Praat's contour of each clean file is the reference; a clean-run folder of the originals provides it.
                string[] libriNames = libriFiles.Select(Path.GetFileName).ToArray()!;
                var clean = RunPraat(praat, MixFolder(work, "librispeech", NoiseCondition.All[0], libriNames, i => libriAudio[i]));
                var items = libriFiles
                    .Select((f, i) => Reference(Path.GetFileName(f), SpeakerOfLibri(f), libriAudio[i], clean[Path.GetFileName(f)]))
                    .ToList();
                var scores = Score("librispeech", items, mixer, trackers, swiftModel, praat, work);
                double libriSeconds = items.Sum(i => i.Audio.DurationSeconds);
                Report($"LibriSpeech ({items.Count} files, {libriSeconds:F0} s), against Praat on the clean file",
                    scores, trackers, bySpeaker: false);
            }
        }
        finally
        {
            if (keep is null && Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
        return 0;
    }

    private static Item Reference(string name, string speaker, AudioBuffer audio, PitchTrack praatClean) =>
        new(name, speaker, audio, praatClean.FrequencyHz.Select(f => float.IsNaN(f) ? 0.0 : f).ToArray(),
            praatClean.HopSeconds, praatClean.StartSeconds);

    private static string SpeakerOfLibri(string path) => Path.GetFileName(path).Split('-')[0];

    private static string? Option(string[] options, string name)
    {
        int i = Array.IndexOf(options, name);
        return i >= 0 && i + 1 < options.Length ? options[i + 1] : null;
    }

    /// <summary>Scores per (condition, tracker, speaker); speaker "" holds the whole corpus.</summary>
    private static Dictionary<(string Condition, string Tracker, string Speaker), VoicingScores> Score(string corpus, List<Item> items,
        NoiseMixer mixer, List<string> trackers, string swiftModel, string praat, string work)
    {
        var scores = new Dictionary<(string, string, string), VoicingScores>();
        var seconds = trackers.ToDictionary(t => t, _ => 0.0);
        foreach (NoiseCondition condition in NoiseCondition.All)
        {
            var mixed = items.Select((item, i) => new AudioBuffer(
                mixer.Mix(item.Audio.Samples, item.Audio.SampleRateHz, condition, i, item.Speaker), item.Audio.SampleRateHz)).ToArray();
            Task<Dictionary<string, PitchTrack>>? praatRun = null;
            var praatWatch = Stopwatch.StartNew();
            if (trackers.Contains(Praat))
            {
                string folder = MixFolder(work, corpus, condition, items.Select(i => i.Name).ToArray(), i => mixed[i]);
                praatRun = Task.Run(() => RunPraat(praat, folder)); // a separate process: runs beside ours on the second core
            }
            // Our trackers see the audio as Get-VoiceFeature gives it to them: resampled to 16 kHz.
            var mixed16 = mixed.Select(a => SincResampler.Resample(a, AnalysisRateHz)).ToArray();
            foreach (string tracker in trackers.Where(t => t != Praat))
            {
                var watch = Stopwatch.StartNew();
                var tracks = mixed16.Select(audio => tracker == Default
                    ? YinPitchTracker.TrackRefined(audio, PitchTrackerOptions.Default)
                    : SwiftF0PitchTracker.Track(audio, PitchTrackerOptions.Default, BenchModels.Sessions.Get(swiftModel))).ToList();
                seconds[tracker] += watch.Elapsed.TotalSeconds;
                Add(scores, condition, tracker, items, tracks);
            }
            if (praatRun is not null)
            {
                var byName = praatRun.Result;
                seconds[Praat] += praatWatch.Elapsed.TotalSeconds;
                Add(scores, condition, Praat, items, items.Select(i => byName[i.Name]).ToList());
            }
        }
        double audioSeconds = items.Sum(i => i.Audio.DurationSeconds) * NoiseCondition.All.Count;
        Console.WriteLine($"{corpus}: " + string.Join(", ", seconds.Select(s => $"{s.Key} {audioSeconds / s.Value:F0}x real time")) +
            (trackers.Contains(Praat) ? " (Praat wall time, reading files included; Praat reruns are cached under --keep)" : ""));
        return scores;
    }

    private static void Add(Dictionary<(string, string, string), VoicingScores> scores, NoiseCondition condition, string tracker,
        List<Item> items, List<PitchTrack> tracks)
    {
        for (int i = 0; i < items.Count; i++)
        {
            var one = new VoicingScores();
            one.Add(tracks[i], items[i].ReferenceHz, items[i].StepSeconds, items[i].StartSeconds);
            foreach (string speaker in new[] { "", items[i].Speaker })
            {
                if (!scores.TryGetValue((condition.Name, tracker, speaker), out var total))
                {
                    scores[(condition.Name, tracker, speaker)] = total = new VoicingScores();
                }
                total.Add(one);
            }
        }
    }

    /// <summary>Writes the mixtures as float WAV (once: an existing folder under --keep is reused) and returns the folder.</summary>
    private static string MixFolder(string work, string corpus, NoiseCondition condition, string[] names, Func<int, AudioBuffer> audio)
    {
        string folder = Path.Combine(work, corpus, condition.FolderName);
        string done = Path.Combine(folder, ".complete");
        if (File.Exists(done)) return folder;
        Directory.CreateDirectory(folder);
        for (int i = 0; i < names.Length; i++)
        {
            AudioBuffer a = audio(i);
            WavWriter.Write(Path.Combine(folder, names[i]), a.Samples, a.SampleRateHz, WavSampleFormat.Float32, overwrite: true);
        }
        File.WriteAllText(done, "");
        return folder;
    }

    /// <summary>Praat's tracks for every WAV in a folder, cached beside them as praat.txt.</summary>
    private static Dictionary<string, PitchTrack> RunPraat(string praat, string folder)
    {
        string cache = Path.Combine(folder, "praat.txt");
        if (!File.Exists(cache))
        {
            var start = new ProcessStartInfo(praat) { RedirectStandardOutput = true, RedirectStandardError = true };
            string script = Path.Combine(AppContext.BaseDirectory, "praat-pitch.praat");
            foreach (string a in new[] { "--run", script, folder, "1" }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"praat failed on {folder}: {errors}");
            File.WriteAllText(cache, output);
        }
        var tracks = new Dictionary<string, PitchTrack>();
        foreach (var file in File.ReadLines(cache).Where(l => l.Length > 0).Select(l => l.Split(' ')).GroupBy(p => p[0]))
        {
            var rows = file.ToArray();
            float[] hz = rows.Select(p => p[2].StartsWith("--") ? float.NaN : float.Parse(p[2], CultureInfo.InvariantCulture)).ToArray();
            double first = double.Parse(rows[0][1], CultureInfo.InvariantCulture);
            double step = rows.Length > 1 ? double.Parse(rows[1][1], CultureInfo.InvariantCulture) - first : 0.01;
            tracks[file.Key] = new PitchTrack(Math.Round(step, 6), hz, hz.Select(f => float.IsNaN(f) ? 0f : 1f).ToArray(), first);
        }
        return tracks;
    }

    private static string PraatVersion(string praat)
    {
        var start = new ProcessStartInfo(praat, "--version") { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        return process.StandardOutput.ReadToEnd().Trim().Split(' ').ElementAtOrDefault(1) ?? "?";
    }

    private static void Report(string title, Dictionary<(string Condition, string Tracker, string Speaker), VoicingScores> scores,
        List<string> trackers, bool bySpeaker)
    {
        string names = string.Join(" / ", trackers);
        var speakers = new List<string> { "" };
        if (bySpeaker) speakers.AddRange(scores.Keys.Select(k => k.Speaker).Where(s => s != "").Distinct().Order(StringComparer.Ordinal));
        foreach (string speaker in speakers)
        {
            Console.WriteLine();
            Console.WriteLine(speaker == "" ? title : $"{title}: speaker {speaker} only");
            Console.WriteLine($"| condition | RPA, all ref-voiced ({names}) | RPA, voiced in both | GPE (>20 %) | VDE |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (NoiseCondition c in NoiseCondition.All)
            {
                string Cells(Func<VoicingScores, double> measure, string format) =>
                    string.Join(" / ", trackers.Select(t => scores.TryGetValue((c.Name, t, speaker), out var s)
                        ? measure(s).ToString(format, CultureInfo.InvariantCulture)
                        : "-"));
                Console.WriteLine($"| {c.Name} | {Cells(s => s.RawPitchAccuracyAll, "0.000")} | "
                    + $"{Cells(s => s.RawPitchAccuracyBoth, "0.000")} | " +
                    $"{Cells(s => 100 * s.GrossPitchError, "0.00")} % | {Cells(s => 100 * s.VoicingDecisionError, "0.0")} % |");
            }
            if (speaker == "") PrintTargets(scores, trackers);
        }
    }

    /// <summary>
    /// The issue's targets, condition by condition: the default tracker vs Praat, SwiftF0's VDE vs the default tracker's.
    /// </summary>
    private static void PrintTargets(
        Dictionary<(string Condition, string Tracker, string Speaker), VoicingScores> scores, List<string> trackers)
    {
        VoicingScores Get(NoiseCondition c, string t) => scores[(c.Name, t, "")];
        int n = NoiseCondition.All.Count;
        if (trackers.Contains(Default) && trackers.Contains(Praat))
        {
            int rpa = NoiseCondition.All.Count(c => Get(c, Default).RawPitchAccuracyAll >= Get(c, Praat).RawPitchAccuracyAll);
            int vde = NoiseCondition.All.Count(c => Get(c, Default).VoicingDecisionError <= Get(c, Praat).VoicingDecisionError);
            Console.WriteLine($"default >= Praat in RPA (all ref-voiced): {rpa}/{n} conditions; default <= Praat in VDE: {vde}/{n}");
        }
        if (trackers.Contains(Default) && trackers.Contains(Swift))
        {
            int vde = NoiseCondition.All.Count(c => Get(c, Swift).VoicingDecisionError <= Get(c, Default).VoicingDecisionError);
            Console.WriteLine($"SwiftF0 <= default in VDE: {vde}/{n} conditions");
        }
    }
}
