using System.Diagnostics;
using VoiceClone.Core.Dsp;
using VoiceClone;
using VoiceClone.Benchmarks;
using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Models;

string shared = args.Length > 1 ? args[1] : Path.Combine(FindRepositoryRoot(), "..", "shared");
switch (args.FirstOrDefault())
{
    case "pitch":
        return PitchAccuracy(Path.Combine(shared, "data", "fda"));
    case "emotion":
        return EmotionRobustness.Run(shared, args.Skip(2).ToArray());
    case "praat":
        return PraatComparison(Path.Combine(shared, "data", "fda"));
    case "syllables":
        return SyllableCheck(Path.Combine(shared, "data", "fda"));
    case "onnx-info":
        foreach (string model in args.Skip(1))
        {
            using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(model);
            Console.WriteLine(model);
            foreach (var (name, meta) in session.InputMetadata)
            {
                Console.WriteLine($"  in  {name} {meta.ElementDataType} [{string.Join(",", meta.Dimensions)}]");
            }
            foreach (var (name, meta) in session.OutputMetadata)
            {
                Console.WriteLine($"  out {name} {meta.ElementDataType} [{string.Join(",", meta.Dimensions)}]");
            }
        }
        return 0;
    case "swift-timing":
    {
        // 150 Hz until exactly 0.500 s, then 250 Hz: where does each tracker place the step?
        var x = new float[16000];
        double phase = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double f = i < 8000 ? 150 : 250;
            phase += 2 * Math.PI * f / 16000;
            double v = 0;
            for (int k = 1; k <= 8; k++) v += Math.Sin(k * phase) / k;
            x[i] = (float)(0.3 * v);
        }
        var audio = new AudioBuffer(x, 16000);
        string swift = Path.Combine(shared, "models", "swift-f0", "model.onnx");
        foreach (var (name, track) in new[]
        {
            ("YIN", YinPitchTracker.Track(audio, PitchTrackerOptions.Default)),
            ("SwiftF0", SwiftF0PitchTracker.Track(audio, PitchTrackerOptions.Default, BenchModels.Sessions.Get(swift))),
        })
        {
            double crossing = Enumerable.Range(0, track.FrameCount).Select(track.TimeSeconds).First(t => track.FrequencyAt(t) > 200);
            Console.WriteLine($"{name}: F0 crosses 200 Hz at {crossing * 1000:F1} ms (true step at 500.0 ms)");
        }
        return 0;
    }
    case "make-hour":
    {
        if (!Directory.Exists(Path.Combine(shared, "data", "librispeech")))
        {
            Console.WriteLine($"skipped: {shared}/data/librispeech not found");
            return 0;
        }
        // One hour of real speech: the LibriSpeech references repeated, written as 16 kHz 16-bit PCM.
        var clips = Directory.GetFiles(Path.Combine(shared, "data", "librispeech"), "*.wav").Order(StringComparer.Ordinal)
            .Select(f => WavReader.ReadMono(f).Samples).ToArray();
        var hour = new List<float>(16000 * 3600);
        for (int i = 0; hour.Count < 16000 * 3600; i++) hour.AddRange(clips[i % clips.Length]);
        WavWriter.Write(args[2], hour.ToArray().AsSpan(0, 16000 * 3600), 16000, WavSampleFormat.Pcm16, overwrite: true);
        return 0;
    }
    case "analyze":
    {
        if (!File.Exists(args[2])) { Console.WriteLine($"skipped: {args[2]} not found"); return 0; }
        var watch = Stopwatch.StartNew();
        var f = VoiceClone.Core.Analysis.VoiceFeatureExtractor.Analyze(args[2], new());
        Console.WriteLine($"{args[2]}: {f.DurationSeconds:F0} s analysed in {watch.Elapsed.TotalSeconds:F1} s "
            + $"({f.DurationSeconds / watch.Elapsed.TotalSeconds:F0}x real time); pitch {f.Pitch:F1} Hz, "
            + $"syllables {f.SyllableCount}, pauses {f.PauseCount}, VAD {f.VadMethod}");
        Console.WriteLine($"peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
        return 0;
    }
    case "make-high-rate":
    {
        if (!Directory.Exists(Path.Combine(shared, "data", "librispeech")))
        {
            Console.WriteLine($"skipped: {shared}/data/librispeech not found");
            return 0;
        }
        // Five minutes of real speech at 768 kHz (a 460 MB file), written in blocks so this process stays small too.
        const int rateHz = 768000, seconds = 300;
        var clips = Directory.GetFiles(Path.Combine(shared, "data", "librispeech"), "*.wav").Order(StringComparer.Ordinal)
            .Select(f => SincResampler.Resample(WavReader.ReadMono(f), rateHz).Samples).ToArray();
        HighRateWav.Write(args[2], rateHz, (long)rateHz * seconds, clips);
        return 0;
    }
    case "prepare-reference":
    {
        if (!File.Exists(args[2])) { Console.WriteLine($"skipped: {args[2]} not found"); return 0; }
        var watch = Stopwatch.StartNew();
        var emotionModel = VoiceClone.Core.Emotion.EmotionModel.Load(Path.Combine(FindRepositoryRoot(), "models", "emotion"));
        var reference = new VoiceClone.Core.Cloning.ReferencePreparer().Prepare(args[2], emotionModel, out _);
        Console.WriteLine($"{args[2]}: a clone's reference prepared in {watch.Elapsed.TotalSeconds:F1} s; "
            + $"{reference.Features.DurationSeconds:F0} s at {reference.Features.SampleRateHz} Hz, "
            + $"kept {reference.Audio!.DurationSeconds:F0} s at {reference.Audio.SampleRateHz} Hz");
        Console.WriteLine($"peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
        return 0;
    }
    case "qwen-overhead":
        return Qwen3Overhead.Run(Path.Combine(shared, "fixtures", "qwen3-tts-tiny"));
    case "qwen-tokenizer": return Qwen3TokenizerSpeed.Run(Path.Combine(shared, "fixtures", "qwen3-text-tokenizer"));
    case "clone":
        return CloneEvaluation.Run(Path.Combine(shared, "data", "librispeech"), FindRepositoryRoot());
    case "noisy": return NoisyPitchBench.Run(shared, args.Skip(2).ToArray());
    case "clone-languages": return MultilingualEvaluation.Run(Path.Combine(shared, "data", "librispeech"), FindRepositoryRoot());
    case "features":
        return FeatureSpeed(Path.Combine(shared, "data", "librispeech"));
    case "formats": return AudioFormatBench.Run(Path.Combine(shared, "data", "librispeech"));
    case "runs": return RunHistoryBench.Run();
    case "capacity": return ScaleCapacity.Run(shared, FindRepositoryRoot());
    default:
        Console.Error.WriteLine("usage: VoiceClone.Benchmarks pitch [sharedFolder]");
        return 64;
}

static int PitchAccuracy(string fdaFolder)
{
    if (!Directory.Exists(fdaFolder)) { Console.WriteLine($"skipped: {fdaFolder} not found"); return 0; }
    var references = FdaPitchReference.Load(fdaFolder);
    var audio = references.Select(r => WavReader.ReadMono(r.WavPath)).ToList();
    double audioSeconds = audio.Sum(a => a.DurationSeconds);

    Console.WriteLine($"FDA: {references.Count} files, {audioSeconds:F1} s of speech; "
        + $"reference step {FdaPitchReference.StepSeconds * 1000} ms");
    PitchTable("Default (YIN+Viterbi)", audio.Select(a => YinPitchTracker.Track(a, PitchTrackerOptions.Default)), references, audioSeconds);
    string swift = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(fdaFolder))!, "models", "swift-f0", "model.onnx");
    if (File.Exists(swift))
    {
        // load the session outside the timing
        SwiftF0PitchTracker.Track(audio[0], PitchTrackerOptions.Default, BenchModels.Sessions.Get(swift));
        PitchTable("SwiftF0 (network output, 16 ms hop)",
            audio.Select(a => SwiftF0PitchTracker.TrackRaw(a, PitchTrackerOptions.Default, BenchModels.Sessions.Get(swift))),
            references, audioSeconds);
        PitchTable("SwiftF0 (periods refined, 4 ms hop; -PitchAlgorithm SwiftF0)",
            audio.Select(a => SwiftF0PitchTracker.Track(a, PitchTrackerOptions.Default, BenchModels.Sessions.Get(swift))),
            references, audioSeconds);
    }
    else Console.WriteLine($"skipped: {swift} not found");
    return 0;
}

