using System.Diagnostics;
using VoiceClone.Core.Analysis;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Emotion;

namespace VoiceClone.Benchmarks;

/// <summary>
/// The emotion bench. RAVDESS leave-one-actor-out (7 classes) beside EmoDB-dev (6 classes; trained on never, used to
/// choose settings only), each clean, in pink noise at 20 and 10 dB SNR and through a telephone band; calibration and
/// the 'uncertain' rule; gain and sample-rate invariance; no-speech inputs; speed; and the ablation of the choices.
/// Clips are read at 16 kHz (EmotionFeatures.ReadClip) and degraded there. Features are cached under
/// /tmp/voiceclone-emotion-cache between runs (delete it after changing the features).
/// Usage: emotion [shared] [report | ablation | save FOLDER | exp key=value...]
/// </summary>
internal static class EmotionRobustness
{
    private static readonly string CacheFolder = Path.Combine(Path.GetTempPath(), "voiceclone-emotion-cache");

    /// <summary>One setting of every choice the ablation varies.</summary>
    public sealed record Experiment(string Name, EmotionFeatureOptions Features, EmotionAugmentation Augmentation,
        float L2 = EmotionTrainer.DefaultL2Regularization, int InferenceViews = 7, int Folds = 24, string? Drop = null,
        bool CalibrateOnCleanOnly = true)
    {
        /// <summary>The feature columns kept: all but those whose name matches <see cref="Drop"/>.</summary>
        public int[] Columns => Enumerable.Range(0, EmotionFeatures.Names.Count)
            .Where(i => Drop is null || !System.Text.RegularExpressions.Regex.IsMatch(EmotionFeatures.Names[i], Drop)).ToArray();

        public string FeatureKey =>
            $"v{EmotionFeatures.Version}-16k-{(Features.NormaliseLevel ? "level" : "raw")}-{Features.FrameSelection}" +
            (Features.NormaliseDynamics ? "" : "-nodynamics");

        public string AugmentationKey =>
            $"aug{Augmentation.ViewsPerClip}{(Augmentation.Noise ? "n" : "")}{(Augmentation.BandLimit ? "b" : "")}" +
            $"{(Augmentation.Reverb ? "r" : "")}{(Augmentation.Tempo ? "t" : "")}";
    }

    public static int Run(string shared, string[] args)
    {
        shared = Path.GetFullPath(shared);
        string ravdessFolder = Path.Combine(shared, "data", "ravdess"), emodbFolder = Path.Combine(shared, "data", "emodb-dev");
        if (!Directory.Exists(ravdessFolder)) { Console.WriteLine($"skipped: {ravdessFolder} not found"); return 0; }
        if (!Directory.Exists(emodbFolder)) { Console.WriteLine($"skipped: {emodbFolder} not found"); return 0; }
        var ravdess = EmotionManifest.Read(ravdessFolder, Path.Combine(ravdessFolder, "manifest.csv"), ["surprised"]);
        var emodb = EmoDb.Read(emodbFolder);
        var final = new Experiment("final", EmotionFeatureOptions.Default, EmotionAugmentation.Default);
        switch (args.FirstOrDefault() ?? "report")
        {
            case "exp":
                Summary([Evaluate(Parse(args.Skip(1).ToArray()), ravdess, emodb)], emodb);
                return 0;
            case "ablation":
                Summary(Ablation(final).Select(e => Evaluate(e, ravdess, emodb)).ToList(), emodb);
                return 0;
            case "save":
                EmotionModelBuilder.Build(ravdess, args[1], seed: 1,
                    trainedOn: "RAVDESS speech, 24 actors, 7 emotions (surprised left out)",
                    licence: "CC BY-NC-SA 4.0 (inherited from RAVDESS, Livingstone & Russo 2018): non-commercial use only");
                return 0;
            default:
                string modelFolder = args.Length > 1 ? args[1] : Path.Combine(FindRepositoryRoot(), "models", "emotion");
                Report(Evaluate(final, ravdess, emodb), ravdess, emodb, modelFolder);
                return 0;
        }
    }

