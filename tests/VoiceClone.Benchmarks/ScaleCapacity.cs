using System.Diagnostics;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Models;
using VoiceClone.Core.Runtime;

namespace VoiceClone.Benchmarks;

/// <summary>
/// Capacity on paper for batches beyond one machine (mode "capacity"): the CPU cost of each batch capability through the
/// runtime the cmdlets use, per core, on recordings the size of a contact-centre call, and the arithmetic for an archive.
/// Cost is process CPU time (every thread, GC and ONNX Runtime's included) over sequential work after a warm-up, so
/// "x real time per core" is what one core of a batch node sustains; the two-thread row shows how it scales on this machine.
/// </summary>
internal static class ScaleCapacity
{
    // A call of five minutes, the unit of the archive arithmetic.
    private const double CallSeconds = 300;
    private const int Calls = 3;
    private const int SampleRateHz = 16000;
    // The archive of the issue: 100,000 calls of five minutes, analysed overnight (8 hours); 10,000 clones a night.
    private const int ArchiveCalls = 100_000;
    private const double NightHours = 8;
    private const int NightlyClones = 10_000;

    private static readonly string[] Texts =
    [
        "The birch canoe slid on the smooth planks.", "Glue the sheet to the dark blue background.",
        "It's easy to tell the depth of a well.", "These days a chicken leg is a rare dish.",
        "Rice is often served in round bowls.",
    ];

    private sealed record Cost(string Name, double AudioSeconds, double CpuSeconds, double WallSeconds, int Items)
    {
        public double TimesRealTime => AudioSeconds / CpuSeconds;
        public double CpuPerItem => CpuSeconds / Items;
    }

