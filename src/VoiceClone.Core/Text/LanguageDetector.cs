namespace VoiceClone.Core.Text;

/// <summary>A detected language and how it was told.</summary>
public sealed record DetectedLanguage(LanguageTag Tag, string Method);

/// <summary>
/// Tells the language of a text to speak: from its dominant script where the script belongs to one language (Kana →
/// Japanese, Hangul → Korean, Han → Chinese, Greek, Thai, ...), from letters that only one language of a shared script uses
/// (Ukrainian і ї є ґ among Cyrillic, Urdu ٹ ڈ ڑ among Arabic letters), and for Latin script from a stop-word count
/// (<see cref="LatinStopWords"/>). Latin text with no stop word is taken as English.
/// </summary>
public static class LanguageDetector
{
    public const string ByScript = "script", ByStopWords = "stop words", ByDefault = "default";

    private static readonly Dictionary<WritingScript, string> SingleLanguageScripts = new()
    {
        [WritingScript.Greek] = "el", [WritingScript.Armenian] = "hy", [WritingScript.Hebrew] = "he", [WritingScript.Devanagari] = "hi",
        [WritingScript.Bengali] = "bn", [WritingScript.Gurmukhi] = "pa", [WritingScript.Gujarati] = "gu", [WritingScript.Oriya] = "or",
        [WritingScript.Tamil] = "ta", [WritingScript.Telugu] = "te", [WritingScript.Kannada] = "kn", [WritingScript.Malayalam] = "ml",
        [WritingScript.Sinhala] = "si", [WritingScript.Thai] = "th", [WritingScript.Lao] = "lo", [WritingScript.Tibetan] = "bo",
        [WritingScript.Myanmar] = "my", [WritingScript.Georgian] = "ka", [WritingScript.Hangul] = "ko", [WritingScript.Ethiopic] = "am",
        [WritingScript.Khmer] = "km", [WritingScript.Kana] = "ja", [WritingScript.Han] = "zh",
    };

    // Letters that mark one language among those sharing a script, checked in this order.
    private static readonly (string Code, string Letters)[] CyrillicMarkers =
        [("uk", "іїєґ"), ("be", "ў"), ("sr", "ђћџљњј"), ("mk", "ѓќѕ"), ("kk", "әғқңөұүһ")];
    private static readonly (string Code, string Letters)[] ArabicMarkers = [("ur", "ٹڈڑںے"), ("fa", "پچژگ")];
    private static readonly char[] Punctuation = [.. ",.;:!?\"()«»„“”¿¡-–—"];

    /// <summary>The text's language; null when its letters are in a script no language in the module's table is told by.</summary>
    public static DetectedLanguage? Detect(string text)
    {
        WritingScript script = WritingScripts.Dominant(text);
        // Han with any Kana is Japanese: Dominant counts the two together as Kana.
        if (SingleLanguageScripts.TryGetValue(script, out string? code)) return new DetectedLanguage(new LanguageTag(code), ByScript);
        return script switch
        {
            WritingScript.Cyrillic => new DetectedLanguage(new LanguageTag(Marked(text, CyrillicMarkers) ?? "ru"), ByScript),
            WritingScript.Arabic => new DetectedLanguage(new LanguageTag(Marked(text, ArabicMarkers) ?? "ar"), ByScript),
            WritingScript.Latin => Latin(text),
            _ => null,
        };
    }

    /// <summary>
    /// The scripts of the text's letters that <paramref name="language"/> is not written in (Latin is always allowed: names,
    /// brands and acronyms); empty for a language outside the module's table.
    /// </summary>
    public static IReadOnlyList<WritingScript> ForeignScripts(string text, LanguageTag language)
    {
        if (SpeechLanguages.Find(language.Language) is not { } known) return [];
        return WritingScripts.Count(text).Keys
            .Where(s => s != WritingScript.Latin && !known.Scripts.Contains(s)).Order().ToList();
    }

    private static string? Marked(string text, (string Code, string Letters)[] markers)
    {
        string lower = text.ToLowerInvariant();
        foreach (var (code, letters) in markers)
            if (lower.AsSpan().IndexOfAny(letters) >= 0) return code;
        return null;
    }

    private static DetectedLanguage Latin(string text)
    {
        string[] tokens = text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        string[] words = tokens.Select(w => w.Trim(Punctuation)).ToArray();
        string best = "en";
        int bestScore = 0;
        foreach (var (code, stopWords, letters) in LatinStopWords.Languages)
        {
            int marked = letters.Length == 0 ? 0 : tokens.Count(t => t.AsSpan().IndexOfAny(letters) >= 0);
            int score = words.Count(stopWords.Contains) + marked;
            if (score > bestScore) (best, bestScore) = (code, score);
        }
        return new DetectedLanguage(new LanguageTag(best), bestScore == 0 ? ByDefault : ByStopWords);
    }
}
