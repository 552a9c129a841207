using VoiceClone.Core.Cloning;
using VoiceClone.Core.Engines;
using VoiceClone.Core.Fingerprints;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Cloning;

/// <summary>Whether a pair is done: a resumed batch skips whole pairs and makes broken ones again.</summary>
public sealed class ClonePairCheckTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private static readonly SynthesizedSpeech Speech = new(Voices.Vowel(150, 0.6), Voices.Rate, "test+voice-match");

    public void Dispose() => _dir.Dispose();

    private static FingerprintDocument Document(string sha256) =>
        new() { Text = "hi", Timestamp = 1, ModelUsed = "m", ReferenceVoiceAnalysis = new(), Audio = new() { Sha256 = sha256 } };

    private ClonePairState Inspect() => ClonePairCheck.Inspect(_dir.Path, "a1", out _);

    [Fact]
    public void A_written_pair_is_whole_and_nothing_is_missing()
    {
        Assert.Equal(ClonePairState.Missing, Inspect());
        ClonePairWriter.Write(_dir.Path, "a1", Speech, Document, overwrite: false, CancellationToken.None);
        Assert.Equal(ClonePairState.Whole, ClonePairCheck.Inspect(_dir.Path, "a1", out CloneFingerprint? fingerprint));
        Assert.Equal("hi", fingerprint!.Text);
    }

    [Theory]
    [InlineData("audio only")]
    [InlineData("fingerprint only")]
    [InlineData("other audio")]
    [InlineData("damaged fingerprint")]
    public void A_pair_a_kill_or_a_disk_broke_is_broken(string damage)
    {
        var (audio, json) = ClonePairWriter.Write(_dir.Path, "a1", Speech, Document, overwrite: false, CancellationToken.None);
        switch (damage)
        {
            case "audio only": File.Delete(json); break;
            case "fingerprint only": File.Delete(audio); break;
            case "other audio": File.AppendAllText(audio, "x"); break;
            case "damaged fingerprint": File.WriteAllText(json, "{\"text\": \"hi\""); break;
        }
        Assert.Equal(ClonePairState.Broken, Inspect());
    }
}
