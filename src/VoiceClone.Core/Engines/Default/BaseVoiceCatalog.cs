using VoiceClone.Core.Analysis;
using VoiceClone.Core.Caching;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Text;

namespace VoiceClone.Core.Engines.Default;

/// <summary>
/// The base voices of every installed backend and their measured character: each backend is asked for its voices once,
/// each voice is analysed once per catalog (the runtime keeps one for the session) on a calibration text, and a
/// reference is matched to the nearest voice of its text's language. Thread-safe.
/// </summary>
public sealed class BaseVoiceCatalog
{
    public const int SampleRateHz = 16000;

    /// <summary>The opening of the Rainbow Passage (Fairbanks 1960), the classic voice-analysis text: English voices read it.</summary>
    public const string CalibrationText =
        "When the sunlight strikes raindrops in the air, they act as a prism and form a rainbow. " +
        "The rainbow is a division of white light into many beautiful colors.";

    /// <summary>
    /// Every other language's voices count from 1 to 20 (counting is the clinic's "automatic speech" task): digits are the
    /// one text every voice reads in its own language.
    /// </summary>
    public static readonly string CountingText = string.Join(", ", Enumerable.Range(1, 20)) + ".";

    /// <summary>One semitone of F0 difference weighs as much as this fraction of formant-scale difference.</summary>
    private const double SemitonesPerFormantLogUnit = 12;

    private readonly OnceCache<string, IReadOnlyList<BaseVoice>> _voices = new(StringComparer.Ordinal);
    private readonly OnceCache<string, VoiceFeatures> _profiles = new(StringComparer.Ordinal);

    /// <summary>Every backend this platform may have, in order of preference.</summary>
    public BaseVoiceCatalog() : this(DefaultBackends()) { }

    /// <param name="backends">In order of preference: a language's voices come from the first installed backend that has any.</param>
    public BaseVoiceCatalog(IReadOnlyList<IBaseVoiceBackend> backends) => Backends = backends;

    /// <summary>
    /// flite first (its English clones are the measured ones), then the operating system's own voices (Windows SAPI,
    /// macOS say), then espeak-ng, the formant synthesiser that speaks the most languages.
    /// </summary>
    public static IReadOnlyList<IBaseVoiceBackend> DefaultBackends() =>
        [new FliteBackend(), new SapiBackend(), new SayBackend(), new EspeakNgBackend()];

    public IReadOnlyList<IBaseVoiceBackend> Backends { get; }

    public IEnumerable<IBaseVoiceBackend> Installed => Backends.Where(b => b.Availability.Installed);

    /// <summary>A SynthesizerMissing error when no backend is installed, or one was pointed at a file that is not there.</summary>
    public void RequireInstalled()
    {
        var states = Backends.Select(b => (Backend: b, State: b.Availability)).ToList();
        if (states.FirstOrDefault(s => s.State.Misconfigured) is { Backend: not null } wrong)
            throw SynthesizerProcess.Missing(wrong.State.Problem!);
        if (states.All(s => !s.State.Installed))
        {
            throw SynthesizerProcess.Missing(
                $"The default engine found no base synthesiser: {string.Join(" ", states.Select(s => s.State.Problem))}");
        }
    }

    /// <summary>The voices of one backend, listed once.</summary>
    public IReadOnlyList<BaseVoice> Voices(IBaseVoiceBackend backend, CancellationToken cancellation) =>
        _voices.Get(backend.Name, _ => backend.ListVoices(cancellation));

    /// <summary>Every installed backend's voices, in order of preference.</summary>
    public IReadOnlyList<BaseVoice> AllVoices(CancellationToken cancellation) =>
        Installed.SelectMany(b => Voices(b, cancellation)).ToList();