    /// <summary>Each row changes one choice of the final setting (6 actor groups instead of 24 folds, to keep it cheap).</summary>
    private static IEnumerable<Experiment> Ablation(Experiment final)
    {
        var sixFold = final with { Folds = 6 };
        yield return sixFold with { Name = "final setting" };
        yield return sixFold with { Name = "no level normalisation", Features = final.Features with { NormaliseLevel = false } };
        yield return sixFold with
        {
            Name = "frames within 35 dB of the loudest, not voiced frames",
            Features = final.Features with { FrameSelection = EmotionFrameSelection.Loud },
        };
        yield return sixFold with { Name = "no augmentation", Augmentation = EmotionAugmentation.None };
        yield return sixFold with { Name = "augmentation without noise", Augmentation = final.Augmentation with { Noise = false } };
        yield return sixFold with
        {
            Name = "augmentation without band limits",
            Augmentation = final.Augmentation with { BandLimit = false },
        };
        yield return sixFold with { Name = "augmentation without reverb", Augmentation = final.Augmentation with { Reverb = false } };
        yield return sixFold with { Name = "calibrated on clean and augmented views", CalibrateOnCleanOnly = false };
        yield return sixFold with { Name = "one view at prediction (no speed views)", InferenceViews = 1 };
        yield return sixFold with { Name = "L2 5", L2 = 5 };
        yield return sixFold with { Name = "L2 40", L2 = 40 };
    }

    private static Experiment Parse(string[] a)
    {
        var map = a.Select(x => x.Split('=')).ToDictionary(x => x[0], x => x[1]);
        string Get(string k, string d) => map.TryGetValue(k, out var v) ? v : d;
        var features = EmotionFeatureOptions.Default with
        {
            NormaliseLevel = Get("level", "1") == "1",
            FrameSelection = Get("sel", "voiced") == "voiced" ? EmotionFrameSelection.Voiced : EmotionFrameSelection.Loud,
            NormaliseDynamics = Get("dyn", "1") == "1",
        };
        var aug = new EmotionAugmentation
        {
            ViewsPerClip = int.Parse(Get("augviews", EmotionAugmentation.Default.ViewsPerClip.ToString())),
            Noise = Get("noise", "1") == "1", BandLimit = Get("band", "1") == "1",
            Reverb = Get("reverb", "1") == "1", Tempo = Get("tempo", "1") == "1",
        };
        return new Experiment(string.Join(' ', a), features, aug, float.Parse(Get("l2", EmotionTrainer.DefaultL2Regularization.ToString())),
            int.Parse(Get("views", "7")), int.Parse(Get("folds", "6")), map.GetValueOrDefault("drop"), Get("calib", "clean") == "clean");
    }

    /// <summary>
    /// Held-out RAVDESS scores and EmoDB scores (from the model trained on all of RAVDESS) in every condition, uncalibrated.
    /// </summary>
    private sealed record Outcome(Experiment Experiment, IReadOnlyList<LabelledClip> Folded, int[] Truth, float[][][] Ravdess,
        IReadOnlyList<float[][]> FitSets, float[][][] EmoDb, double Temperature, double Threshold)
    {
        /// <summary>A condition's held-out RAVDESS scores, each actor's calibrated without that actor.</summary>
        public float[][] RavdessCalibrated(int condition) => EmotionTrainer.CrossCalibrate(Folded, Ravdess[condition], FitSets, Truth);
        public EmotionMetrics RavdessMetrics(int condition) =>
            EmotionMetrics.Compute(EmotionLabels.All, Truth, RavdessCalibrated(condition));

        public List<float[]> EmoDbCalibrated(int condition) =>
            EmoDb[condition].Select(s => TemperatureScaling.Apply(s, Temperature)).ToList();
    }

