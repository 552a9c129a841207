namespace VoiceClone.Core.Text;

/// <summary>
/// The small stop-word check that tells Latin-script languages apart: each language's most frequent function words
/// (articles, pronouns, conjunctions, prepositions, the verb "to be") and the letters only it uses.
/// A word counts for every language that lists it; the language with the most counts wins, the first listed on a tie.
/// English stop words ("a", "in", "do", "no") count for English only: English is the commonest text and the fallback.
/// </summary>
internal static class LatinStopWords
{
    public static IReadOnlyList<(string Code, HashSet<string> Words, string Letters)> Languages { get; } = WithoutEnglishWords(
    [
        ("en", W("the and of to is in it that was for on are with as this be at have from you not by but what all were we when there " +
            "can an which their if do will about how up out them she he his her they my me your our has had would these those"), ""),
        ("de", W("der die das und ist nicht ein eine einen ich sie es mit den dem von zu auf für sich auch wir ihr sehr heute noch wie " +
            "aber oder wenn dass im am bei nach hat sind war werden wird kein mein dein haben du mir dich in diese dieser diesem dieses " +
            "einem einer zum zur vom"), "ß"),
        ("fr", W("le la les et est un une des du de que qui dans pour pas ne je vous nous il elle ce sur avec au aux mais ou très sont " +
            "être avoir c'est aujourd'hui j'ai mon ton"), "œîû"),
        ("es", W("el la los las y es un una que de en por para con no se muy hoy está son pero del al como más yo usted nosotros " +
            "hace estoy tengo me mi cuando"), "ñ¿¡"),
        ("it", W("il lo la gli le e è un una che di del della per con non sono molto oggi ma come anche questo questa nel nella " +
            "ho hai sei siamo in mio mia suo sua alle alla al dei delle ci mi ti"), "ìò"),
        ("pt", W("o os as e é um uma que de do da dos das em no na para com não muito hoje mas como está são eu você nós " +
            "tenho estou ao aos às pelo pela nas nos minha meu"), "ãõ"),
        ("nl", W("de het een en is van dat niet ik je zijn op te met voor er maar ook heel vandaag wij hij zij jij"), ""),
        ("sv", W("och att det är en ett som på för med inte jag du vi han hon av till den har mycket idag"), ""),
        ("da", W("og at det er en et som på for med ikke jeg du vi han hun af til den har meget dag"), "æø"),
        ("nb", W("og å det er en et som på for med ikke jeg du vi han hun av til den har veldig dag"), "æø"),
        ("fi", W("ja on ei se että hän minä sinä me he tämä mutta kun oli ovat hyvin tänään kanssa"), ""),
        ("pl", W("w z na się nie jest to że do jak ale co tak bardzo dzisiaj jestem są od"), "ąęłńśźż"),
        ("cs", W("v se na je to že s z do jak ale co tak velmi dnes jsem jsou od není"), "ěřů"),
        ("ro", W("și în de la cu pe este nu o un care că foarte azi astăzi sunt mai pentru"), "șțăş"),
        ("hu", W("az és hogy nem egy van meg de ez azt nagyon ma vagyok volt"), "őű"),
        ("tr", W("ve bir bu da de için ile çok değil ben sen ne gibi bugün var yok"), "ğış"),
        ("id", W("yang dan di ini itu dengan untuk tidak ada saya sangat hari"), ""),
        ("vi", W("và là của có không tôi một rất hôm nay"), "ơưđ"),
    ]);

    private static List<(string Code, HashSet<string> Words, string Letters)> WithoutEnglishWords(
        List<(string Code, HashSet<string> Words, string Letters)> languages)
    {
        foreach (var (_, words, _) in languages.Skip(1)) words.ExceptWith(languages[0].Words);
        return languages;
    }

    private static HashSet<string> W(string words) => new(words.Split(' '), StringComparer.Ordinal);
}
