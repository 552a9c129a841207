using VoiceClone.Core.Engines.Default;
using VoiceClone.Core.Tests.Support;
using VoiceClone.Core.Text;
using static VoiceClone.Core.Tests.Support.FakeBaseVoiceBackend;

namespace VoiceClone.Core.Tests.Engines.Default;

/// <summary>Which base voice speaks a text, behind the backend interface: languages, backend order, regions, pitch.</summary>
public sealed class BaseVoiceSelectionTests
{
    private static readonly VoiceFeatures LowMale = new() { PitchMedian = 100 }, HighFemale = new() { PitchMedian = 230 };

    // Pitch by gender: male voices 100 Hz, female 220 Hz, unknown 150 Hz.
    private static double Pitch(BaseVoice v) => v.Gender switch { VoiceGender.Male => 100, VoiceGender.Female => 220, _ => 150 };

    private static FakeBaseVoiceBackend Flite(bool installed = true) => new("flite",
        [Voice("flite", "awb", "en-us", VoiceGender.Male), Voice("flite", "slt", "en-us", VoiceGender.Female)], Pitch)
    {
        Installed = installed,
    };

    private static FakeBaseVoiceBackend Espeak(bool installed = true) => new("espeak-ng",
    [
        Voice("espeak-ng", "en-gb", "en-gb", VoiceGender.Male, 2), Voice("espeak-ng", "de", "de", VoiceGender.Male),
        Voice("espeak-ng", "de+f3", "de", VoiceGender.Female) with { Group = "de" }, Voice("espeak-ng", "ko", "ko", VoiceGender.Male),
        Voice("espeak-ng", "pt", "pt", VoiceGender.Male), Voice("espeak-ng", "pt-br", "pt-br", VoiceGender.Male),
        Voice("espeak-ng", "ja", "ja", VoiceGender.Male),
    ], Pitch) { CannotRead = { ["ja"] = WritingScript.Han }, Installed = installed };

    /// <summary>A Windows machine's SAPI voices (System.Speech's names, cultures and genders), as SapiBackend describes them.</summary>
    private static FakeBaseVoiceBackend Sapi() => new("sapi",
    [
        SapiBackend.Describe("Microsoft David Desktop", "en-US", "Male"), SapiBackend.Describe("Microsoft Zira Desktop", "en-US", "Female"),
        SapiBackend.Describe("Microsoft Hedda Desktop", "de-DE", "Female"), SapiBackend.Describe("Microsoft Stefan", "de-DE", "Male"),
        SapiBackend.Describe("Microsoft Haruka Desktop", "ja-JP", "Female"),
        SapiBackend.Describe("Microsoft Maria Desktop", "pt-BR", "Female"),
    ], Pitch);

    private static BaseUtterance Speak(BaseVoiceCatalog catalog, string text, VoiceFeatures reference, string? language = null,
        int rank = 0) =>
        new BaseVoiceSelector(catalog, language is null ? null : LanguageTag.Parse(language))
            .Speak(text, reference, CancellationToken.None, rank);

    [Fact]
    public void German_text_is_never_spoken_by_an_English_voice()
    {
        const string german = "Guten Morgen, die Straße ist heute sehr ruhig.";
        var catalog = new BaseVoiceCatalog([Flite(), Espeak()]);
        Assert.Equal("espeak-ng:de", Speak(catalog, german, LowMale).Voice.Name);
        Assert.Equal("espeak-ng:de+f3", Speak(catalog, german, HighFemale).Voice.Name);
        // flite before espeak-ng for English
        Assert.Equal("flite:awb", Speak(catalog, "The birch canoe slid on the smooth planks.", LowMale).Voice.Name);

        var englishOnly = new BaseVoiceCatalog([Flite(), Espeak(installed: false)]);
        var e = Assert.Throws<VoiceCloneException>(() => Speak(englishOnly, german, LowMale));
        Assert.Equal("LanguageUnsupported", e.ErrorId);
        Assert.Contains("No installed base voice speaks German (de, detected by stop words)", e.Message);
        Assert.Contains("Installed: flite (English)", e.Message);
        Assert.Contains("espeak-ng with a German voice", e.Message); // what to install
    }

    [Fact]
    public void Text_in_a_script_the_language_is_not_written_in_is_refused_before_any_voice_speaks()
    {
        var espeak = Espeak();
        var catalog = new BaseVoiceCatalog([Flite(), espeak]);
        var e = Assert.Throws<VoiceCloneException>(() => Speak(catalog, "今天天气很好。", LowMale, language: "German"));
        Assert.Equal("LanguageUnsupported", e.ErrorId);
        Assert.Contains("Han letters, which German (as asked) is not written in", e.Message);
        Assert.Empty(espeak.Spoken);
        // Chinese detected, and no installed voice speaks it.
        Assert.Contains("No installed base voice speaks Chinese (zh, detected by script)",
            Assert.Throws<VoiceCloneException>(() => Speak(catalog, "今天天气很好。", LowMale)).Message);
    }