    /// <summary>
    /// The voice named "backend:id" ("espeak-ng:de+f3"), or by id alone in the first backend that has it ("awb"); null when no
    /// installed backend has it. A named backend that is not installed is a SynthesizerMissing error.
    /// </summary>
    public BaseVoice? Find(string name, CancellationToken cancellation)
    {
        int colon = name.IndexOf(':', StringComparison.Ordinal);
        IBaseVoiceBackend? named = colon < 0 ? null
            : Backends.FirstOrDefault(b => b.Name.Equals(name[..colon], StringComparison.OrdinalIgnoreCase));
        if (named is null) return AllVoices(cancellation).FirstOrDefault(v => v.Id.Equals(name, StringComparison.OrdinalIgnoreCase));
        BackendAvailability state = named.Availability;
        if (!state.Installed) throw SynthesizerProcess.Missing(state.Problem ?? $"{named.Name} is not installed.");
        return Voices(named, cancellation).FirstOrDefault(v => v.Id.Equals(name[(colon + 1)..], StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The voices to choose among for <paramref name="language"/>: those of the first installed backend that speaks it, and of
    /// those the best served (the same region before another, then the backend's own priority: espeak-ng's Portuguese
    /// before its Brazilian Portuguese for "pt", Mandarin before Cantonese for "zh"). A region asked for is looked for in
    /// every backend before any backend's other regions. Empty when no installed voice speaks the language.
    /// </summary>
    public IReadOnlyList<BaseVoice> Candidates(LanguageTag language, CancellationToken cancellation)
    {
        var backends = Installed.ToList();
        if (language.Region is not null)
        {
            foreach (IBaseVoiceBackend backend in backends)
            {
                var exact = Best(Voices(backend, cancellation), language, requireDistance: 0);
                if (exact.Count > 0) return exact;
            }
        }
        foreach (IBaseVoiceBackend backend in backends)
        {
            var voices = Best(Voices(backend, cancellation), language, requireDistance: null);
            if (voices.Count > 0) return voices;
        }
        return [];
    }

    private static List<BaseVoice> Best(IReadOnlyList<BaseVoice> voices, LanguageTag language, int? requireDistance)
    {
        var ranked = voices.Select(v => (Voice: v, Rank: Rank(v, language))).Where(r => r.Rank is not null)
            .Where(r => requireDistance is null || r.Rank!.Value.Distance == requireDistance).ToList();
        if (ranked.Count == 0) return [];
        var best = ranked.Min(r => r.Rank!.Value);
        return ranked.Where(r => r.Rank == best).Select(r => r.Voice).ToList();
    }

    private static (int Distance, int Priority)? Rank(BaseVoice voice, LanguageTag language) => voice.Languages
        .Select(l => language.Distance(l.Tag) is int d ? (d, l.Priority) : ((int, int)?)null)
        .Where(r => r is not null).DefaultIfEmpty(null).Min();

    /// <summary>A voice's measured character (F0, formants), from its calibration text; measured once.</summary>
    public VoiceFeatures Profile(BaseVoice voice, CancellationToken cancellation) =>
        _profiles.Get(voice.Name, _ => Measure(voice, cancellation));

    /// <summary>
    /// The candidate whose median F0 (in semitones) and formant scale (12 x |ln ratio|, so 10 % counts about one semitone)
    /// are nearest the reference's: PSOLA keeps the base voice's formants, so the nearer the voice, the closer and cleaner
    /// the clone. A voice whose calibration has no voiced speech is never nearest while another is measured.
    /// </summary>
    public BaseVoice Nearest(IReadOnlyList<BaseVoice> candidates, VoiceFeatures reference, CancellationToken cancellation) =>
        ByDistance(candidates, reference, cancellation)[0];

    /// <summary>The candidates nearest first (as <see cref="Nearest"/> measures), unmeasurable ones last, ties in list order.</summary>
    public IReadOnlyList<BaseVoice> ByDistance(IReadOnlyList<BaseVoice> candidates, VoiceFeatures reference,
        CancellationToken cancellation) =>
        candidates.Select(v => (Voice: v, Distance: Distance(Profile(v, cancellation), reference)))
            .OrderBy(p => double.IsNaN(p.Distance) ? double.PositiveInfinity : p.Distance).Select(p => p.Voice).ToList();

    private static double Distance(VoiceFeatures profile, VoiceFeatures reference)
    {
        double semitones = double.IsFinite(reference.PitchMedian)
            ? Math.Abs(12 * Math.Log2(reference.PitchMedian / profile.PitchMedian)) : 0;
        double formant = Math.Abs(Math.Log(FormantScale(reference, profile)));
        return semitones + SemitonesPerFormantLogUnit * formant;
    }

    /// <summary>Reference formants over the voice's (mean ratio of F1-F3 where both are measured): the vocal-tract-length factor.</summary>
    public static double FormantScale(VoiceFeatures reference, VoiceFeatures voice)
    {
        double[] ratios = new[] { (reference.F1Hz, voice.F1Hz), (reference.F2Hz, voice.F2Hz), (reference.F3Hz, voice.F3Hz) }
            .Where(p => double.IsFinite(p.Item1) && double.IsFinite(p.Item2) && p.Item2 > 0)
            .Select(p => p.Item1 / p.Item2).ToArray();
        return ratios.Length == 0 ? 1 : ratios.Average();
    }

    /// <summary>The voice's backend speaking <paramref name="text"/>, resampled to <see cref="SampleRateHz"/>.</summary>
    public BaseSpeech Speak(string text, BaseVoice voice, CancellationToken cancellation)
    {
        IBaseVoiceBackend backend = Backends.First(b => b.Name == voice.Backend);
        BaseSpeech speech = backend.Speak(text, voice, cancellation);
        return speech with { Audio = SincResampler.Resample(speech.Audio, SampleRateHz) };
    }

    /// <summary>What is installed and what would speak <paramref name="language"/>: the advice of a LanguageUnsupported error.</summary>
    public string InstallAdvice(LanguageTag language, CancellationToken cancellation)
    {
        var installed = Installed.Select(b => $"{b.Name} ({Describe(Voices(b, cancellation))})").ToList();
        var hints = Backends.Where(b => !b.Availability.Installed || b is SapiBackend or SayBackend)
            .Select(b => b.InstallHint(language)).OfType<string>().ToList();
        string have = installed.Count == 0 ? "No base synthesiser is installed." : $"Installed: {string.Join(", ", installed)}.";
        return hints.Count == 0 ? have : $"{have} To speak {language.DisplayName}, install {string.Join(", or ", hints)}.";
    }

    private static string Describe(IReadOnlyList<BaseVoice> voices)
    {
        var languages = voices.Select(v => v.Language.Language).Distinct().ToList();
        return languages.Count switch
        {
            0 => "no voices",
            <= 3 => string.Join(", ", languages.Select(l => new LanguageTag(l).DisplayName)),
            _ => $"{languages.Count} languages",
        };
    }

    private VoiceFeatures Measure(BaseVoice voice, CancellationToken cancellation)
    {
        string text = voice.Language.Language == "en" ? CalibrationText : CountingText;
        AudioBuffer audio = Speak(text, voice, cancellation).Audio;
        return VoiceFeatureExtractor.Analyze(audio, voice.Name, ComparisonAnalysis.Options);
    }
}
