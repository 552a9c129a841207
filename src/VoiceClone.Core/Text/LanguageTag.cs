using System.Text.RegularExpressions;

namespace VoiceClone.Core.Text;

/// <summary>
/// A language and, optionally, its region, read from a BCP 47 tag (RFC 5646: "de", "pt-BR", "zh-yue", "en-029",
/// "cmn-Latn-pinyin") or an English language name ("German"). The language is lower-case ISO 639 with the
/// macrolanguage aliases folded (cmn → zh, no → nb); the script subtag, variants and private use are ignored.
/// </summary>
public sealed partial record LanguageTag(string Language, string? Region = null)
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["cmn"] = "zh", ["no"] = "nb", ["iw"] = "he", ["in"] = "id", ["ji"] = "yi", ["fil"] = "tl",
    };

    public override string ToString() => Region is null ? Language : $"{Language}-{Region}";

    /// <summary>The English name of the language ("German"), or its code when it is not in the module's table.</summary>
    public string DisplayName => SpeechLanguages.Find(Language)?.Name ?? Language;

    /// <summary>A BCP 47 tag or an English language name; null when it is neither.</summary>
    public static LanguageTag? Parse(string text)
    {
        string trimmed = text.Trim();
        if (SpeechLanguages.FindByName(trimmed) is { } named) return new LanguageTag(named.Code);
        string[] subtags = trimmed.Replace('_', '-').ToLowerInvariant().Split('-');
        if (!LanguageSubtag().IsMatch(subtags[0])) return null;
        string language = subtags[0];
        string? region = null;
        for (int i = 1; i < subtags.Length && subtags[i] != "x"; i++)
        {
            string s = subtags[i];
            // An extended language subtag right after a two-letter language names the language itself (zh-yue = yue).
            if (i == 1 && language.Length == 2 && ExtendedLanguageSubtag().IsMatch(s)) language = s;
            else if (region is null && RegionSubtag().IsMatch(s)) region = s;
            else if (!SubtagShape().IsMatch(s)) return null;
        }
        return new LanguageTag(Aliases.GetValueOrDefault(language, language), region);
    }

    /// <summary>
    /// How well a voice tagged <paramref name="voice"/> serves this request: 0 the same language and region, 1 the same
    /// language where one side names no region, 2 the same language in another region, null another language.
    /// </summary>
    public int? Distance(LanguageTag voice)
    {
        if (voice.Language != Language) return null;
        if (voice.Region == Region) return 0;
        return voice.Region is null || Region is null ? 1 : 2;
    }

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageSubtag();
    [GeneratedRegex("^[a-z]{3}$")]
    private static partial Regex ExtendedLanguageSubtag();
    [GeneratedRegex("^([a-z]{2}|[0-9]{3})$")]
    private static partial Regex RegionSubtag();
    [GeneratedRegex("^[a-z0-9]{1,8}$")]
    private static partial Regex SubtagShape();
}
