using System.Diagnostics;
using System.Text.RegularExpressions;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Cloning;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.Engines.Default;
using VoiceClone.Core.Runs;

namespace VoiceClone.Benchmarks;

/// <summary>
/// The default engine's measured goals on LibriSpeech references: F0 and articulation-rate match, timbre distance
/// against the untouched base voice, PocketSphinx word error rate of clone and base voice, real-time factor on one
/// core with the per-stage breakdown.
/// </summary>
internal static class CloneEvaluation
{
    // Harvard sentences (IEEE 1969, list 1): phonetically balanced, the standard intelligibility material.
    private static readonly string[] Texts =
    [
        "The birch canoe slid on the smooth planks.",
        "Glue the sheet to the dark blue background.",
        "It's easy to tell the depth of a well.",
        "These days a chicken leg is a rare dish.",
        "Rice is often served in round bowls.",
        "The juice of lemons makes fine punch.",
        "The box was thrown beside the parked truck.",
        "The hogs were fed chopped corn and garbage.",
        "Four hours of steady work faced us.",
        "A large size in stockings is hard to sell.",
    ];

    public static int Run(string librispeech, string repositoryRoot)
    {
        if (!Directory.Exists(librispeech)) { Console.WriteLine($"skipped: {librispeech} not found"); return 0; }
        string? sphinx = FindOnPath("pocketsphinx_continuous");
        if (sphinx is null) Console.WriteLine("note: pocketsphinx_continuous not found (apt-get install pocketsphinx pocketsphinx-en-us); WER column left out");
        string[] references = References(librispeech);
        EmotionModel emotion = EmotionModel.Load(Path.Combine(repositoryRoot, "models", "emotion"));
        string output = Path.Combine(Path.GetTempPath(), $"voiceclone-bench-{Guid.NewGuid():N}");
        var runLog = new RunLog("bench clone", new Dictionary<string, string?>());
        var catalog = new BaseVoiceCatalog();
        var workflow = new CloneWorkflow(new VoiceMatchEngine(catalog), emotion, new ReferencePreparer(), runLog, new CloneOptions(output));
        // Warm-up: base-voice profiles, JIT; not timed.
        workflow.Clone(references[0], "Warm up.", CancellationToken.None);

        var rows = new List<Row>();
        var baseWer = new Dictionary<(string Voice, string Text), double>();
        Console.WriteLine("| reference | base voice | F0 ref Hz | F0 ratio | rate ratio | timbre clone / base | WER clone | WER base | RTF | attempts |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (string reference in references)
        {
            foreach (string text in Texts)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                VoiceCloneResult clone = workflow.Clone(reference, text, CancellationToken.None);
                double seconds = watch.Elapsed.TotalSeconds;
                double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                double werClone = sphinx is null ? double.NaN : Wer(text, Recognise(sphinx, clone.AudioPath));
                double werBase = double.NaN;
                if (sphinx is not null)
                {
                    var key = (clone.BaseVoice!, text);
                    if (!baseWer.TryGetValue(key, out werBase))
                    {
                        string basePath = Path.Combine(output, $"base-{baseWer.Count}.wav");
                        BaseVoice voice = catalog.Find(clone.BaseVoice!, CancellationToken.None)!;
                        AudioBuffer spoken = catalog.Speak(text, voice, CancellationToken.None).Audio;
                        WavWriter.Write(basePath, spoken.Samples, 16000, WavSampleFormat.Pcm16);
                        baseWer[key] = werBase = Wer(text, Recognise(sphinx, basePath));
                    }
                }
                var timings = VoiceClone.Core.Fingerprints.FingerprintReader.ReadDocument(clone.FingerprintPath).TimingsMs!;
                var row = new Row(Path.GetFileNameWithoutExtension(reference), clone, werClone, werBase, seconds / clone.DurationSeconds, cpuSeconds / clone.DurationSeconds)
                {
                    Counters = timings.Where(t => t.Value.HasValue).ToDictionary(t => t.Key, t => t.Value!.Value),
                };
                rows.Add(row);
                Console.WriteLine($"| {row.Reference} | {clone.BaseVoice} | {ReferencePitch(clone):F0} | {clone.PitchRatio:F3} | {clone.ArticulationRateRatio:F3} | {clone.TimbreDistance:F1} / {clone.BaseTimbreDistance:F1} | {werClone:P0} | {werBase:P0} | {row.Rtf:F3} | {clone.Attempts} |");
            }
        }
        Summarize(rows, runLog);
        Directory.Delete(output, recursive: true);
        return 0;
    }

    /// <summary>One reference per speaker: the longest of its files up to 15 s, the length users record.</summary>
    public static string[] References(string librispeech) => Directory.GetFiles(librispeech, "*.wav").Order(StringComparer.Ordinal)
        .GroupBy(f => Path.GetFileName(f).Split('-')[0])
        .Select(g => g.Select(f => (Path: f, Seconds: WavReader.Open(f).Format.DurationSeconds)).Where(x => x.Seconds <= 15)
            .DefaultIfEmpty(g.Select(f => (Path: f, Seconds: 0.0)).First()).MaxBy(x => x.Seconds).Path)
        .ToArray();

