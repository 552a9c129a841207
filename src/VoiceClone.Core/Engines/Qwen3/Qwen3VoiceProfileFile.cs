using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceClone.Core.Analysis.Spectral;
using VoiceClone.Core.Engines;
using VoiceClone.Core.IO;

namespace VoiceClone.Core.Engines.Qwen3;

/// <summary>
/// A voice profile on disk (JSON): the Qwen3 voice (speaker embedding, and for in-context cloning the reference codes and
/// transcript ids), the model it belongs to, and the reference's analysis and long-term spectrum, so that cloning from the
/// profile needs neither the reference recording nor its analysis again.
/// </summary>
public sealed class Qwen3VoiceProfileFile
{
    public const int CurrentSchemaVersion = 1;
    public const string KindName = "voiceclone-voice-profile";
    // A profile is kilobytes to a few megabytes (codes of a 15 s reference); anything far larger is not one.
    private const long MaxBytes = 64L * 1024 * 1024;
    // A reference is capped at 15 s (Qwen3Reference.MaxSeconds), 188 frames at 12.5 a second; room to spare.
    private const int MaxReferenceFrames = 1000;
    // The transcript prompt: 3 template ids, the transcript (at most a few thousand tokens), 2 template ids.
    private const int MinReferencePromptIds = 5, MaxReferencePromptIds = 8192;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;
    public string Kind { get; set; } = KindName;
    public DateTimeOffset Created { get; set; }
    public ProfileModel Model { get; set; } = new();
    public ProfileReference Reference { get; set; } = new();
    public string? ReferenceText { get; set; }
    public long[]? ReferenceTextIds { get; set; }
    public float[] SpeakerEmbedding { get; set; } = [];
    public long[][]? ReferenceCodes { get; set; }
    public VoiceFeatures Features { get; set; } = new();
    public EmotionResult Emotion { get; set; } = new();
    public ProfileSpectrum Spectrum { get; set; } = new();

    public sealed class ProfileModel
    {
        public string Name { get; set; } = "";
        public int Hidden { get; set; }
        public int CodeGroups { get; set; }
        public int CodebookSize { get; set; }
    }

    public sealed class ProfileReference
    {
        public string Path { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public double DurationSeconds { get; set; }
        public int SampleRateHz { get; set; }
    }

    public sealed class ProfileSpectrum
    {
        public double HighHz { get; set; }
        public double[] BandDb { get; set; } = [];
        public double ActiveLevelDb { get; set; }
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // unmeasured features are NaN
        WriteIndented = false,
    };

    public static Qwen3VoiceProfileFile Create(Qwen3Engine engine, Qwen3Voice voice, PreparedReference reference, LongTermSpectrum spectrum,
        string? referenceText) => new()
    {
        Created = DateTimeOffset.UtcNow,
        Model = new ProfileModel { Name = engine.ModelName, Hidden = engine.Model.Hidden, CodeGroups = engine.Model.Config.CodeGroups, CodebookSize = engine.Model.Config.CodebookSize },
        Reference = new ProfileReference { Path = reference.Path, Sha256 = reference.Sha256, DurationSeconds = reference.Features.DurationSeconds, SampleRateHz = reference.Features.SampleRateHz },
        ReferenceText = referenceText,
        ReferenceTextIds = voice.ReferenceTextIds,
        SpeakerEmbedding = voice.SpeakerEmbedding,
        ReferenceCodes = voice.ReferenceCodes?.ToArray(),
        Features = reference.Features with { Contour = null },
        Emotion = reference.Emotion,
        Spectrum = new ProfileSpectrum { HighHz = spectrum.HighHz, BandDb = spectrum.BandDb, ActiveLevelDb = spectrum.ActiveLevelDb },
    };

    /// <summary>Writes the profile through a staged file; an existing file is kept unless <paramref name="overwrite"/>.</summary>
    public void Write(string path, bool overwrite)
    {
        using var staged = new StagedFile(path);
        using (FileStream stream = staged.OpenWrite()) JsonSerializer.Serialize(stream, this, Json);
        try
        {
            staged.Commit(overwrite);
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            throw new VoiceCloneException(VoiceCloneErrors.OutputExists, $"'{path}' already exists and was left untouched.", path);
        }
    }