    private static Outcome Evaluate(Experiment e, IReadOnlyList<LabelledClip> ravdess, IReadOnlyList<LabelledClip> emodb)
    {
        var watch = Stopwatch.StartNew();
        var conditions = Condition.All;
        var ravdessViews = conditions.Select(c => Cache.Inference($"{e.FeatureKey}-ravdess-{c.Name}", ravdess, c, e.Features)).ToArray();
        var emodbViews = conditions.Select(c => Cache.Inference($"{e.FeatureKey}-emodb-{c.Name}", emodb, c, e.Features)).ToArray();
        var augmented = Cache.Augmented($"{e.FeatureKey}-ravdess-{e.AugmentationKey}", ravdess, e.Augmentation, e.Features);
        if (e.Drop is not null)
        {
            int[] columns = e.Columns;
            float[] Project(float[] v) => columns.Select(c => v[c]).ToArray();
            EmotionViews[] ProjectAll(EmotionViews[] set) =>
                set.Select(v => v with { Views = v.Views.Select(Project).ToArray() }).ToArray();
            ravdessViews = ravdessViews.Select(ProjectAll).ToArray();
            emodbViews = emodbViews.Select(ProjectAll).ToArray();
            augmented = augmented.Select(views => views.Select(Project).ToArray()).ToArray();
        }
        Console.WriteLine($"[{e.Name}] features ready in {watch.Elapsed.TotalSeconds:F0} s, {ravdessViews[0][0].Views[0].Length} columns");
        watch.Restart();
        var training = ravdess.Select((c, i) => (float[][])[.. ravdessViews[0][i].Views, .. augmented[i]]).ToList();
        float[][] Select(EmotionViews v) => v.Views.Take(e.InferenceViews).ToArray();

        var folded = e.Folds >= 24
            ? ravdess
            : ravdess.Select(c => c with { Speaker = $"actors {int.Parse(c.Speaker) % e.Folds} mod {e.Folds}" }).ToList();
        var trainer = new EmotionTrainer(seed: 1, e.L2);
        var testSets = ravdessViews.Select(v => (IReadOnlyList<float[][]>)v.Select(Select).ToList()).ToList();
        int augmentedViews = augmented[0].Length;
        for (int a = 0; a < augmentedViews; a++) testSets.Add(augmented.Select(v => new[] { v[a] }).ToList());
        float[][][] held = trainer.HeldOutScores(folded, training, testSets);
        int[] truth = ravdess.Select(c => EmotionLabels.All.ToList().IndexOf(c.Emotion)).ToArray();
        // Calibration as the model builder does it: on the clean held-out predictions (or with the augmented ones too, to compare).
        var fitSets = e.CalibrateOnCleanOnly ? [held[0]] : held[conditions.Count..].Prepend(held[0]).ToList();
        double temperature = EmotionTrainer.FitTemperature(fitSets, truth, _ => true);
        double threshold = UncertaintyThreshold.Choose(EmotionTrainer.CrossCalibrate(folded, held[0], fitSets, truth), truth);
        Console.WriteLine($"[{e.Name}] {e.Folds}-fold held-out scores in {watch.Elapsed.TotalSeconds:F0} s");
        watch.Restart();
        var model = trainer.Fit(ravdess, training);
        var engine = trainer.Context.Model.CreatePredictionEngine<EmotionTrainer.Row, EmotionScores>(model,
            inputSchemaDefinition: EmotionTrainer.Schema(training[0][0].Length));
        var emodbScores = emodbViews.Select(set => set.Select(v => EmotionTrainer.AverageOverViews(engine, Select(v))).ToArray()).ToArray();
        Console.WriteLine($"[{e.Name}] full fit and EmoDB scores in {watch.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine($"[{e.Name}] temperature {temperature:F3}, 'uncertain' below {threshold:F2}");
        return new Outcome(e, folded, truth, held[..conditions.Count], fitSets, emodbScores, temperature, threshold);
    }

    /// <summary>One row per experiment: unweighted accuracy per corpus and condition, calibration, the weakest EmoDB class.</summary>
    private static void Summary(IReadOnlyList<Outcome> outcomes, IReadOnlyList<LabelledClip> emodb)
    {
        var conditions = Condition.All;
        Console.WriteLine();
        Console.WriteLine($"| setting | RAVDESS UA: {string.Join(" / ", conditions.Select(c => c.Name))} | EmoDB UA: same | " +
            "EmoDB min recall (clean) | ECE RAVDESS / EmoDB (clean) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var o in outcomes)
        {
            var r = conditions.Select((_, c) => o.RavdessMetrics(c)).ToList();
            var m = o.EmoDb.Select((_, c) => EmoDb.Metrics(emodb, o.EmoDbCalibrated(c))).ToList();
            string weakest = m[0].Labels[Array.IndexOf(m[0].Recall, m[0].Recall.Min())];
            Console.WriteLine($"| {o.Experiment.Name} | {string.Join(" / ", r.Select(x => x.UnweightedAccuracy.ToString("F3")))} | " +
                $"{string.Join(" / ", m.Select(x => x.UnweightedAccuracy.ToString("F3")))} | {m[0].Recall.Min():F2} ({weakest}) | " +
                $"{r[0].ExpectedCalibrationError:F3} / {m[0].ExpectedCalibrationError:F3} |");
        }
    }

    private static void Report(Outcome o, IReadOnlyList<LabelledClip> ravdess, IReadOnlyList<LabelledClip> emodb, string modelFolder)
    {
        Summary([o], emodb);
        // Per corpus and condition: UA, weighted accuracy, calibration, per-class recall, the 'uncertain' rule.
        var conditions = Condition.All;
        Console.WriteLine();
        Console.WriteLine($"Temperature {o.Temperature:F3} (fitted on RAVDESS held-out, clean); 'uncertain' below {o.Threshold:F2} " +
            $"(the lowest threshold at which RAVDESS held-out named emotions are right {UncertaintyThreshold.TargetAccuracy:P0})");
        Console.WriteLine("| corpus | condition | UA | WA | ECE | answered | right when answered | " +
            string.Join(" | ", EmotionLabels.All) + " |");
        Console.WriteLine("|---|---|---|---|---|---|---|" + string.Concat(EmotionLabels.All.Select(_ => "---|")));
        for (int c = 0; c < conditions.Count; c++)
        {
            var calibrated = o.RavdessCalibrated(c);
            Row("RAVDESS", conditions[c].Name, o.RavdessMetrics(c), UncertaintyThreshold.Evaluate(calibrated, o.Truth, o.Threshold));
        }
        for (int c = 0; c < conditions.Count; c++)
        {
            var calibrated = o.EmoDbCalibrated(c);
            var folded = calibrated.Select(EmoDb.Fold).ToList();
            var truth = emodb.Select(x => EmoDb.Labels.ToList().IndexOf(x.Emotion)).ToList();
            // The threshold applies to the seven-class top probability, as the module reports it; right = its class (calm as neutral).
            int answered = 0, right = 0;
            for (int i = 0; i < calibrated.Count; i++)
            {
                int best = EmotionMetrics.ArgMax(calibrated[i]);
                if (calibrated[i][best] < o.Threshold) continue;
                answered++;
                string label = EmotionLabels.All[best] == "calm" ? "neutral" : EmotionLabels.All[best];
                if (label == emodb[i].Emotion) right++;
            }
            var selective = (answered / (double)calibrated.Count, answered > 0 ? right / (double)answered : 0);
            Row("EmoDB", conditions[c].Name, EmoDb.Metrics(emodb, calibrated), selective);
        }

        Console.WriteLine();
        Console.WriteLine("Split by speaker (clean): EmoDB per speaker, RAVDESS per actor (min / median / max)");
        foreach (var speaker in emodb.Select((c, i) => (c.Speaker, i)).GroupBy(x => x.Speaker))
        {
            var idx = speaker.Select(x => x.i).ToList();
            var m = EmoDb.Metrics(idx.Select(i => emodb[i]).ToList(), idx.Select(i => o.EmoDbCalibrated(0)[i]).ToList());
            Console.WriteLine($"  EmoDB speaker {speaker.Key}: UA {m.UnweightedAccuracy:F3} over {idx.Count} clips");
        }
        var actorUa = ravdess.Select((c, i) => (c.Speaker, i)).GroupBy(x => x.Speaker).Select(g =>
        {
            var idx = g.Select(x => x.i).ToList();
            var truth = idx.Select(i => o.Truth[i]).ToList();
            return EmotionMetrics.Compute(EmotionLabels.All, truth, idx.Select(i => o.Ravdess[0][i]).ToList()).UnweightedAccuracy;
        }).Order().ToList();
        Console.WriteLine($"  RAVDESS actors: UA min {actorUa[0]:F3}, median {actorUa[actorUa.Count / 2]:F3}, max {actorUa[^1]:F3}");
        var boredom = EmoDb.Boredom(Path.GetDirectoryName(emodb[0].Path)!);
        EmotionModel model = EmotionModel.Load(modelFolder);
        var heardAs = Invariance.Labels(model, boredom, 0).GroupBy(l => l).OrderByDescending(g => g.Count());
        Console.WriteLine($"  EmoDB boredom ({boredom.Count} clips, no model class, left out of UA) is heard as: " +
            string.Join(", ", heardAs.Select(g => $"{g.Key} {g.Count()}")));

        Invariance.Report(model, emodb);
        Speed(model, ravdess);
    }

    private static void Row(string corpus, string condition, EmotionMetrics m, (double Coverage, double Accuracy) selective)
    {
        var recall = EmotionLabels.All.Select(l => m.Labels.ToList().IndexOf(l) is int i and >= 0 ? m.Recall[i].ToString("F2") : "-");
        Console.WriteLine($"| {corpus} | {condition} | {m.UnweightedAccuracy:F3} | {m.WeightedAccuracy:F3} | " +
            $"{m.ExpectedCalibrationError:F3} | " +
            $"{selective.Coverage:P0} | {selective.Accuracy:P0} | {string.Join(" | ", recall)} |");
    }

    /// <summary>Features and prediction for a 3 s clip on one thread, after warm-up.</summary>
    private static void Speed(EmotionModel model, IReadOnlyList<LabelledClip> ravdess)
    {
        AudioBuffer clip = EmotionFeatures.ReadClip(ravdess[0].Path);
        clip = new AudioBuffer(clip.Samples[..Math.Min(clip.Samples.Length, 3 * clip.SampleRateHz)], clip.SampleRateHz);
        model.Predict(clip);
        const int runs = 20;
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < runs; i++) EmotionFeatures.Views(clip);
        double featureMs = watch.Elapsed.TotalMilliseconds / runs;
        var views = EmotionFeatures.Views(clip);
        watch.Restart();
        for (int i = 0; i < runs * 10; i++) model.Predict(views);
        double predictMs = watch.Elapsed.TotalMilliseconds / (runs * 10);
        Console.WriteLine();
        Console.WriteLine($"Speed, one {clip.DurationSeconds:F1} s clip (16 kHz) on one thread: " +
            $"features {featureMs:F1} ms ({views.Views.Length} views), " +
            $"prediction {predictMs:F2} ms, total {featureMs + predictMs:F1} ms");
    }

    /// <summary>The recording chains each corpus is evaluated through; each degradation is seeded by the clip's position.</summary>
    internal sealed record Condition(string Name, Func<AudioBuffer, int, AudioBuffer> Degrade)
    {
        // 300-3400 Hz at 8 kHz: the ITU-T G.712 telephone channel.
        private const double TelephoneLowHz = 300, TelephoneHighHz = 3400;
        private const int TelephoneRateHz = 8000;

        public static IReadOnlyList<Condition> All { get; } =
        [
            new("clean", (a, _) => a),
            new("pink noise 20 dB", (a, seed) => ColouredNoise.Add(a, ColouredNoise.Pink, 20, new Random(seed))),
            new("pink noise 10 dB", (a, seed) => ColouredNoise.Add(a, ColouredNoise.Pink, 10, new Random(seed))),
            new("telephone", (a, _) =>
                SincResampler.Resample(ButterworthBandPass.Apply(a, TelephoneLowHz, TelephoneHighHz), TelephoneRateHz)),
        ];
    }

    /// <summary>Gain and sample-rate invariance of the labels on EmoDB-dev, and what no-speech inputs are called.</summary>
    private static class Invariance
    {
        public static string[] Labels(EmotionModel model, IReadOnlyList<LabelledClip> clips, double gainDb, int rateHz = 0)
        {
            var labels = new string[clips.Count];
            Parallel.For(0, clips.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                AudioBuffer audio = EmotionFeatures.ReadClip(clips[i].Path);
                float gain = (float)Math.Pow(10, gainDb / 20);
                // Written as 16-bit PCM at that gain, as a recorder would.
                float[] pcm = audio.Samples.Select(s => Math.Clamp(MathF.Round(s * gain * 32767), -32768, 32767) / 32767f).ToArray();
                audio = new AudioBuffer(pcm, audio.SampleRateHz);
                if (rateHz > 0) audio = SincResampler.Resample(audio, rateHz);
                labels[i] = model.Classify(audio, clips[i].Path).MostProbable;
            });
            return labels;
        }

        public static void Report(EmotionModel model, IReadOnlyList<LabelledClip> emodb)
        {
            Console.WriteLine();
            string[] reference = Labels(model, emodb, 0);
            double Same(string[] labels) => labels.Zip(reference).Count(p => p.First == p.Second) / (double)labels.Length;
            var byGain = new[] { -30, -20, -10, -6, 6 }.ToDictionary(g => g, g => Labels(model, emodb, g));
            double AllSame(params int[] gains) =>
                Enumerable.Range(0, emodb.Count).Count(i => gains.All(g => byGain[g][i] == reference[i])) / (double)emodb.Count;
            int clippedAt6 = emodb.Count(c => EmotionFeatures.ReadClip(c.Path).Samples.Max(Math.Abs) * Math.Pow(10, 6 / 20.0) > 1);
            Console.WriteLine($"Gain invariance, EmoDB-dev ({emodb.Count} clips, 16-bit at each gain): label as at 0 dB " +
                string.Join(", ", byGain.Keys.Select(g => $"{g:+0;-0} dB {Same(byGain[g]):P1}")) +
                $" ({clippedAt6} clips clip at +6 dB); identical at -20, -6 and 0 dB {AllSame(-20, -6):P1}, " +
                $"at -20, -10, 0 and +6 dB {AllSame(-20, -10, 6):P1}");
            Console.WriteLine("Sample-rate invariance, EmoDB-dev (resampled from 16 kHz): label as at 16 kHz " +
                string.Join(", ", new[] { 22050, 44100, 48000 }
                    .Select(r => $"{r / 1000.0:0.##} kHz {Same(Labels(model, emodb, 0, r)):P1}")));
            NoSpeech(model);
        }

        /// <summary>What the model calls inputs without a voice, and whether Get-VoiceEmotion reaches the model at all.</summary>
        private static void NoSpeech(EmotionModel model)
        {
            const int rate = 16000, seconds = 3;
            var inputs = new (string, float[])[]
            {
                ("digital silence", new float[rate * seconds]),
                ("white noise", ColouredNoise.Generate(rate * seconds, rate, ColouredNoise.White, new Random(1))),
                ("pink noise", ColouredNoise.Generate(rate * seconds, rate, ColouredNoise.Pink, new Random(1))),
                ("brown noise", ColouredNoise.Generate(rate * seconds, rate, ColouredNoise.Brown, new Random(1))),
                ("50 Hz hum", Enumerable.Range(0, rate * seconds).Select(i => (float)Math.Sin(2 * Math.PI * 50 * i / rate)).ToArray()),
            };
            Console.WriteLine("No speech: " + string.Join("; ", inputs.Select(p =>
            {
                var audio = new AudioBuffer(p.Item2.Select(s => s * 0.1f).ToArray(), rate);
                var r = model.Classify(audio, p.Item1);
                double voicedSeconds = SpeechPresence.VoicedSeconds(audio);
                string cmdlet = voicedSeconds < SpeechPresence.MinVoicedSeconds ? "NoSpeechDetected" : "reaches the model";
                return $"{p.Item1} -> model: {r.Emotion} ({r.MostProbable} {r.Confidence:F2}); Get-VoiceEmotion: {cmdlet}";
            })));
        }
    }

