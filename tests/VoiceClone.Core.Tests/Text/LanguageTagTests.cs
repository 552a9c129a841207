using VoiceClone.Core.Text;

namespace VoiceClone.Core.Tests.Text;

public sealed class LanguageTagTests
{
    [Theory]
    [InlineData("German", "de", null)]
    [InlineData("chinese", "zh", null)]
    [InlineData("de-DE", "de", "de")]
    [InlineData("pt_BR", "pt", "br")]
    [InlineData("es-419", "es", "419")]
    [InlineData("zh-yue", "yue", null)]
    [InlineData("cmn-Latn-pinyin", "zh", null)]
    [InlineData("en-gb-x-rp", "en", "gb")]
    [InlineData("en-GB-scotland", "en", "gb")]
    [InlineData("no", "nb", null)]
    public void Names_and_BCP_47_tags_give_the_language_and_region(string text, string language, string? region)
    {
        Assert.Equal(new LanguageTag(language, region), LanguageTag.Parse(text));
    }

    [Theory]
    [InlineData("Klingon")]
    [InlineData("auto")]
    [InlineData("de DE")]
    [InlineData("")]
    public void Anything_else_is_no_language(string text) => Assert.Null(LanguageTag.Parse(text));

    [Fact]
    public void A_region_asked_for_is_nearer_than_none_and_none_nearer_than_another()
    {
        var brazil = new LanguageTag("pt", "br");
        Assert.Equal(0, brazil.Distance(new LanguageTag("pt", "br")));
        Assert.Equal(1, brazil.Distance(new LanguageTag("pt")));
        Assert.Equal(2, brazil.Distance(new LanguageTag("pt", "pt")));
        Assert.Null(brazil.Distance(new LanguageTag("es")));
        Assert.Equal("German", new LanguageTag("de").DisplayName);
    }
}