    public static Qwen3VoiceProfileFile Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new VoiceCloneException(VoiceCloneErrors.PathNotFound, $"Voice profile '{path}' does not exist.", path);
            RegularFile.Require(path);
            if (info.Length > MaxBytes) throw Invalid(path, $"it is {info.Length} bytes, far larger than any profile");
            var profile = JsonSerializer.Deserialize<Qwen3VoiceProfileFile>(File.ReadAllBytes(path), Json) ?? throw Invalid(path, "it is empty");
            if (profile.Kind != KindName) throw Invalid(path, $"its kind is '{profile.Kind}', not '{KindName}'");
            if (profile.SchemaVersion > CurrentSchemaVersion) throw Invalid(path, $"it was written with schema {profile.SchemaVersion}; this module reads up to {CurrentSchemaVersion} (update the module)");
            profile.CheckComplete(path);
            return profile;
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"it is not valid profile JSON ({e.Message})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.VoiceProfileInvalid, $"Cannot read voice profile '{path}': {e.Message}", path, e);
        }
    }

    /// <summary>The profile as a reference for <paramref name="engine"/>; a profile made with another model is refused.</summary>
    public PreparedReference ToPreparedReference(Qwen3Engine engine, string path)
    {
        if (Model.Name != engine.ModelName || Model.Hidden != engine.Model.Hidden || Model.CodeGroups != engine.Model.Config.CodeGroups
            || Model.CodebookSize != engine.Model.Config.CodebookSize)
        {
            throw Invalid(path, $"it was made with {Model.Name} (hidden {Model.Hidden}, {Model.CodeGroups} code groups), not {engine.ModelName} " +
                $"(hidden {engine.Model.Hidden}, {engine.Model.Config.CodeGroups} code groups)");
        }
        if (SpeakerEmbedding.Length != engine.Model.Hidden) throw Invalid(path, $"its speaker embedding has {SpeakerEmbedding.Length} values, not {engine.Model.Hidden}");
        foreach (long id in ReferenceTextIds ?? [])
        {
            if (id < 0 || id > engine.Tokenizer.MaxId) throw Invalid(path, $"its reference text holds the token id {id}, outside the model's 0-{engine.Tokenizer.MaxId}");
        }
        return new PreparedReference(Reference.Path, Reference.Sha256, Features, Emotion, audio: null)
        {
            EngineVoice = new Qwen3Voice(SpeakerEmbedding) { ReferenceCodes = ReferenceCodes, ReferenceTextIds = ReferenceTextIds },
            EngineVoiceSource = Path.GetFullPath(path),
            StoredSpectrum = LongTermSpectrum.FromStored(Spectrum.HighHz, Spectrum.BandDb, Spectrum.ActiveLevelDb),
        };
    }

    /// <summary>Every field present, of the right shape, finite and in range, before anything is computed from it.</summary>
    private void CheckComplete(string path)
    {
        if (Model is null || Reference is null || Features is null || Emotion is null || Spectrum is null || SpeakerEmbedding is null)
            throw Invalid(path, "it lacks one of model, reference, speaker_embedding, features, emotion or spectrum");
        if (SpeakerEmbedding.Length == 0) throw Invalid(path, "it has no speaker embedding");
        if (!SpeakerEmbedding.All(float.IsFinite)) throw Invalid(path, "its speaker embedding holds a value that is not a finite number");
        if (Model.CodeGroups <= 0 || Model.CodebookSize <= 0) throw Invalid(path, "its model's code groups or codebook size is not positive");
        if (ReferenceCodes is { } codes)
        {
            if (codes.Length > MaxReferenceFrames) throw Invalid(path, $"it holds {codes.Length} reference frames; a reference gives at most {MaxReferenceFrames}");
            if (codes.Any(frame => frame is null || frame.Length != Model.CodeGroups)) throw Invalid(path, "its reference codes do not have one code per group");
            if (codes.SelectMany(frame => frame).Any(code => code < 0 || code >= Model.CodebookSize))
                throw Invalid(path, $"its reference codes hold a code outside 0-{Model.CodebookSize - 1}");
        }
        if (ReferenceTextIds is { } ids && (ids.Length < MinReferencePromptIds || ids.Length > MaxReferencePromptIds))
            throw Invalid(path, $"its reference text has {ids.Length} token ids; a transcript prompt has {MinReferencePromptIds}-{MaxReferencePromptIds}");
        if ((ReferenceCodes is null) != (ReferenceTextIds is null)) throw Invalid(path, "it has reference codes without their transcript, or the reverse");
        if (Spectrum.BandDb is null || Spectrum.BandDb.Length != LongTermSpectrum.BandCount)
            throw Invalid(path, $"its spectrum has {Spectrum.BandDb?.Length ?? 0} bands, not {LongTermSpectrum.BandCount}");
        if (!Spectrum.BandDb.All(double.IsFinite) || !double.IsFinite(Spectrum.HighHz) || Spectrum.HighHz <= 0)
            throw Invalid(path, "its spectrum holds a value that is not a finite number");
        if (string.IsNullOrEmpty(Emotion.Emotion)) throw Invalid(path, "its emotion is empty");
    }

    private static VoiceCloneException Invalid(string path, string detail) =>
        new(VoiceCloneErrors.VoiceProfileInvalid, $"'{path}' is not a usable voice profile: {detail}.", path);
}