    public static int Run(string shared, string repositoryRoot)
    {
        string librispeech = Path.Combine(shared, "data", "librispeech");
        if (!Directory.Exists(librispeech)) { Console.WriteLine($"skipped: {librispeech} not found"); return 0; }
        string work = Path.Combine(Path.GetTempPath(), $"voiceclone-capacity-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            return Measure(librispeech, Path.Combine(shared, "models"), repositoryRoot, work);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static int Measure(string librispeech, string models, string repositoryRoot, string work)
    {
        string[] clips = Directory.GetFiles(librispeech, "*.wav").Order(StringComparer.Ordinal).ToArray();
        string[] calls = Enumerable.Range(0, Calls).Select(i => WriteCall(clips, i, Path.Combine(work, $"call{i}.wav"))).ToArray();
        double clipSeconds = clips.Sum(c => WavReader.Open(c).Format.DurationSeconds);
        Console.WriteLine($"{Environment.ProcessorCount} cores; {Calls} calls of {CallSeconds:F0} s (LibriSpeech speakers in turn); " +
            $"{clips.Length} LibriSpeech files of {clipSeconds:F0} s");

        var rows = new List<Cost>();
        Environment.SetEnvironmentVariable(ModelLocations.EnvironmentVariable, Path.Combine(work, "no-models")); // the default: no Silero
        using (var runtime = new VoiceCloneRuntime(repositoryRoot, Path.Combine(work, "logs")))
        {
            var (coldWall, coldCpu) = Time(() => runtime.Analysis.Prepare(new AnalysisSettings()).Analyze(calls[0], null));
            Console.WriteLine($"cold start in a fresh runtime (JIT, first call of {CallSeconds:F0} s): {coldWall:F2} s wall, {coldCpu:F2} s CPU");
            FeatureAnalysis analysis = runtime.Analysis.Prepare(new AnalysisSettings());
            rows.Add(Sequential("Get-VoiceFeature, 5-min calls (energy VAD)", calls, f => analysis.Analyze(f, null)));
            rows.Add(Sequential("Get-VoiceFeature, LibriSpeech files (energy VAD)", clips, f => analysis.Analyze(f, null)));
            rows.Add(Parallel2("Get-VoiceFeature, 5-min calls, 2 threads", calls, f => analysis.Analyze(f, null)));
            EmotionRecognizer emotion = runtime.Emotion.Prepare(null);
            emotion.Recognize(clips[0]);
            rows.Add(Sequential("Get-VoiceEmotion, 5-min calls (first minute)", calls, f => emotion.Recognize(f)));
            rows.Add(Sequential("Get-VoiceEmotion, LibriSpeech files", clips, f => emotion.Recognize(f)));
            rows.Add(Clones(runtime, clips, work));
        }
        if (File.Exists(Path.Combine(models, ModelLocations.SileroVad)))
        {
            Environment.SetEnvironmentVariable(ModelLocations.EnvironmentVariable, models);
            using var runtime = new VoiceCloneRuntime(repositoryRoot, Path.Combine(work, "logs"));
            FeatureAnalysis silero = runtime.Analysis.Prepare(new AnalysisSettings { Vad = VadMethod.Silero });
            silero.Analyze(clips[0], null);
            rows.Add(Sequential("Get-VoiceFeature, 5-min calls (Silero VAD)", calls, f => silero.Analyze(f, null)));
        }
        else Console.WriteLine($"skipped: Silero row ({Path.Combine(models, ModelLocations.SileroVad)} not found)");
        Console.WriteLine("Qwen3 engine: not measured. The only weights here are the tiny random-weight fixture, whose speed says nothing " +
            "about the 0.6B/1.7B models; measure those on the target hardware.");

        Console.WriteLine();
        Console.WriteLine("| work, one core | audio | CPU s | per item | x real time per core |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (Cost c in rows)
        {
            Console.WriteLine($"| {c.Name} | {c.Items} x {c.AudioSeconds / c.Items:F1} s | {c.CpuSeconds:F2} | {c.CpuPerItem:F3} s | {c.TimesRealTime:F0} |");
        }
        Arithmetic(rows);
        return 0;
    }

    /// <summary>Five minutes of speech: LibriSpeech files in turn from an offset, written as 16 kHz 16-bit PCM.</summary>
    private static string WriteCall(string[] clips, int offset, string path)
    {
        var samples = new List<float>((int)(CallSeconds * SampleRateHz));
        for (int i = offset * 7; samples.Count < CallSeconds * SampleRateHz; i++)
        {
            AudioClip(clips[i % clips.Length], samples);
        }
        WavWriter.Write(path, samples.ToArray().AsSpan(0, (int)(CallSeconds * SampleRateHz)), SampleRateHz, WavSampleFormat.Pcm16);
        return path;
    }

    private static void AudioClip(string file, List<float> into)
    {
        var audio = WavReader.ReadMono(file);
        if (audio.SampleRateHz != SampleRateHz) throw new InvalidOperationException($"{file} is not {SampleRateHz} Hz");
        into.AddRange(audio.Samples);
    }

    private static (double Wall, double Cpu) Time(Action work)
    {
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        work();
        return (watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    private static Cost Sequential(string name, string[] files, Action<string> work)
    {
        double audio = files.Sum(f => WavReader.Open(f).Format.DurationSeconds);
        var (wall, cpu) = Time(() => { foreach (string f in files) work(f); });
        return new Cost(name, audio, cpu, wall, files.Length);
    }

    /// <summary>Two files at a time: wall-clock throughput of both cores, reported per core as CPU cost.</summary>
    private static Cost Parallel2(string name, string[] files, Action<string> work)
    {
        string[] doubled = [.. files, .. files];
        double audio = doubled.Sum(f => WavReader.Open(f).Format.DurationSeconds);
        var (wall, cpu) = Time(() => Parallel.ForEach(doubled, new ParallelOptions { MaxDegreeOfParallelism = 2 }, work));
        Console.WriteLine($"{name}: {audio / wall:F0}x real time on the wall clock in {wall:F1} s ({audio / cpu:F0}x per CPU second); " +
            "on a machine shared with other work the wall clock measures the others too");
        return new Cost(name, audio, cpu, wall, doubled.Length);
    }

    /// <summary>Default-engine clones, as New-VoiceClone makes them: one reference per LibriSpeech speaker, short texts.</summary>
    private static Cost Clones(VoiceCloneRuntime runtime, string[] clips, string work)
    {
        string[] references = clips.GroupBy(f => Path.GetFileName(f).Split('-')[0]).Select(g => g.First()).Take(6).ToArray();
        using CloneRun run = runtime.Cloning.Start(new CloneSettings(Path.Combine(work, "clones")));
        run.Clone(references[0], "Warm up.", CancellationToken.None);
        double spoken = 0;
        int made = 0;
        var (wall, cpu) = Time(() =>
        {
            foreach (string reference in references)
            {
                foreach (string text in Texts)
                {
                    spoken += run.Clone(reference, text, CancellationToken.None).DurationSeconds;
                    made++;
                }
            }
        });
        run.Finish("completed");
        return new Cost("New-VoiceClone, default engine (clone incl. reference and output analysis)", spoken, cpu, wall, made);
    }

    private static void Arithmetic(List<Cost> rows)
    {
        Cost analysis = rows.First(r => r.Name.StartsWith("Get-VoiceFeature, 5-min calls (energy", StringComparison.Ordinal));
        Cost emotion = rows.First(r => r.Name.StartsWith("Get-VoiceEmotion, 5-min", StringComparison.Ordinal));
        Cost clone = rows.First(r => r.Name.StartsWith("New-VoiceClone", StringComparison.Ordinal));
        double perCall = analysis.CpuPerItem + emotion.CpuPerItem;
        double coreHours = ArchiveCalls * perCall / 3600;
        Console.WriteLine();
        Console.WriteLine($"Archive: {ArchiveCalls:N0} calls x {CallSeconds / 60:F0} min = {ArchiveCalls * CallSeconds / 3600:N0} h of audio; " +
            $"features + emotion cost {perCall:F2} CPU s per call ({analysis.CpuPerItem:F2} + {emotion.CpuPerItem:F2})");
        Console.WriteLine($"  = {coreHours:F0} core-hours; in {NightHours:F0} h: {Math.Ceiling(coreHours / NightHours)} cores busy all night " +
            $"(e.g. {Math.Ceiling(coreHours / NightHours / 32)} node(s) of 32 cores), before task start-up and I/O");
        double cloneHours = NightlyClones * clone.CpuPerItem / 3600;
        Console.WriteLine($"Clones: {NightlyClones:N0} default-engine clones x {clone.CpuPerItem:F2} CPU s = {cloneHours:F1} core-hours " +
            $"({Math.Ceiling(cloneHours / NightHours)} core(s) for {NightHours:F0} h)");
    }
}
