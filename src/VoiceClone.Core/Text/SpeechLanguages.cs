namespace VoiceClone.Core.Text;

/// <summary>A language the module knows by name: its ISO 639 code, English name and the scripts it is written in.</summary>
public sealed record SpeechLanguage(string Code, string Name, IReadOnlyList<WritingScript> Scripts, IReadOnlyList<string> OtherNames);

/// <summary>
/// The languages the module can name, detect and check text against: Qwen3-TTS's ten and the widely spoken ones that
/// espeak-ng, Windows and macOS have voices for. A language outside the table is still accepted by code; its text is then
/// not checked against its script.
/// </summary>
public static class SpeechLanguages
{
    private static readonly WritingScript[] Latin = [WritingScript.Latin];

    public static IReadOnlyList<SpeechLanguage> All { get; } =
    [
        L("en", "English"), L("de", "German"), L("fr", "French"), L("es", "Spanish", "castilian"), L("it", "Italian"),
        L("pt", "Portuguese"), L("nl", "Dutch", "flemish"), L("sv", "Swedish"), L("da", "Danish"),
        L("nb", "Norwegian", "bokmal", "bokmål"),
        L("fi", "Finnish"), L("pl", "Polish"), L("cs", "Czech"), L("sk", "Slovak"), L("sl", "Slovenian"), L("hr", "Croatian"),
        L("bs", "Bosnian"), L("ro", "Romanian"), L("hu", "Hungarian"), L("tr", "Turkish"), L("id", "Indonesian"), L("ms", "Malay"),
        L("vi", "Vietnamese"), L("ca", "Catalan"), L("et", "Estonian"), L("lv", "Latvian"), L("lt", "Lithuanian"), L("is", "Icelandic"),
        L("ga", "Irish"), L("cy", "Welsh"), L("eu", "Basque"), L("sq", "Albanian"), L("af", "Afrikaans"), L("sw", "Swahili"),
        L("eo", "Esperanto"), L("la", "Latin"), L("tl", "Tagalog", "filipino"), L("az", "Azerbaijani"), L("uz", "Uzbek"),
        S("ru", "Russian", WritingScript.Cyrillic), S("uk", "Ukrainian", WritingScript.Cyrillic),
        S("be", "Belarusian", WritingScript.Cyrillic),
        S("bg", "Bulgarian", WritingScript.Cyrillic), S("sr", "Serbian", WritingScript.Cyrillic, WritingScript.Latin),
        S("mk", "Macedonian", WritingScript.Cyrillic), S("kk", "Kazakh", WritingScript.Cyrillic), S("ky", "Kyrgyz", WritingScript.Cyrillic),
        S("tt", "Tatar", WritingScript.Cyrillic), S("el", "Greek", WritingScript.Greek), S("hy", "Armenian", WritingScript.Armenian),
        S("ka", "Georgian", WritingScript.Georgian), S("he", "Hebrew", WritingScript.Hebrew), S("ar", "Arabic", WritingScript.Arabic),
        S("fa", "Persian", WritingScript.Arabic) with { OtherNames = ["farsi"] }, S("ur", "Urdu", WritingScript.Arabic),
        S("hi", "Hindi", WritingScript.Devanagari), S("mr", "Marathi", WritingScript.Devanagari),
        S("ne", "Nepali", WritingScript.Devanagari),
        S("bn", "Bengali", WritingScript.Bengali) with { OtherNames = ["bangla"] }, S("pa", "Punjabi", WritingScript.Gurmukhi),
        S("gu", "Gujarati", WritingScript.Gujarati), S("or", "Odia", WritingScript.Oriya) with { OtherNames = ["oriya"] },
        S("ta", "Tamil", WritingScript.Tamil), S("te", "Telugu", WritingScript.Telugu), S("kn", "Kannada", WritingScript.Kannada),
        S("ml", "Malayalam", WritingScript.Malayalam), S("si", "Sinhala", WritingScript.Sinhala), S("th", "Thai", WritingScript.Thai),
        S("lo", "Lao", WritingScript.Lao), S("my", "Burmese", WritingScript.Myanmar) with { OtherNames = ["myanmar"] },
        S("km", "Khmer", WritingScript.Khmer), S("am", "Amharic", WritingScript.Ethiopic), S("bo", "Tibetan", WritingScript.Tibetan),
        S("zh", "Chinese", WritingScript.Han) with { OtherNames = ["mandarin"] }, S("yue", "Cantonese", WritingScript.Han),
        S("ja", "Japanese", WritingScript.Kana, WritingScript.Han), S("ko", "Korean", WritingScript.Hangul, WritingScript.Han),
    ];

    private static readonly Dictionary<string, SpeechLanguage> ByCode = All.ToDictionary(l => l.Code, StringComparer.Ordinal);
    private static readonly Dictionary<string, SpeechLanguage> ByName = All
        .SelectMany(l => l.OtherNames.Append(l.Name).Select(n => (Name: n, Language: l)))
        .ToDictionary(p => p.Name, p => p.Language, StringComparer.OrdinalIgnoreCase);

    public static SpeechLanguage? Find(string code) => ByCode.GetValueOrDefault(code);

    public static SpeechLanguage? FindByName(string name) => ByName.GetValueOrDefault(name);

    private static SpeechLanguage L(string code, string name, params string[] otherNames) => new(code, name, Latin, otherNames);

    private static SpeechLanguage S(string code, string name, params WritingScript[] scripts) => new(code, name, scripts, []);
}
