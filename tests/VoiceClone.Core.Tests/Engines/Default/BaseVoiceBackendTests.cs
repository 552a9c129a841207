using VoiceClone.Core.Analysis;
using VoiceClone.Core.Engines.Default;
using VoiceClone.Core.Tests.Support;
using VoiceClone.Core.Text;

namespace VoiceClone.Core.Tests.Engines.Default;

/// <summary>What each backend reads from its synthesiser (recorded listings), and the real ones where they are installed.</summary>
public sealed class BaseVoiceBackendTests
{
    // espeak-ng 1.51 (Debian 12) `--voices`, an excerpt.
    private const string EspeakVoices = """
        Pty Language       Age/Gender VoiceName          File                 Other Languages
         5  cmn             --/M      Chinese_(Mandarin,_latin_as_English) sit/cmn              (zh-cmn 5)(zh 5)
         5  cmn-latn-pinyin --/M      Chinese_(Mandarin,_latin_as_Pinyin) sit/cmn-Latn-pinyin  (zh-cmn 5)(zh 5)
         5  de              --/M      German             gmw/de
         2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)
         2  en-us           --/M      English_(America)  gmw/en-US            (en 3)
         5  fr-fr           --/M      French_(France)    roa/fr               (fr 5)
         7  fr-fr           --/F      french-mbrola-4    mb/mb-fr4            (fr 7)
         5  pt              --/M      Portuguese_(Portugal) roa/pt               (pt-pt 5)
         5  pt-br           --/M      Portuguese_(Brazil) roa/pt-BR            (pt 6)
         5  yue             --/M      Chinese_(Cantonese) sit/yue              (zh-yue 5)(zh 8)
         5  yue             --/M      Chinese_(Cantonese,_latin_as_Jyutping) sit/yue-Latn-jyutping (zh-yue 5)(zh 8)
        """;

    private const string EspeakVariants = """
        Pty Language       Age/Gender VoiceName          File                 Other Languages
         5  variant         --/M      male3              !v/m3
         5  variant         --/F      female3            !v/f3
         5  variant         --/F      Linda              !v/linda
        """;

    [Fact]
    public void The_espeak_ng_listing_gives_each_language_voice_its_file_and_priorities_without_MBROLA()
    {
        var entries = EspeakVoiceList.ParseVoices(EspeakVoices);
        Assert.Equal(["cmn", "cmn-latn-pinyin", "de", "en-gb", "en-us", "fr-fr", "pt", "pt-br", "yue", "yue-latn-jyutping"],
            entries.Select(e => e.Id));
        var pinyin = entries.Single(e => e.Id == "cmn-latn-pinyin");
        Assert.Equal("sit/cmn-Latn-pinyin", pinyin.File);
        Assert.All(pinyin.Languages, l => Assert.Equal("zh", l.Tag.Language));
        var cantonese = entries.Single(e => e.Id == "yue");
        Assert.Equal([(new LanguageTag("yue"), 5), (new LanguageTag("yue"), 5), (new LanguageTag("zh"), 8)],
            cantonese.Languages.Select(l => (l.Tag, l.Priority)));
        Assert.Equal(VoiceGender.Female, EspeakVoiceList.ParseVariants(EspeakVariants)["f3"]);
        Assert.Equal(["m3", "f3", "linda"], EspeakVoiceList.ParseVariants(EspeakVariants).Keys);
    }

    [Fact]
    public void Chinese_means_Mandarin_Portuguese_means_Portugal_and_English_espeak_ng_s_first_choice()
    {
        var voices = EspeakVoiceList.ParseVoices(EspeakVoices)
            .Select(e => new BaseVoice("espeak-ng", e.Id, e.Languages, e.Gender) { Handle = e.File }).ToList();
        var catalog = new BaseVoiceCatalog([new FakeBaseVoiceBackend("espeak-ng", voices, _ => 100)]);
        string[] Ids(string tag) => catalog.Candidates(LanguageTag.Parse(tag)!, default).Select(v => v.Id).ToArray();
        Assert.Equal(["cmn", "cmn-latn-pinyin"], Ids("zh"));
        Assert.Equal(["yue", "yue-latn-jyutping"], Ids("yue"));
        Assert.Equal(["pt"], Ids("pt"));
        Assert.Equal(["pt-br"], Ids("pt-BR"));
        Assert.Equal(["en-gb"], Ids("English"));
        Assert.Equal(["en-us"], Ids("en-US"));
        Assert.Equal(["fr-fr"], Ids("fr"));
    }

    [Fact]
    public void Stretches_read_with_another_language_s_rules_are_counted_from_the_phonemes()
    {
        // espeak-ng 1.51 -x: Japanese kanji read as English "Chinese letter"; Mandarin tone digits read in English; a brand in German.
        const string kanji = "_:(en)tS'aIni:z(ja)l'et@ _:(en)tS'aIni:z(ja)l'et@ h'a t'o t'e m'o";
        const string digits = "(en)dZI55nw'055n_| tja55nw'055n_| h,eI55@55Tr'i:55(cmn)_|";
        const string brand = "_|IC hA:b@ _|aIn _!'i: f'o:n@ fOn (en)m'aIkr@s,0ft(de) g@k'aUft";
        Assert.Equal(2, EspeakVoiceList.ForeignStretches(kanji, new LanguageTag("ja")));
        Assert.Equal(1, EspeakVoiceList.ForeignStretches(digits, new LanguageTag("zh")));
        Assert.Equal(1, EspeakVoiceList.ForeignStretches(brand, new LanguageTag("de")));
        Assert.Equal(0, EspeakVoiceList.ForeignStretches("h'alo: v'Elt", new LanguageTag("de")));
    }

