using System.Text.Json;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Audio.Decoders;
using VoiceClone.Core.Engines.Qwen3;
using VoiceClone.Core.Fingerprints;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Fuzzing;

/// <summary>
/// Seeded fuzzing of everything that reads a user's files: mutated WAV headers through the audio reader, mutated
/// fingerprints and voice profiles through theirs. Each input must end in a result or one of the module's documented
/// errors — no other exception, no hang, no allocation beyond <see cref="MaxAllocatedBytes"/>. A few thousand inputs run in
/// CI; set VOICECLONE_FUZZ_ITERATIONS (and VOICECLONE_FUZZ_SEED) to run longer, e.g. 200000 overnight.
/// </summary>
public sealed class ReaderFuzzTests : IDisposable
{
    /// <summary>A mutated few-kilobyte file may not make a reader allocate more than this (a WAV may claim 4 GiB of data).</summary>
    private const long MaxAllocatedBytes = 64L * 1024 * 1024;
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("VOICECLONE_FUZZ_ITERATIONS"), out int n) ? n : 1000;
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("VOICECLONE_FUZZ_SEED"), out int s) ? s : 20261204;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Runs <paramref name="read"/> on each mutant; returns how many were accepted and how many refused by id.</summary>
    private Dictionary<string, int> Fuzz(string name, Func<SeededMutator, byte[]> mutate, Action<string> read)
    {
        var mutator = new SeededMutator(Seed + name.Sum(c => c)); // a stable seed per file kind
        var outcomes = new Dictionary<string, int>();
        string path = _dir.File(name);
        for (int i = 0; i < Iterations; i++)
        {
            byte[] mutant = mutate(mutator);
            File.WriteAllBytes(path, mutant);
            long before = GC.GetAllocatedBytesForCurrentThread();
            string outcome;
            try
            {
                read(path);
                outcome = "accepted";
            }
            catch (VoiceCloneException e)
            {
                outcome = e.ErrorId;
            }
            catch (Exception e)
            {
                File.WriteAllBytes(_dir.File("crash.bin"), mutant);
                throw new Xunit.Sdk.XunitException($"{name} mutant {i} (seed {Seed}) threw {e.GetType().Name}: {e.Message}\n{Convert.ToBase64String(mutant)}");
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < MaxAllocatedBytes, $"{name} mutant {i} made the reader allocate {allocated:N0} bytes");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        return outcomes;
    }

    private static void ReadAllAudio(string path)
    {
        using IAudioReader reader = AudioFileReader.Open(path);
        var block = new float[4096];
        while (reader.ReadMono(block) > 0) { }
    }

    [Fact]
    public void Mutated_wav_headers_are_read_or_refused_with_a_documented_error()
    {
        short[] tone = Enumerable.Range(0, 4000).Select(i => (short)(8000 * Math.Sin(i * 0.07))).ToArray();
        byte[][] seeds =
        [
            new WavBytes().Fmt(1, 1, 16000, 16).Data(WavBytes.Pcm16(tone)).Build(),
            new WavBytes().FmtExtensible(3, 2, 48000, 32).Data(new byte[8000]).Chunk("LIST", [.. "INFOISFT"u8, 4, 0, 0, 0, .. "abc\0"u8]).Build(),
            new WavBytes().Fmt(3, 1, 22050, 64).Chunk("junk", new byte[13]).Data(new byte[4096]).Build(),
        ];
        var outcomes = Fuzz("mutant.wav", m => m.MutateBinary(seeds[m.Next(seeds.Length)], headerBytes: 96), ReadAllAudio);
        Assert.True(outcomes.Keys.Count > 1, "the mutants exercise more than one path");
        Assert.All(outcomes.Keys, k => Assert.Contains(k, new[] { "accepted", "AudioFileMalformed", "AudioFormatUnsupported", "AudioTooLong" }));
    }

    [Fact]
    public void Mutated_fingerprints_are_read_or_refused_with_a_documented_error()
    {
        string seed = """
            {"schema_version": 1, "id": "a1", "text": "Hello.", "timestamp": 1770739260.5, "model_used": "flite:awb+voice-match",
             "reference_voice_analysis": {"pitch": 185.4, "pitch_range": [120.5, 250.1], "stress_energy": 0.045, "emotion": "happy",
               "emotion_confidence": 0.89, "speaking_pattern": {"wpm": 145, "pause_entropy": 0.76}},
             "audio": {"path": "cloned_a1.wav", "sha256": "00", "duration_seconds": 1.5, "sample_rate_hz": 16000},
             "match_scores": {"pitch_ratio": 1.01}, "timings_ms": {"total": 12.5}, "attempts": 1}
            """;
        var outcomes = Fuzz("cloned_x.json", m => m.MutateText(seed), path => FingerprintReader.Read(path));
        Assert.True(outcomes.GetValueOrDefault("accepted") > 0 && outcomes.GetValueOrDefault("FingerprintInvalid") > 0);
        Assert.All(outcomes.Keys, k => Assert.Contains(k, new[] { "accepted", "FingerprintInvalid", "FingerprintTooLarge" }));
    }

    [Fact]
    public void Mutated_voice_profiles_are_read_or_refused_with_a_documented_error()
    {
        string seed = ProfileJson();
        var outcomes = Fuzz("me.voiceprofile.json", m => m.MutateText(seed), path => Qwen3VoiceProfileFile.Read(path));
        Assert.True(outcomes.GetValueOrDefault("accepted") > 0 && outcomes.GetValueOrDefault("VoiceProfileInvalid") > 0);
        Assert.All(outcomes.Keys, k => Assert.Contains(k, new[] { "accepted", "VoiceProfileInvalid" }));
    }

    /// <summary>A valid in-context profile as New-VoiceProfile writes it (small dimensions).</summary>
    private string ProfileJson()
    {
        var profile = new Qwen3VoiceProfileFile
        {
            Created = DateTimeOffset.UnixEpoch,
            Model = new Qwen3VoiceProfileFile.ProfileModel { Name = "Qwen3-TTS:tiny", Hidden = 8, CodeGroups = 2, CodebookSize = 16 },
            Reference = new Qwen3VoiceProfileFile.ProfileReference { Path = "/refs/me.wav", Sha256 = "00", DurationSeconds = 3, SampleRateHz = 16000 },
            ReferenceText = "Hello there.",
            ReferenceTextIds = [1, 2, 3, 40, 41, 5, 6],
            SpeakerEmbedding = [0.1f, -0.2f, 0.3f, 0.0f, 1.5f, -1.5f, 0.25f, 0.5f],
            ReferenceCodes = [[1, 2], [3, 4], [15, 0]],
            Features = new VoiceFeatures { Pitch = 140, DurationSeconds = 3, SampleRateHz = 16000 },
            Emotion = new EmotionResult { Emotion = "calm", Confidence = 0.5 },
            Spectrum = new Qwen3VoiceProfileFile.ProfileSpectrum
            {
                HighHz = 7600, BandDb = Enumerable.Range(0, global::VoiceClone.Core.Analysis.Spectral.LongTermSpectrum.BandCount).Select(i => -40.0 - i).ToArray(), ActiveLevelDb = -25,
            },
        };
        string path = _dir.File("seed.voiceprofile.json");
        profile.Write(path, overwrite: true);
        Qwen3VoiceProfileFile.Read(path); // the seed itself is valid
        return File.ReadAllText(path);
    }
}
