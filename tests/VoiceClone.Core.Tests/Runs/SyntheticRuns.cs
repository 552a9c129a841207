using VoiceClone.Core.Runs;

namespace VoiceClone.Core.Tests.Runs;

/// <summary>
/// Run logs as the module writes them, made up with a seeded random source: clone runs whose stage times, memory, pass
/// rate and match errors scatter around chosen values (a steady history is this scatter), analysis and training runs.
/// </summary>
internal static class SyntheticRuns
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly (string Name, double Ms)[] CloneStages = [("reference_analysis", 120), ("synthesis", 400), ("output_analysis", 150), ("persist", 8)];
    private static readonly string[] Emotions = ["neutral", "calm", "happy", "sad", "angry", "fearful", "disgust"];

    /// <summary>A nightly clone run: <paramref name="clones"/> clones, times x <paramref name="slowdown"/>, about <paramref name="passRate"/> passing.</summary>
    public static RunLogDocument Clone(Random random, int night, double slowdown = 1, double passRate = 0.95, double memoryMb = 420,
        double pitchError = 0.02, int clones = 12, string engine = "Default", int ioErrors = 0)
    {
        DateTimeOffset started = Epoch.AddDays(night);
        var run = new RunLogDocument
        {
            RunId = $"{started:yyyyMMdd-HHmmss-fff}-{night:x8}", Command = "New-VoiceClone", Status = "completed", Started = started,
            Engine = engine, Device = "cpu", Machine = new() { ["host"] = "nightly", ["pid"] = "1" },
        };
        double wallMs = 0, audio = 0;
        for (int c = 0; c < clones; c++)
        {
            string id = $"clone-{night}-{c}";
            double cloneMs = 0;
            foreach (var (name, ms) in CloneStages)
            {
                double duration = ms * slowdown * Noise(random, 0.10);
                cloneMs += duration;
                run.Stages.Add(new RunStage
                {
                    Item = id, Name = name, Attempt = 1, Status = "completed", DurationMs = duration, PeakMemoryMb = memoryMb * Noise(random, 0.03),
                    Start = started, End = started,
                });
            }
            bool passed = random.NextDouble() < passRate;
            double seconds = 2.5 * Noise(random, 0.2);
            double pitchRatio = 1 + (random.NextDouble() < 0.5 ? -1 : 1) * pitchError * Noise(random, 0.5);
            run.Validations.Add(new RunValidation
            {
                Item = id, Attempt = 1, Passed = passed,
                Checks = [new RunCheck { Name = "pitch_match", Passed = passed, Value = pitchRatio, Limit = "1 +- 0.05" },
                    new RunCheck { Name = "rate_match", Passed = true, Value = 1.04, Limit = "1 +- 0.1" }],
            });
            run.Clones.Add(new RunClone
            {
                Id = id, Reference = $"ref-{c % 4}.wav", Text = "Hello.", Status = "completed", AudioSeconds = seconds, Seconds = cloneMs / 1000,
                PitchRatio = pitchRatio, ArticulationRateRatio = 1 + 0.04 * Noise(random, 0.5), TimbreDistance = 9 * Noise(random, 0.1),
                BaseTimbreDistance = 15 * Noise(random, 0.1), Attempts = passed ? 1 : 2, ValidationPassed = passed,
                ReferenceEmotion = Emotions[c % 4], CloneEmotion = Emotions[(c + (c % 3 == 0 ? 1 : 0)) % 4],
            });
            wallMs += cloneMs;
            audio += seconds;
        }
        for (int e = 0; e < ioErrors; e++)
            run.Errors.Add(new RunError { Category = "io", ErrorId = "AudioReadFailed", Message = "locked", SuggestedFix = "Check the file.", Occurrences = 1, Items = [$"clone-{night}-{e}"] });
        run.Compute = new RunCompute
        {
            WallSeconds = wallMs / 1000, AudioSeconds = audio, RealTimeFactor = wallMs / 1000 / audio, PeakMemoryMb = memoryMb * Noise(random, 0.03),
            CpuSeconds = wallMs / 1000,
        };
        run.Ended = started.AddSeconds(run.Compute.WallSeconds);
        return run;
    }

    /// <summary>A Get-VoiceEmotion batch of <paramref name="files"/> recordings.</summary>
    public static RunLogDocument Analysis(Random random, int night, int files = 20)
    {
        DateTimeOffset started = Epoch.AddDays(night).AddHours(1);
        var run = new RunLogDocument
        {
            RunId = $"{started:yyyyMMdd-HHmmss-fff}-a{night:x7}", Command = "Get-VoiceEmotion", Status = "completed", Started = started,
            Engine = "ml.net", Device = "cpu", Machine = new() { ["host"] = "nightly", ["pid"] = "1" },
        };
        for (int f = 0; f < files; f++)
        {
            run.Items.Add(new RunItem
            {
                Name = $"rec-{f}.wav", Status = "completed", AudioSeconds = 4, DurationMs = 80 * Noise(random, 0.1), Label = Emotions[f % Emotions.Length],
                Measures = new() { ["speech_fraction"] = 0.8 * Noise(random, 0.05), ["clipped"] = f == 0 ? 1 : 0 },
            });
        }
        run.Compute = new RunCompute { WallSeconds = files * 0.05, AudioSeconds = files * 4, RealTimeFactor = 0.05 / 4, PeakMemoryMb = 300 };
        run.Ended = started.AddSeconds(run.Compute.WallSeconds);
        return run;
    }

    /// <summary>An emotion training run over four speakers with a made-up confusion matrix.</summary>
    public static RunLogDocument Training(int night)
    {
        DateTimeOffset started = Epoch.AddDays(night).AddHours(3);
        int[][] confusion = Enumerable.Range(0, 7).Select(r => Enumerable.Range(0, 7).Select(c => r == c ? 12 : (r + c) % 3).ToArray()).ToArray();
        return new RunLogDocument
        {
            RunId = $"{started:yyyyMMdd-HHmmss-fff}-t{night:x7}", Command = "New-VoiceEmotionModel", Status = "completed", Started = started,
            Ended = started.AddMinutes(4), Engine = "ml.net-maxent", Device = "cpu", Machine = new() { ["host"] = "nightly", ["pid"] = "1" },
            Training = new RunTraining
            {
                Clips = 140, Speakers = 4, UnweightedAccuracy = 0.61, WeightedAccuracy = 0.62, ExpectedCalibrationError = 0.04,
                Labels = [.. Emotions], ConfusionMatrix = confusion,
                Folds = new[] { "01", "02", "03", "04" }.Select((s, i) => new RunFold
                {
                    HeldOut = s, Clips = 35, UnweightedAccuracy = 0.55 + 0.04 * i, ExpectedCalibrationError = 0.05, DurationMs = 30_000,
                }).ToList(),
            },
            Compute = new RunCompute { WallSeconds = 240, PeakMemoryMb = 900 },
        };
    }

    /// <summary>Multiplicative noise: a factor drawn uniformly within +-<paramref name="spread"/> of 1.</summary>
    public static double Noise(Random random, double spread) => 1 + spread * (2 * random.NextDouble() - 1);

    /// <summary>Judges each run in turn against the newest comparable runs before it, as the tracker does when a run ends.</summary>
    public static List<RunAnomalyRecord> JudgeInTurn(IReadOnlyList<RunLogDocument> history, RunLogDocument run)
    {
        var earlier = history.Where(h => h.Started < run.Started).Select(h => RunIndexEntry.From(h, RunMetrics.Compute(h))).ToList();
        RunIndexEntry entry = RunIndexEntry.From(run, RunMetrics.Compute(run));
        var baseline = RunIndex.Baseline(earlier, entry).Select(b => (IReadOnlyDictionary<string, double>)b.Metrics).ToList();
        return [.. AnomalyDetector.WithinRun(run), .. AnomalyDetector.AgainstBaseline(entry.Metrics, baseline)];
    }
}
