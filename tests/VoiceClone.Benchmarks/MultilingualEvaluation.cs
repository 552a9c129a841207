using System.Diagnostics;
using VoiceClone.Core.Analysis;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Cloning;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.Engines.Default;
using VoiceClone.Core.Runs;
using VoiceClone.Core.Text;

namespace VoiceClone.Benchmarks;

/// <summary>
/// The default engine beyond English (clone-languages mode): every LibriSpeech reference (one per speaker, as in clone
/// mode) says sample sentences in nine languages with the language told from the text. Per language: clones made, the
/// base voices used, clones with voiced speech, with a duration in the text's plausible range, with median F0 within 5 %
/// of the reference's and articulation rate within 10 %. Japanese with kanji is its own row: espeak-ng reads kana only.
/// </summary>
internal static class MultilingualEvaluation
{
    // Everyday sentences, four per language, written for this bench; Japanese in kana (what espeak-ng reads), then with kanji.
    private static readonly (string Language, string[] Texts)[] Samples =
    [
        ("de", ["Guten Morgen, die Straße ist heute sehr ruhig.", "Wir fahren am Wochenende mit dem Zug nach Hamburg.",
            "Das Essen in diesem kleinen Restaurant schmeckt wunderbar.", "Kannst du mir bitte das Buch auf dem Tisch geben?"]),
        ("fr", ["Le soleil brille et les enfants jouent dans le jardin.", "Nous allons au marché tous les samedis matin.",
            "Il fait très froid ce soir, prends ton manteau.", "Ma sœur habite dans une petite maison près de la mer."]),
        ("es", ["El tren sale de la estación a las ocho de la mañana.", "Me gusta pasear por el parque cuando hace buen tiempo.",
            "¿Puedes cerrar la ventana, por favor?", "Mi abuela cocina la mejor paella del pueblo."]),
        ("it", ["Oggi il cielo è limpido e fa molto caldo.", "La biblioteca chiude alle sette di sera.",
            "Vorrei un caffè e un cornetto, per favore.", "Mio fratello lavora in una piccola libreria a Roma."]),
        ("pt", ["O ônibus chega à praça às nove horas.", "Nós gostamos de caminhar na praia ao pôr do sol.",
            "Você pode me ajudar com estas caixas?", "A minha avó faz o melhor bolo de laranja da cidade."]),
        ("ru", ["Сегодня утром на улице было очень тихо.", "Мы поедем в Москву на поезде в субботу.",
            "Пожалуйста, закройте окно, становится холодно.", "Моя сестра работает учительницей в школе."]),
        ("zh", ["今天天气很好。", "我们明天早上坐火车去北京。", "这家小饭馆的菜非常好吃。", "请把桌子上的那本书递给我。"]),
        ("ja", ["きょうはとてもいいてんきですね。", "あしたのあさ、でんしゃでとうきょうへいきます。",
            "このちいさなみせのりょうりはとてもおいしいです。", "つくえのうえのほんをとってください。"]),
        ("ja (kanji)", ["今日はとても良い天気ですね。", "明日の朝、電車で東京へ行きます。"]),
        ("ko", ["오늘은 날씨가 정말 좋네요.", "우리는 내일 아침에 기차를 타고 부산에 갑니다.",
            "이 작은 식당의 음식은 정말 맛있어요.", "책상 위에 있는 책을 좀 주세요."]),
    ];

    private sealed record Row(string Language, string Reference, string Text, VoiceCloneResult? Result, string? ErrorId,
        double VoicedFraction, bool DurationPlausible, string? Detected)
    {
        public string? Message { get; init; }
    }