    private sealed record Row(string Reference, VoiceCloneResult Result, double WerClone, double WerBase, double Rtf, double CpuRtf)
    {
        public IReadOnlyDictionary<string, double> Counters { get; init; } = new Dictionary<string, double>();
    }

    private static double ReferencePitch(VoiceCloneResult clone) =>
        VoiceClone.Core.Fingerprints.FingerprintReader.Read(clone.FingerprintPath).Pitch;

    private static void Summarize(List<Row> rows, RunLog runLog)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Where(double.IsFinite).Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
        int n = rows.Count;
        double pitchWithin = rows.Count(r => Math.Abs(r.Result.PitchRatio - 1) <= 0.05) / (double)n;
        var rated = rows.Where(r => double.IsFinite(r.Result.ArticulationRateRatio)).ToList();
        double rateWithin = rated.Count(r => Math.Abs(r.Result.ArticulationRateRatio - 1) <= 0.10) / (double)Math.Max(1, rated.Count);
        double timbreReduction = 1 - rows.Average(r => r.Result.TimbreDistance) / rows.Average(r => r.Result.BaseTimbreDistance);
        double werClone = rows.Average(r => r.WerClone), werBase = rows.Average(r => r.WerBase);
        Console.WriteLine();
        Console.WriteLine($"{n} clones ({rows.Select(r => r.Reference).Distinct().Count()} references x {Texts.Length} texts), one core, sequential");
        Console.WriteLine("| goal | target | measured |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| clone median F0 within 5 % of reference | all | {pitchWithin:P0} of clones; median abs error {Median(rows.Select(r => Math.Abs(r.Result.PitchRatio - 1))):P1}, worst {rows.Max(r => Math.Abs(r.Result.PitchRatio - 1)):P1} |");
        Console.WriteLine($"| articulation rate within 10 % | all | {rateWithin:P0} of {rated.Count} measurable clones; median abs error {Median(rated.Select(r => Math.Abs(r.Result.ArticulationRateRatio - 1))):P1} |");
        Console.WriteLine($"| timbre distance (MFCC 1-12 of long-term spectrum, dB) vs base voice | >= 40 % smaller | {timbreReduction:P0} smaller (clone {rows.Average(r => r.Result.TimbreDistance):F1}, base {rows.Average(r => r.Result.BaseTimbreDistance):F1}) |");
        Console.WriteLine($"| PocketSphinx WER, clone vs base voice | <= 10 points worse | clone {werClone:P1}, base {werBase:P1}: {(werClone - werBase) * 100:+0.0;-0.0} points |");
        Console.WriteLine($"| real-time factor, whole clone on one core | <= 0.1 | median {Median(rows.Select(r => r.Rtf)):F3} (wall), {Median(rows.Select(r => r.CpuRtf)):F3} (CPU); max {rows.Max(r => r.Rtf):F3} |");
        Console.WriteLine($"| attempts per clone | - | mean {rows.Average(r => r.Result.Attempts):F2}, validation passed {rows.Count(r => r.Result.Validation == "passed")}/{n} |");
        string logFolder = Path.Combine(Path.GetTempPath(), $"voiceclone-bench-log-{Guid.NewGuid():N}");
        string logPath = runLog.Write(logFolder, "completed");
        var document = System.Text.Json.JsonSerializer.Deserialize<RunLogDocument>(File.ReadAllBytes(logPath), RunLogJson)!;
        Console.WriteLine();
        Console.WriteLine("| stage | mean ms per clone | share |");
        Console.WriteLine("|---|---|---|");
        var stages = document.Stages.GroupBy(s => s.Name).Select(g => (Name: g.Key, Ms: g.Sum(s => s.DurationMs) / (n + 1))).ToList();
        double total = stages.Sum(s => s.Ms);
        foreach (var (name, ms) in stages) Console.WriteLine($"| {name} | {ms:F1} | {ms / total:P0} |");
        foreach (string part in new[] { "synthesis.base_voice", "synthesis.prosody", "synthesis.envelope" })
            Console.WriteLine($"| {part} (last attempt) | {rows.Average(r => r.Counters.GetValueOrDefault(part)):F1} | |");
        Directory.Delete(logFolder, recursive: true);
    }

    private static readonly System.Text.Json.JsonSerializerOptions RunLogJson = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower };

    private static string Recognise(string sphinx, string wav)
    {
        var start = new ProcessStartInfo(sphinx) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "-infile", wav, "-logfn", "/dev/null" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        string text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text.Trim();
    }

    /// <summary>Word error rate: word-level Levenshtein distance over the reference's word count, case and punctuation ignored.</summary>
    public static double Wer(string reference, string hypothesis)
    {
        static string[] Words(string s) => Regex.Replace(s.ToLowerInvariant(), @"[^a-z0-9' ]", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] r = Words(reference), h = Words(hypothesis);
        var d = new int[r.Length + 1, h.Length + 1];
        for (int i = 0; i <= r.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= h.Length; j++) d[0, j] = j;
        for (int i = 1; i <= r.Length; i++)
            for (int j = 1; j <= h.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1));
        return (double)d[r.Length, h.Length] / r.Length;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