static void PitchTable(string name, IEnumerable<PitchTrack> lazyTracks, IReadOnlyList<FdaPitchReference> references, double audioSeconds)
{
    var watch = Stopwatch.StartNew();
    var tracks = lazyTracks.ToList();
    double seconds = watch.Elapsed.TotalSeconds;
    Console.WriteLine();
    Console.WriteLine($"{name}: {audioSeconds / seconds:F0}x real time on one core");
    Console.WriteLine("| offset ms | RPA (50 cents) | GPE (>20%) | VDE | frames voiced in both |");
    Console.WriteLine("|---|---|---|---|---|");
    foreach (double offsetMs in (Environment.GetEnvironmentVariable("OFFSETS") ?? "-15,-7.5,0,7.5,15").Split(",").Select(double.Parse))
    {
        var scores = new PitchScores();
        for (int i = 0; i < references.Count; i++)
        {
            scores.Add(tracks[i], references[i].FrequencyHz, FdaPitchReference.StepSeconds, offsetMs / 1000);
        }
        Console.WriteLine($"| {offsetMs:+0.0;-0.0;0} | {scores.RawPitchAccuracy:P2} | {scores.GrossPitchError:P2} | "
            + $"{scores.VoicingDecisionError:P2} | {scores.VoicedInBoth} |");
    }
    // Per speaker at offset 0: the two speakers differ in range (rl male, sb female), so a setting tuned on one shows here
    // whether it holds on the other.
    foreach (var speaker in references.Select((r, i) => (Speaker: r.Name[..2], Index: i)).GroupBy(r => r.Speaker))
    {
        var scores = new PitchScores();
        foreach (var (_, i) in speaker) scores.Add(tracks[i], references[i].FrequencyHz, FdaPitchReference.StepSeconds, 0);
        Console.WriteLine($"| speaker {speaker.Key}, 0 | {scores.RawPitchAccuracy:P2} | {scores.GrossPitchError:P2} | "
            + $"{scores.VoicingDecisionError:P2} | {scores.VoicedInBoth} |");
    }
}

