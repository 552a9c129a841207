using System.Diagnostics;
using VoiceClone.Benchmarks;
using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Audio;

string shared = args.Length > 1 ? args[1] : Path.Combine(FindRepositoryRoot(), "..", "shared");
switch (args.FirstOrDefault())
{
    case "pitch":
        return PitchAccuracy(Path.Combine(shared, "data", "fda"));
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

    var watch = Stopwatch.StartNew();
    var tracks = audio.Select(a => YinPitchTracker.Track(a, PitchTrackerOptions.Default)).ToList();
    double seconds = watch.Elapsed.TotalSeconds;

    Console.WriteLine($"FDA: {references.Count} files, {audioSeconds:F1} s of speech; reference step {FdaPitchReference.StepSeconds * 1000} ms");
    Console.WriteLine("| offset ms | RPA (50 cents) | GPE (>20%) | VDE | frames voiced in both |");
    Console.WriteLine("|---|---|---|---|---|");
    foreach (double offsetMs in new[] { -15.0, -7.5, 0, 7.5, 15 })
    {
        var scores = new PitchScores();
        for (int i = 0; i < references.Count; i++) scores.Add(tracks[i], references[i].FrequencyHz, FdaPitchReference.StepSeconds, offsetMs / 1000);
        Console.WriteLine($"| {offsetMs:+0.0;-0.0;0} | {scores.RawPitchAccuracy:P2} | {scores.GrossPitchError:P2} | {scores.VoicingDecisionError:P2} | {scores.VoicedInBoth} |");
    }
    Console.WriteLine($"YIN+Viterbi pitch: {audioSeconds / seconds:F0}x real time (one core, includes resampling to 8 kHz)");
    return 0;
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "VoiceClone.PowerShell.sln"))) return dir.FullName;
    }
    return Directory.GetCurrentDirectory();
}
