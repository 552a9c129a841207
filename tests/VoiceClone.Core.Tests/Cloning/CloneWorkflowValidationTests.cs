using VoiceClone.Core.Audio;
using VoiceClone.Core.Cloning;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.Engines;
using VoiceClone.Core.Runs;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Cloning;

/// <summary>A clone without voiced speech never passes: it is retried, then fails with SynthesisFailed and writes nothing.</summary>
public sealed class CloneWorkflowValidationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>What flite gave for '今天天气很好。': a quarter second of unvoiced sound (here: quiet noise), every time.</summary>
    private sealed class NothingEngine : IVoiceEngine
    {
        public List<int> Ranks { get; } = [];
        public string Name => "Nothing";

        public SynthesizedSpeech Synthesize(SynthesisRequest request, CancellationToken cancellation)
        {
            Ranks.Add(request.BaseVoiceRank);
            var random = new Random(request.Attempt);
            float[] noise = Enumerable.Range(0, (int)(0.24 * Voices.Rate))
                .Select(_ => (float)(0.05 * (random.NextDouble() - 0.5))).ToArray();
            return new SynthesizedSpeech(noise, Voices.Rate, "nothing");
        }
    }

    [Fact]
    public void A_clone_with_no_voiced_speech_is_retried_with_other_voices_then_fails_and_leaves_no_files()
    {
        string reference = _dir.File("reference.wav");
        WavWriter.Write(reference, Voices.Vowel(140, 3.0), Voices.Rate, WavSampleFormat.Pcm16);
        var engine = new NothingEngine();
        var runLog = new RunLog("test", new Dictionary<string, string?>());
        var workflow = new CloneWorkflow(engine, EmotionModel.Load(Path.Combine(SharedData.RepositoryRoot, "models", "emotion")),
            new ReferencePreparer(), runLog, new CloneOptions(_dir.File("output")));

        var e = Assert.Throws<VoiceCloneException>(() => workflow.Clone(reference, "今天天气很好。", CancellationToken.None));
        Assert.Equal("SynthesisFailed", e.ErrorId);
        Assert.Contains("voiced_speech", e.Message);
        Assert.Contains("duration_plausible", e.Message);
        Assert.Equal([0, 1, 2], engine.Ranks); // each retry asked for the next base voice
        Assert.False(Directory.Exists(_dir.File("output")) && Directory.EnumerateFileSystemEntries(_dir.File("output")).Any());
    }
}