static int FeatureSpeed(string folder)
{
    if (!Directory.Exists(folder)) { Console.WriteLine($"skipped: {folder} not found"); return 0; }
    var files = Directory.GetFiles(folder, "*.wav").Order(StringComparer.Ordinal).ToArray();
    var audio = files.Select(f => WavReader.ReadMono(f)).ToArray();
    double audioSeconds = audio.Sum(a => a.DurationSeconds);
    string models = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(folder))!, "models");
    bool haveModels = File.Exists(Path.Combine(models, ModelLocations.SwiftF0))
        && File.Exists(Path.Combine(models, ModelLocations.SileroVad));

    double TimesRealTime(Action<int> analyse)
    {
        analyse(0); // warm-up: JIT and ONNX sessions outside the timing
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < audio.Length; i++) analyse(i);
        return audioSeconds / watch.Elapsed.TotalSeconds;
    }
    double Full(PitchAlgorithm pitch, VadMethod vad)
    {
        var options = new VoiceClone.Core.Analysis.VoiceFeatureOptions
        {
            PitchAlgorithm = pitch, Vad = vad,
            SwiftF0Model = pitch == PitchAlgorithm.SwiftF0 ? BenchModels.Sessions.Get(Path.Combine(models, ModelLocations.SwiftF0)) : null,
            SileroVadModel = vad == VadMethod.Silero ? BenchModels.Sessions.Get(Path.Combine(models, ModelLocations.SileroVad)) : null,
        };
        return TimesRealTime(i => VoiceClone.Core.Analysis.VoiceFeatureExtractor.Analyze(audio[i], files[i], options));
    }

    Console.WriteLine($"{files.Length} LibriSpeech files, {audioSeconds:F0} s, one core");
    Console.WriteLine("| analysis | x real time |");
    Console.WriteLine("|---|---|");
    Console.WriteLine(
        $"| pitch only (YIN+Viterbi) | {TimesRealTime(i => YinPitchTracker.Track(audio[i], PitchTrackerOptions.Default)):F0} |");
    Console.WriteLine(
        $"| full feature set, energy VAD (the default without models) | {Full(PitchAlgorithm.Default, VadMethod.Energy):F0} |");
    if (haveModels)
    {
        string swift = Path.Combine(models, ModelLocations.SwiftF0);
        Console.WriteLine($"| pitch only (SwiftF0, refined) | {TimesRealTime(i =>
            SwiftF0PitchTracker.Track(audio[i], PitchTrackerOptions.Default, BenchModels.Sessions.Get(swift))):F0} |");
        Console.WriteLine($"| full feature set, Silero VAD | {Full(PitchAlgorithm.Default, VadMethod.Silero):F0} |");
        Console.WriteLine($"| full feature set, SwiftF0, energy VAD | {Full(PitchAlgorithm.SwiftF0, VadMethod.Energy):F0} |");
        Console.WriteLine($"| full feature set, SwiftF0, Silero VAD | {Full(PitchAlgorithm.SwiftF0, VadMethod.Silero):F0} |");
    }
    else Console.WriteLine($"(SwiftF0 and Silero rows skipped: {models} has not both models)");
    var f = VoiceClone.Core.Analysis.VoiceFeatureExtractor.Analyze(audio[0], files[0], new() { Vad = VadMethod.Energy });
    Console.WriteLine($"sample: {Path.GetFileName(files[0])} pitch {f.Pitch:F1} Hz [{f.PitchRangeLow:F0}-{f.PitchRangeHigh:F0}] "
        + $"voiced {f.VoicedFraction:P0} syl/s {f.SyllablesPerSecond:F2} art {f.ArticulationRate:F2} wpm {f.Wpm:F0} "
        + $"pauses {f.PauseCount} H {f.PauseEntropy:F2} jitter {f.JitterLocal:P2} shimmer {f.ShimmerLocalDb:F2} dB "
        + $"HNR {f.HnrDb:F1} F1-3 {f.F1Hz:F0}/{f.F2Hz:F0}/{f.F3Hz:F0} alpha {f.AlphaRatioDb:F1} mfcc1 {f.MfccMeans[0]:F1}");
    WholeProcessCpu.Run(folder, FindRepositoryRoot());
    return 0;
}

