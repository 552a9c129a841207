using System.Management.Automation;
using VoiceClone.Core.Cloning;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.Synthesis;
using VoiceClone.Core.Synthesis.Qwen3;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Saves a reusable voice: the Qwen3-TTS speaker embedding (and reference codes) of a recording, with its analysis, in one file.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "VoiceProfile", DefaultParameterSetName = LiteralPathSet, SupportsShouldProcess = true)]
[OutputType(typeof(VoiceProfile))]
public sealed class NewVoiceProfileCommand : FileInputCmdlet
{
    public const string Extension = ".voiceprofile.json";
    private Qwen3Engine? _engine;
    private EmotionModel? _emotion;
    private string _output = "";

    /// <summary>The Qwen3-TTS model folder the profile is for (the same one New-VoiceClone will use).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string ModelPath { get; set; } = "";

    /// <summary>What the recording says: the profile then holds the reference codes for in-context cloning.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ReferenceText { get; set; }

    /// <summary>Folder for the profile files (&lt;recording name&gt;.voiceprofile.json); default: the current location.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string OutputDirectory { get; set; } = ".";

    /// <summary>Replace an existing profile of the same name.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string LogSource => "voice_profile";

    protected override void Begin()
    {
        _engine = Qwen3EngineCache.Get(new Qwen3EngineOptions(SessionState.Path.GetUnresolvedProviderPathFromPSPath(ModelPath)));
        _emotion = EmotionModelCache.Get(null);
        _output = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputDirectory);
    }

    protected override void Process()
    {
        foreach (string file in InputFiles("*.wav"))
        {
            string target = System.IO.Path.Combine(_output, System.IO.Path.GetFileNameWithoutExtension(file) + Extension);
            if (!ShouldProcess(target, $"Save the voice of '{file}'")) continue;
            try
            {
                WriteObject(Save(file, target));
            }
            catch (VoiceCloneException e)
            {
                WriteEngineError(e, file);
            }
            FlushLogEvents();
        }
    }

    private VoiceProfile Save(string file, string target)
    {
        using var metrics = ExecutionMetrics.Start("New-VoiceProfile", LogSource, $"path={file} in_context={ReferenceText is not null}");
        ReferenceAnalysis reference = ReferenceAnalysisCache.Get(file, _emotion!, out _);
        Qwen3Engine engine = ReferenceText is null ? _engine!
            : Qwen3EngineCache.Get(new Qwen3EngineOptions(_engine!.Model.Folder) { ReferenceText = ReferenceText });
        Qwen3Voice voice = engine.Voice(file);
        LongTermSpectrum spectrum = ReferenceSpectra.Get(file, Qwen3Model.SampleRateHz);
        var profile = Qwen3VoiceProfileFile.Create(engine, voice, reference, spectrum, ReferenceText);
        System.IO.Directory.CreateDirectory(_output);
        profile.Write(target, Force);
        metrics.Complete($"VoiceProfile embedding={voice.SpeakerEmbedding.Length} reference_frames={voice.ReferenceCodes?.Count ?? 0}");
        return new VoiceProfile
        {
            Path = target, ModelName = engine.ModelName, ReferencePath = reference.Path, ReferenceSha256 = reference.Sha256,
            ReferenceSeconds = reference.Features.DurationSeconds, InContext = voice.InContext, ReferenceText = ReferenceText,
            EmbeddingLength = voice.SpeakerEmbedding.Length, ReferenceFrames = voice.ReferenceCodes?.Count ?? 0,
            Pitch = reference.Features.Pitch, Emotion = reference.Emotion.Emotion, Created = profile.Created,
        };
    }
}
