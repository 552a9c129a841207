using VoiceClone.Core.Text;

namespace VoiceClone.Core.Tests.Text;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("今天天气很好。", "zh")]
    [InlineData("今日はとても良い天気ですね。", "ja")]
    [InlineData("ありがとうございます", "ja")]
    [InlineData("감사합니다, 또 만나요.", "ko")]
    [InlineData("Спасибо, до свидания.", "ru")]
    [InlineData("Дякую, до побачення, їжак.", "uk")]
    [InlineData("شكرا جزيلا", "ar")]
    [InlineData("چطور هستید", "fa")]
    [InlineData("Ευχαριστώ πολύ", "el")]
    [InlineData("धन्यवाद", "hi")]
    [InlineData("ขอบคุณมาก", "th")]
    [InlineData("תודה רבה", "he")]
    public void A_script_of_one_language_names_it(string text, string language)
    {
        DetectedLanguage detected = LanguageDetector.Detect(text)!;
        Assert.Equal(language, detected.Tag.Language);
        Assert.Equal(LanguageDetector.ByScript, detected.Method);
    }

    [Theory]
    [InlineData("Der Hund schläft im Garten und die Katze auch.", "de")]
    [InlineData("Je voudrais une tasse de thé avec du lait.", "fr")]
    [InlineData("Los niños juegan en el patio de la escuela.", "es")]
    [InlineData("Il treno per Milano parte alle nove.", "it")]
    [InlineData("Eu não sei onde está a minha chave.", "pt")]
    [InlineData("Het weer is vandaag heel mooi.", "nl")]
    [InlineData("Jag tycker om att läsa böcker på kvällen.", "sv")]
    [InlineData("Dzisiaj jest bardzo zimno w Krakowie.", "pl")]
    [InlineData("Bugün hava çok güzel, değil mi?", "tr")]
    [InlineData("The birch canoe slid on the smooth planks.", "en")]
    [InlineData("These days a chicken leg is a rare dish.", "en")]
    [InlineData("Four hours of steady work faced us.", "en")]
    public void Latin_script_is_told_by_its_stop_words(string text, string language)
    {
        DetectedLanguage detected = LanguageDetector.Detect(text)!;
        Assert.Equal(language, detected.Tag.Language);
        Assert.Equal(LanguageDetector.ByStopWords, detected.Method);
    }

    [Fact]
    public void Latin_text_without_a_stop_word_is_taken_as_English_and_says_so()
    {
        DetectedLanguage detected = LanguageDetector.Detect("Hi!")!;
        Assert.Equal("en", detected.Tag.Language);
        Assert.Equal(LanguageDetector.ByDefault, detected.Method);
        Assert.Null(LanguageDetector.Detect("ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ")); // Cherokee: no language in the table is told by its script
        Assert.Null(LanguageDetector.Detect("12, 13 ... !"));
    }

    [Fact]
    public void Letters_of_a_script_the_language_is_not_written_in_are_foreign_but_Latin_never_is()
    {
        Assert.Equal([WritingScript.Han], LanguageDetector.ForeignScripts("Guten Morgen, 今天天气很好。", new LanguageTag("de")));
        Assert.Empty(LanguageDetector.ForeignScripts("今日はとても良い天気ですね。", new LanguageTag("ja")));
        Assert.Empty(LanguageDetector.ForeignScripts("Я купил iPhone вчера.", new LanguageTag("ru")));
        Assert.Equal([WritingScript.Cyrillic], LanguageDetector.ForeignScripts("Hello Привет", new LanguageTag("en")));
        Assert.Empty(LanguageDetector.ForeignScripts("Habari 今天", new LanguageTag("xx"))); // a code outside the table is not checked
    }
}