    /// <summary>Feature views on disk, keyed by feature version, corpus and condition, so experiments only retrain.</summary>
    private static class Cache
    {
        public static EmotionViews[] Inference(string key, IReadOnlyList<LabelledClip> clips, Condition condition,
            EmotionFeatureOptions options) =>
            Load(key, clips.Count, i => EmotionFeatures.Views(condition.Degrade(EmotionFeatures.ReadClip(clips[i].Path), i + 1), options));

        public static float[][][] Augmented(string key, IReadOnlyList<LabelledClip> clips, EmotionAugmentation augmentation,
            EmotionFeatureOptions options) =>
            Load(key, clips.Count, i =>
                {
                    AudioBuffer prepared = EmotionFeatures.Prepare(EmotionFeatures.ReadClip(clips[i].Path), options);
                    return new EmotionViews(augmentation.Views(prepared, i, options), 0);
                })
                .Select(v => v.Views).ToArray();

        private static EmotionViews[] Load(string key, int count, Func<int, EmotionViews> compute)
        {
            string path = Path.Combine(CacheFolder, key.Replace(' ', '_') + ".bin");
            if (File.Exists(path)) return Read(path);
            var views = new EmotionViews[count];
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => views[i] = compute(i));
            Write(path, views);
            return views;
        }