    [Fact]
    public void Windows_SAPI_voices_are_chosen_by_language_and_pitch_before_espeak_ng()
    {
        var catalog = new BaseVoiceCatalog([Flite(installed: false), Sapi(), Espeak()]);
        const string german = "Wir fahren am Wochenende mit dem Zug nach Hamburg.";
        Assert.Equal("sapi:Microsoft Stefan", Speak(catalog, german, LowMale).Voice.Name);
        Assert.Equal("sapi:Microsoft Hedda Desktop", Speak(catalog, german, HighFemale).Voice.Name);
        Assert.Equal("sapi:Microsoft Zira Desktop", Speak(catalog, "See you again tomorrow.", HighFemale).Voice.Name);
        Assert.Equal("sapi:Microsoft Haruka Desktop", Speak(catalog, "今日はとても良い天気ですね。", LowMale).Voice.Name);
        Assert.Equal("espeak-ng:ko", Speak(catalog, "오늘은 날씨가 정말 좋네요.", LowMale).Voice.Name); // SAPI has no Korean here
        BaseVoice hedda = Assert.Single(Sapi().ListVoices(default), v => v.Id == "Microsoft Hedda Desktop");
        Assert.Equal(new LanguageTag("de", "de"), hedda.Language);
    }

    [Fact]
    public void A_region_asked_for_is_found_in_any_backend_before_other_regions_and_priorities_decide_among_the_rest()
    {
        var catalog = new BaseVoiceCatalog([Sapi(), Espeak()]);
        Assert.Equal(["sapi:Microsoft Maria Desktop"], catalog.Candidates(new LanguageTag("pt", "br"), default).Select(v => v.Name));
        var espeakOnly = new BaseVoiceCatalog([Espeak()]);
        Assert.Equal(["espeak-ng:pt-br"], espeakOnly.Candidates(new LanguageTag("pt", "br"), default).Select(v => v.Name));
        // Without a region: the voice whose own tag is bare "pt" before the Brazilian one.
        Assert.Equal(["espeak-ng:pt"], espeakOnly.Candidates(new LanguageTag("pt"), default).Select(v => v.Name));
        Assert.Empty(catalog.Candidates(new LanguageTag("sw"), default));
    }

    [Fact]
    public void A_voice_that_cannot_read_the_text_is_set_aside_and_when_none_can_the_error_says_why()
    {
        var espeak = Espeak();
        var catalog = new BaseVoiceCatalog([espeak]);
        Assert.Equal("espeak-ng:ja", Speak(catalog, "きょうはとてもいいてんきですね。", LowMale).Voice.Name); // kana only
        var e = Assert.Throws<VoiceCloneException>(() => Speak(catalog, "今日はとても良い天気ですね。", LowMale));
        Assert.Equal("LanguageUnsupported", e.ErrorId);
        Assert.Contains("No installed Japanese voice can read this text: ja cannot read Han", e.Message);
    }

    [Fact]
    public void A_retry_asking_for_the_next_voice_gets_the_next_nearest()
    {
        var catalog = new BaseVoiceCatalog([Flite(), Espeak()]);
        Assert.Equal("flite:awb", Speak(catalog, "Good morning to you.", LowMale, rank: 0).Voice.Name);
        Assert.Equal("flite:slt", Speak(catalog, "Good morning to you.", LowMale, rank: 1).Voice.Name);
        Assert.Equal("flite:slt", Speak(catalog, "Good morning to you.", LowMale, rank: 5).Voice.Name); // the last when fewer
    }

    [Fact]
    public void The_engine_checks_its_settings_once_per_call()
    {
        var catalog = new BaseVoiceCatalog([Flite(), Espeak()]);
        string Error(string language, string? voice) =>
            Assert.Throws<VoiceCloneException>(() => VoiceMatchEngine.Create(catalog, language, voice, default)).ErrorId;
        Assert.Equal("LanguageUnsupported", Error("Klingon", null));
        Assert.Equal("LanguageUnsupported", Error("sw", null)); // no installed voice speaks Swahili
        Assert.Equal("ConfigurationInvalid", Error("auto", "espeak-ng:nosuch"));
        Assert.Equal("ConfigurationInvalid", Error("fr", "flite:awb")); // an English voice for French text
        Assert.NotNull(VoiceMatchEngine.Create(catalog, "German", "espeak-ng:de+f3", default));
        Assert.NotNull(VoiceMatchEngine.Create(catalog, "auto", "awb", default)); // an id alone, as before
        Assert.Equal("flite:awb", catalog.Find("AWB", default)!.Name);

        var none = new BaseVoiceCatalog([Flite(installed: false), Espeak(installed: false)]);
        Assert.Equal("SynthesizerMissing",
            Assert.Throws<VoiceCloneException>(() => VoiceMatchEngine.Create(none, "auto", null, default)).ErrorId);
        var englishOnly = new BaseVoiceCatalog([Flite(), Espeak(installed: false)]);
        Assert.Equal("SynthesizerMissing", Assert.Throws<VoiceCloneException>(() => englishOnly.Find("espeak-ng:de", default)).ErrorId);
    }
}