static int SyllableCheck(string fdaFolder)
{
    if (!Directory.Exists(fdaFolder)) { Console.WriteLine($"skipped: {fdaFolder} not found"); return 0; }
    var text = File.ReadAllLines(Path.Combine(fdaFolder, "orthographic.index")).Where(l => l.Length > 4)
        .ToDictionary(l => l[..3], l => l[4..]);
    double detected = 0, expected = 0, absError = 0; int n = 0;
    foreach (var wav in Directory.GetFiles(fdaFolder, "*.wav").Order(StringComparer.Ordinal))
    {
        string id = Path.GetFileNameWithoutExtension(wav)[2..];
        if (!text.TryGetValue(id, out string? sentence)) continue;
        int truth = EnglishSyllables.Count(sentence);
        var f = VoiceClone.Core.Analysis.VoiceFeatureExtractor.Analyze(wav, new() { Text = sentence });
        detected += f.SyllableCount; expected += truth; absError += Math.Abs(f.SyllableCount - truth); n++;
        if (n <= 6)
        {
            Console.WriteLine($"{Path.GetFileName(wav)} '{sentence}' syllables {f.SyllableCount}/{truth} voiced {f.VoicedFraction:P0} "
                + $"speech {f.SpeechSeconds:F2}/{f.DurationSeconds:F2} s wpm {f.Wpm:F0}");
        }
    }
    Console.WriteLine($"FDA syllable nuclei: {detected}/{expected} detected/expected over {n} sentences; "
        + $"mean absolute error {absError / n:F2} per sentence");
    return 0;
}