    public static int Run(string librispeech, string repositoryRoot)
    {
        if (!Directory.Exists(librispeech)) { Console.WriteLine($"skipped: {librispeech} not found"); return 0; }
        string[] references = CloneEvaluation.References(librispeech);
        EmotionModel emotion = EmotionModel.Load(Path.Combine(repositoryRoot, "models", "emotion"));
        string output = Path.Combine(Path.GetTempPath(), $"voiceclone-bench-ml-{Guid.NewGuid():N}");
        var runLog = new RunLog("bench clone-languages", new Dictionary<string, string?>());
        var catalog = new BaseVoiceCatalog();
        Console.WriteLine($"backends installed: {string.Join(", ", catalog.Installed.Select(b => b.Name))}");
        var workflow = new CloneWorkflow(new VoiceMatchEngine(catalog), emotion, new ReferencePreparer(), runLog, new CloneOptions(output));
        var rows = new List<Row>();
        var watch = Stopwatch.StartNew();
        foreach (var (language, texts) in Samples)
        {
            foreach (string reference in references)
            {
                foreach (string text in texts) rows.Add(CloneOne(workflow, language, reference, text));
            }
        }
        Console.WriteLine($"{rows.Count} clone requests ({references.Length} references) in {watch.Elapsed.TotalSeconds:F0} s, one core");
        Console.WriteLine();
        Console.WriteLine("| language | detected | made / asked | base voices | voiced speech (lowest share) | duration plausible | " +
            "F0 within 5 % | rate within 10 % | validation passed | attempts | errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var group in rows.GroupBy(r => r.Language)) Console.WriteLine(Summary(group.Key, group.ToList()));
        foreach (var failed in rows.Where(r => r.ErrorId is not null).GroupBy(r => (r.Language, r.ErrorId)).Select(g => g.First()))
            Console.WriteLine($"example {failed.Language} {failed.ErrorId}: {failed.Text} -> {failed.Message}");
        Directory.Delete(output, recursive: true);
        return 0;
    }

    private static string Summary(string language, List<Row> rows)
    {
        var made = rows.Where(r => r.Result is not null).ToList();
        string Share(IReadOnlyCollection<Row> of, Func<Row, bool> ok) =>
            of.Count == 0 ? "-" : $"{of.Count(ok)}/{of.Count} ({(double)of.Count(ok) / of.Count:P0})";
        var rated = made.Where(r => double.IsFinite(r.Result!.ArticulationRateRatio)).ToList();
        string voices = string.Join(" ", made.GroupBy(r => r.Result!.BaseVoice).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} x{g.Count()}"));
        string errors = string.Join(", ", rows.Where(r => r.ErrorId is not null).GroupBy(r => r.ErrorId)
            .Select(g => $"{g.Key} x{g.Count()}"));
        string detected = string.Join(" ", rows.Select(r => r.Detected).Distinct());
        string voiced = Share(made, r => r.VoicedFraction >= CloneValidator.MinVoicedFraction) +
            (made.Count == 0 ? "" : $" ({made.Min(r => r.VoicedFraction):F2})");
        string attempts = made.Count == 0 ? "-" : made.Average(r => r.Result!.Attempts).ToString("F2");
        return $"| {language} | {detected} | {made.Count}/{rows.Count} | {voices} | {voiced} | {Share(made, r => r.DurationPlausible)} | " +
            $"{Share(made, r => Math.Abs(r.Result!.PitchRatio - 1) <= 0.05)} | " +
            $"{Share(rated, r => Math.Abs(r.Result!.ArticulationRateRatio - 1) <= 0.10)} | " +
            $"{Share(made, r => r.Result!.Validation == "passed")} | {attempts} | {errors} |";
    }

    private static Row CloneOne(CloneWorkflow workflow, string language, string reference, string text)
    {
        string name = Path.GetFileNameWithoutExtension(reference);
        string? detected = LanguageDetector.Detect(text)?.Tag.ToString();
        try
        {
            VoiceCloneResult clone = workflow.Clone(reference, text, CancellationToken.None);
            // Measured again from the file written: voiced share and length against the text's plausible range.
            var audio = WavReader.ReadMono(clone.AudioPath);
            VoiceFeatures features = ComparisonAnalysis.AnalyzeSpeech(audio, clone.AudioPath, text);
            bool plausible = SpokenLength.Of(text).Contains(audio.DurationSeconds);
            return new Row(language, name, text, clone, null, features.VoicedFraction, plausible, detected);
        }
        catch (VoiceCloneException e)
        {
            return new Row(language, name, text, null, e.ErrorId, double.NaN, false, detected) { Message = e.Message };
        }
    }
}