        private static void Write(string path, EmotionViews[] views)
        {
            Directory.CreateDirectory(CacheFolder);
            using (var writer = new BinaryWriter(File.Create(path + ".tmp")))
            {
                writer.Write(views.Length);
                foreach (var v in views)
                {
                    writer.Write(v.VoicedSeconds);
                    writer.Write(v.Views.Length);
                    writer.Write(v.Views.Length > 0 ? v.Views[0].Length : 0);
                    foreach (float[] view in v.Views) foreach (float f in view) writer.Write(f);
                }
            }
            File.Move(path + ".tmp", path, overwrite: true);
        }

        private static EmotionViews[] Read(string path)
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            var views = new EmotionViews[reader.ReadInt32()];
            for (int i = 0; i < views.Length; i++)
            {
                double voiced = reader.ReadDouble();
                int count = reader.ReadInt32(), width = reader.ReadInt32();
                var v = new float[count][];
                for (int k = 0; k < count; k++)
                {
                    v[k] = new float[width];
                    for (int j = 0; j < width; j++) v[k][j] = reader.ReadSingle();
                }
                views[i] = new EmotionViews(v, voiced);
            }
            return views;
        }
    }

    /// <summary>
    /// EmoDB-dev: its manifest, and scoring in the six classes it shares with the model (calm counts as neutral; boredom
    /// is left out).
    /// </summary>
    internal static class EmoDb
    {
        public static IReadOnlyList<string> Labels { get; } = ["neutral", "happy", "sad", "angry", "fearful", "disgust"];

        public static IReadOnlyList<LabelledClip> Read(string folder) => Rows(folder).Where(c => c.Emotion != "boredom").ToList();

        public static IReadOnlyList<LabelledClip> Boredom(string folder) => Rows(folder).Where(c => c.Emotion == "boredom").ToList();

        private static IEnumerable<LabelledClip> Rows(string folder) =>
            File.ReadAllLines(Path.Combine(folder, "manifest.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
                .Select(c => new LabelledClip(Path.Combine(folder, c[0]), c[1], c[3]));

        /// <summary>A 7-class probability vector folded onto the six shared classes: calm's probability goes to neutral.</summary>
        public static float[] Fold(float[] seven)
        {
            var all = EmotionLabels.All.ToList();
            return Labels.Select(l => seven[all.IndexOf(l)] + (l == "neutral" ? seven[all.IndexOf("calm")] : 0)).ToArray();
        }

        public static EmotionMetrics Metrics(IReadOnlyList<LabelledClip> clips, IReadOnlyList<float[]> scores) =>
            EmotionMetrics.Compute(Labels, clips.Select(c => Labels.ToList().IndexOf(c.Emotion)).ToList(), scores.Select(Fold).ToList());
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VoiceClone.PowerShell.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