static int PraatComparison(string fdaFolder)
{
    if (!Directory.Exists(fdaFolder)) { Console.WriteLine($"skipped: {fdaFolder} not found"); return 0; }
    string script = Path.Combine(AppContext.BaseDirectory, "praat-pitch.praat");
    string? praat = Environment.GetEnvironmentVariable("PATH")!.Split(':')
        .Select(d => Path.Combine(d, "praat")).FirstOrDefault(File.Exists);
    if (praat is null)
    {
        Console.WriteLine("skipped: praat not installed (Debian package 'praat'; ./build.sh Bench installs it)");
        return 0;
    }

    var references = FdaPitchReference.Load(fdaFolder);
    var audio = references.Select(r => WavReader.ReadMono(r.WavPath)).ToList();
    double audioSeconds = audio.Sum(a => a.DurationSeconds);
    var timing = Stopwatch.StartNew();
    RunPraat(praat, script, fdaFolder, print: false);
    double praatSeconds = timing.Elapsed.TotalSeconds;
    var praatTracks = ParsePraat(RunPraat(praat, script, fdaFolder, print: true));
    timing.Restart();
    var ours = audio.Select(a => YinPitchTracker.Track(a, PitchTrackerOptions.Default)).ToList();
    double oursSeconds = timing.Elapsed.TotalSeconds;

    var praatVsTruth = new PitchScores();
    var agreement = new PitchScores();
    for (int i = 0; i < references.Count; i++)
    {
        PitchTrack p = praatTracks[Path.GetFileName(references[i].WavPath)];
        praatVsTruth.Add(p, references[i].FrequencyHz, FdaPitchReference.StepSeconds, 0);
        // Our tracker scored against Praat's contour, sampled on Praat's own frames.
        double[] praatHz = Enumerable.Range(0, p.FrameCount).Select(k => float.IsNaN(p.FrequencyHz[k]) ? 0.0 : p.FrequencyHz[k]).ToArray();
        var shifted = new PitchTrack(
            ours[i].HopSeconds, ours[i].FrequencyHz, ours[i].VoicingProbability, ours[i].StartSeconds - p.StartSeconds);
        agreement.Add(shifted, praatHz, p.HopSeconds, 0);
    }
    Console.WriteLine($"Praat {PraatVersion(praat)} To Pitch (ac), 50-800 Hz, 10 ms, on FDA ({audioSeconds:F0} s):");
    Console.WriteLine("| tracker | RPA vs FDA truth | GPE | VDE | x real time (one core) |");
    Console.WriteLine("|---|---|---|---|---|");
    Console.WriteLine($"| Praat | {praatVsTruth.RawPitchAccuracy:P2} | {praatVsTruth.GrossPitchError:P2} | "
        + $"{praatVsTruth.VoicingDecisionError:P2} | {audioSeconds / praatSeconds:F0} (one process, file reading included) |");
    var oursVsTruth = new PitchScores();
    for (int i = 0; i < references.Count; i++) oursVsTruth.Add(ours[i], references[i].FrequencyHz, FdaPitchReference.StepSeconds, 0);
    Console.WriteLine($"| VoiceClone default | {oursVsTruth.RawPitchAccuracy:P2} | {oursVsTruth.GrossPitchError:P2} | "
        + $"{oursVsTruth.VoicingDecisionError:P2} | {audioSeconds / oursSeconds:F0} (audio already in memory) |");
    Console.WriteLine($"Agreement, VoiceClone default vs Praat: RPA {agreement.RawPitchAccuracy:P2}, GPE {agreement.GrossPitchError:P2}, "
        + $"VDE {agreement.VoicingDecisionError:P2} over {agreement.VoicedInBoth} frames voiced in both");

    // Voice quality, file by file: Praat's PointProcess/Harmonicity against our pulses and autocorrelation HNR.
    var praatQuality = RunPraat(praat, Path.Combine(AppContext.BaseDirectory, "praat-voice-quality.praat"), fdaFolder,
            print: true, withPrintArgument: false)
        .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' '))
        .ToDictionary(p => p[0], p => p.Skip(1)
            .Select(v => double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out double d) ? d : double.NaN).ToArray());
    var rows = references
        .Select(r => (Praat: praatQuality[Path.GetFileName(r.WavPath)],
            Ours: VoiceClone.Core.Analysis.VoiceFeatureExtractor.Analyze(r.WavPath, new() { Vad = VoiceClone.VadMethod.Energy })))
        .Select(x => new[] { (x.Praat[0], x.Ours.JitterLocal), (x.Praat[1], x.Ours.ShimmerLocalDb), (x.Praat[2], x.Ours.HnrDb) }).ToArray();
    Console.WriteLine();
    Console.WriteLine("| voice quality on FDA (100 files) | Praat mean | VoiceClone mean | Pearson r across files |");
    Console.WriteLine("|---|---|---|---|");
    string[] names = ["jitter (local)", "shimmer (local, dB)", "HNR (dB)"];
    for (int m = 0; m < 3; m++)
    {
        var pairs = rows.Select(r => r[m]).Where(p => double.IsFinite(p.Item1) && double.IsFinite(p.Item2)).ToArray();
        Console.WriteLine($"| {names[m]} | {pairs.Average(p => p.Item1):G4} | {pairs.Average(p => p.Item2):G4} | {Pearson(pairs):F3} |");
    }
    return 0;
}