    [Fact]
    public void The_say_listing_gives_names_with_spaces_and_locales()
    {
        const string listing = """
            Alex                en_US    # Most people recognize me by my voice.
            Anna                de_DE    # Hallo, ich heiße Anna und ich bin eine deutsche Stimme.
            Eddy (German (Germany)) de_DE    # Hallo! Ich heiße Eddy.
            Bad News            en_US    # The light you see at the end of the tunnel is the headlamp of a fast approaching train.
            Mei-Jia             zh_TW    # 您好，我叫美佳。我說國語。
            """;
        var voices = SayBackend.ParseVoices(listing);
        Assert.Equal(["Alex", "Anna", "Eddy (German (Germany))", "Bad News", "Mei-Jia"], voices.Select(v => v.Id));
        Assert.Equal(new LanguageTag("de", "de"), voices[2].Language);
        Assert.Equal(new LanguageTag("zh", "tw"), voices[4].Language);
        Assert.Equal("say:Eddy (German (Germany))", voices[2].Name);
    }

    [Fact]
    public void SAPI_voices_are_described_from_their_culture_and_gender_and_their_PCM_read_as_samples()
    {
        BaseVoice hedda = SapiBackend.Describe("Microsoft Hedda Desktop", "de-DE", "Female");
        Assert.Equal("sapi:Microsoft Hedda Desktop", hedda.Name);
        Assert.Equal(new LanguageTag("de", "de"), hedda.Language);
        Assert.Equal(VoiceGender.Female, hedda.Gender);
        Assert.Equal(VoiceGender.Unknown, SapiBackend.Describe("Voice", "en-US", "NotSet").Gender);
        var audio = SapiBackend.FromPcm16([0x00, 0x40, 0x00, 0xC0, 0xFF, 0x7F], SapiBackend.SampleRateHz);
        Assert.Equal([0.5f, -0.5f, 32767 / 32768f], audio.Samples);
        Assert.Equal(SapiBackend.SampleRateHz, audio.SampleRateHz);
    }

    [SkippableFact]
    public void SAPI_and_say_are_absent_off_their_systems_and_list_no_voices()
    {
        Skip.If(OperatingSystem.IsWindows() || OperatingSystem.IsMacOS(), "skipped: this test is for systems without SAPI and say");
        foreach (IBaseVoiceBackend backend in new IBaseVoiceBackend[] { new SapiBackend(), new SayBackend() })
        {
            Assert.False(backend.Availability.Installed);
            Assert.Empty(backend.ListVoices(default));
            Assert.Null(backend.InstallHint(new LanguageTag("de")));
        }
        var catalog = new BaseVoiceCatalog([new SapiBackend()]);
        var e = Assert.Throws<VoiceCloneException>(() => catalog.Find("sapi:Microsoft David Desktop", default));
        Assert.Equal("SynthesizerMissing", e.ErrorId);
        Assert.Equal("SynthesizerMissing", Assert.Throws<VoiceCloneException>(catalog.RequireInstalled).ErrorId);
    }

    [SkippableFact]
    public void The_real_espeak_ng_speaks_German_and_Mandarin_and_cannot_read_kanji()
    {
        Synthesizers.Require("espeak-ng", "espeak-ng");
        var espeak = new EspeakNgBackend();
        var voices = espeak.ListVoices(default);
        Assert.Contains(voices, v => v.Id == "de+f3" && v.Gender == VoiceGender.Female && v.Group == "de");
        Assert.True(voices.Select(v => v.Language.Language).Distinct().Count() > 100);

        BaseVoice german = voices.Single(v => v.Id == "de");
        BaseSpeech speech = espeak.Speak("Guten Morgen, die Straße ist heute sehr ruhig.", german, default);
        Assert.Null(speech.Unreadable);
        VoiceFeatures features = ComparisonAnalysis.AnalyzeSpeech(speech.Audio, "de", null);
        Assert.True(features.VoicedFraction > 0.2 && speech.Audio.DurationSeconds > 1.5,
            $"{features.VoicedFraction} {speech.Audio.DurationSeconds}");

        // A variant changes the voice: espeak-ng drops it when a voice is named by a language with a region, so voices go by file.
        BaseVoice french = voices.Single(v => v.Id == "fr-fr"), frenchF3 = voices.Single(v => v.Id == "fr-fr+f3");
        double Pitch(BaseVoice v) =>
            ComparisonAnalysis.AnalyzeSpeech(espeak.Speak("Bonjour, comment allez-vous?", v, default).Audio, v.Id, null).PitchMedian;
        Assert.True(Pitch(frenchF3) > 1.4 * Pitch(french));

        BaseVoice pinyin = voices.Single(v => v.Id == "cmn-latn-pinyin");
        Assert.Null(espeak.Speak("今天天气很好。", pinyin, default).Unreadable);
        string? kanji = espeak.Speak("今日はとても良い天気ですね。", voices.Single(v => v.Id == "ja"), default).Unreadable;
        Assert.Contains("reads kana only", kanji);
    }
}
