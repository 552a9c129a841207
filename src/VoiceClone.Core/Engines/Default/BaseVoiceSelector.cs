using VoiceClone.Core.Dsp;
using VoiceClone.Core.Telemetry;
using VoiceClone.Core.Text;

namespace VoiceClone.Core.Engines.Default;

/// <summary>The base voice a text was spoken with, its speech at the catalog's rate, and the language it was spoken in.</summary>
public sealed record BaseUtterance(BaseVoice Voice, AudioBuffer Audio, LanguageTag Language);

/// <summary>
/// Chooses the default engine's base voice for one text and speaks it: the language is the one asked for, else the fixed
/// voice's, else the text's (<see cref="LanguageDetector"/>); text in a script the language is not written in, or a
/// language no installed voice speaks, is a LanguageUnsupported error, never another language's voice. Among the
/// language's voices the nearest to the reference speaks; a voice group that cannot read the text is set aside for the next.
/// </summary>
public sealed class BaseVoiceSelector(BaseVoiceCatalog catalog, LanguageTag? language = null, BaseVoice? fixedVoice = null)
{
    /// <param name="rank">0 for the nearest voice, 1 for the next nearest, ... (the last when there are fewer).</param>
    public BaseUtterance Speak(string text, VoiceFeatures reference, CancellationToken cancellation, int rank = 0)
    {
        (LanguageTag tag, string how) = Language(text);
        IReadOnlyList<WritingScript> foreign = LanguageDetector.ForeignScripts(text, tag);
        if (foreign.Count > 0)
        {
            throw Unsupported($"The text has {string.Join(" and ", foreign)} letters, which {tag.DisplayName} ({how}) is not written in; " +
                "name the text's language, or speak each language's text separately.");
        }
        List<BaseVoice> candidates = fixedVoice is not null ? [fixedVoice] : [.. catalog.Candidates(tag, cancellation)];
        if (candidates.Count == 0)
        {
            throw Unsupported($"No installed base voice speaks {tag.DisplayName} ({tag}, {how}). " +
                catalog.InstallAdvice(tag, cancellation));
        }
        var reasons = new List<string>();
        while (candidates.Count > 0)
        {
            IReadOnlyList<BaseVoice> ranked = catalog.ByDistance(candidates, reference, cancellation);
            BaseVoice voice = ranked[Math.Min(rank, ranked.Count - 1)];
            BaseSpeech speech = catalog.Speak(text, voice, cancellation);
            if (speech.Unreadable is null)
            {
                ModuleLog.For(VoiceMatchEngine.Source)
                    .Information("Language: {Language} ({How}); base voice {Voice}", tag.DisplayName, how, voice.Name);
                return new BaseUtterance(voice, speech.Audio, tag);
            }
            ModuleLog.For(VoiceMatchEngine.Source).Debug("Base voice {Voice} set aside: {Reason}", voice.Name, speech.Unreadable);
            reasons.Add(speech.Unreadable);
            candidates.RemoveAll(v => v.Backend == voice.Backend && v.Group == voice.Group);
        }
        throw Unsupported($"No installed {tag.DisplayName} voice can read this text: {string.Join("; ", reasons)}. " +
            catalog.InstallAdvice(tag, cancellation));
    }

    private (LanguageTag Tag, string How) Language(string text)
    {
        if (language is not null) return (language, "as asked");
        if (fixedVoice is not null) return (fixedVoice.Language, $"the language of {fixedVoice.Name}");
        DetectedLanguage detected = LanguageDetector.Detect(text) ?? throw Unsupported(
            $"The language of the text cannot be told from its {WritingScripts.Dominant(text)} letters; name it.");
        string how = detected.Method == LanguageDetector.ByDefault
            ? "assumed: no stop word of another language" : $"detected by {detected.Method}";
        return (detected.Tag, how);
    }

    private static VoiceCloneException Unsupported(string message) => new(VoiceCloneErrors.LanguageUnsupported, message);
}