static double Pearson((double X, double Y)[] pairs)
{
    double mx = pairs.Average(p => p.X), my = pairs.Average(p => p.Y);
    double sxy = pairs.Sum(p => (p.X - mx) * (p.Y - my)), sxx = pairs.Sum(p => (p.X - mx) * (p.X - mx)),
        syy = pairs.Sum(p => (p.Y - my) * (p.Y - my));
    return sxy / Math.Sqrt(sxx * syy);
}

static string RunPraat(string praat, string script, string folder, bool print, bool withPrintArgument = true)
{
    var start = new ProcessStartInfo(praat) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (string a in new[] { "--run", script, folder }) start.ArgumentList.Add(a);
    if (withPrintArgument) start.ArgumentList.Add(print ? "1" : "0");
    using var process = Process.Start(start)!;
    string output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0) throw new InvalidOperationException("praat failed: " + process.StandardError.ReadToEnd());
    return output;
}

static Dictionary<string, PitchTrack> ParsePraat(string output)
{
    var tracks = new Dictionary<string, PitchTrack>();
    foreach (var file in output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).GroupBy(p => p[0]))
    {
        double[] times = file.Select(p => double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        float[] hz = file
            .Select(p => p[2].StartsWith("--") ? float.NaN : float.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        tracks[file.Key] = new PitchTrack(0.01, hz, hz.Select(f => float.IsNaN(f) ? 0f : 1f).ToArray(), times[0]);
    }
    return tracks;
}

static string PraatVersion(string praat)
{
    var start = new ProcessStartInfo(praat) { RedirectStandardOutput = true };
    start.ArgumentList.Add("--version");
    using var process = Process.Start(start)!;
    return process.StandardOutput.ReadToEnd().Trim();
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "VoiceClone.PowerShell.sln"))) return dir.FullName;
    }
    return Directory.GetCurrentDirectory();
}
