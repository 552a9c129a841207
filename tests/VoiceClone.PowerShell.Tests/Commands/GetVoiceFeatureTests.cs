using System.Management.Automation;
using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

[Collection(EngineCollection.Name)]
public sealed class GetVoiceFeatureTests : IDisposable
{
    private readonly ModuleSession _session = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-vf-").FullName;

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string Voice(string name, double hz, double seconds = 1.5)
    {
        string path = Path.Combine(_dir, name);
        TestAudio.WriteVoice(path, hz, seconds);
        return path;
    }

    [Fact]
    public void Emits_typed_VoiceFeatures_with_the_measured_pitch()
    {
        string wav = Voice("low.wav", 110);
        PSObject f = _session.Invoke($"Get-VoiceFeature '{wav}'").Single();
        Assert.Equal("VoiceClone.VoiceFeatures", f.BaseObject.GetType().FullName);
        Assert.InRange((double)f.Properties["PitchMedian"].Value, 108, 112);
        Assert.Equal(wav, f.Properties["Path"].Value);
        Assert.Equal(true, _session.Invoke($"(Get-VoiceFeature '{wav}') -is [VoiceClone.VoiceFeatures]").Single().BaseObject);
    }

    [Fact]
    public void Many_files_come_out_in_input_order_from_parallel_work()
    {
        double[] pitches = [100, 130, 160, 190, 220, 250, 280, 310];
        for (int i = 0; i < pitches.Length; i++) Voice($"v{i}.wav", pitches[i]);
        var medians = _session.Invoke($"Get-VoiceFeature '{_dir}/*.wav' -ThrottleLimit 4 | ForEach-Object PitchMedian")
            .Select(o => (double)o.BaseObject).ToArray();
        Assert.Equal(pitches.Length, medians.Length);
        for (int i = 0; i < pitches.Length; i++) Assert.InRange(medians[i], pitches[i] * 0.98, pitches[i] * 1.02);
    }

    [Fact]
    public void FileInfo_from_the_pipeline_and_Text_by_property_name()
    {
        string wav = Voice("talk.wav", 150, 2.0);
        PSObject f = _session.Invoke(
            $"[pscustomobject]@{{ FullName = '{wav}'; Text = 'one two three four five' }} | Get-VoiceFeature").Single();
        Assert.Equal("Text", f.Properties["WpmSource"].Value);
        PSObject g = _session.Invoke($"[System.IO.FileInfo]::new('{wav}') | Get-VoiceFeature").Single();
        Assert.Equal("Estimated", g.Properties["WpmSource"].Value);
    }

    [SkippableFact]
    public void An_MP3_is_analysed_like_the_WAV_it_was_encoded_from()
    {
        string wav = Voice("memo.wav", 140, 3.0), mp3 = Path.Combine(_dir, "memo.mp3");
        Assert.Equal(0, ChildProcess.Run(Tool("lame"), ["--quiet", "-b", "64", wav, mp3]).ExitCode);
        PSObject[] f = _session.Invoke($"Get-VoiceFeature '{wav}', '{mp3}'").ToArray();
        Assert.Equal(mp3, f[1].Properties["Path"].Value);
        double wavPitch = (double)f[0].Properties["PitchMedian"].Value, mp3Pitch = (double)f[1].Properties["PitchMedian"].Value;
        Assert.InRange(mp3Pitch, wavPitch * 0.99, wavPitch * 1.01);
        Assert.InRange((double)f[1].Properties["DurationSeconds"].Value, 3.0 - 0.03, 3.0 + 0.03);
    }

    [SkippableFact]
    public void Without_ffmpeg_a_FLAC_is_AudioFormatUnsupported_saying_how_to_install_it()
    {
        string wav = Voice("memo.wav", 140, 3.0), flac = Path.Combine(_dir, "memo.flac");
        Assert.Equal(0, ChildProcess.Run(Tool("flac"), ["-s", "-f", "-o", flac, wav]).ExitCode);
        // VOICECLONE_FFMPEG naming no file hides the ffmpeg on PATH from the module.
        var result = ChildProcess.Pwsh(
            $"Import-Module VoiceClone; try {{ Get-VoiceFeature -LiteralPath '{flac}' -ErrorAction Stop }} " +
            "catch { $_.FullyQualifiedErrorId; $_.Exception.Message }",
            new Dictionary<string, string?> { ["VOICECLONE_FFMPEG"] = Path.Combine(_dir, "no-ffmpeg"), ["VOICECLONE_LOG_DIR"] = _dir });
        Assert.StartsWith("AudioFormatUnsupported,", result.StdOut);
        Assert.Contains("FLAC", result.StdOut);
        Assert.Contains("install ffmpeg", result.StdOut);
    }

    private static string Tool(string name)
    {
        string? found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
        Skip.If(found is null, $"skipped: {name} not installed (sudo apt-get install {name})");
        return found!;
    }

    [Fact]
    public void Bad_inputs_are_non_terminating_errors_with_stable_ids_and_the_rest_is_analysed()
    {
        Voice("a_good.wav", 140);
        File.WriteAllText(Path.Combine(_dir, "b_text.wav"), "this is not audio");
        TestAudio.Write(Path.Combine(_dir, "c_short.wav"), new short[1600]);
        Voice("d_good.wav", 200);
        var output = _session.Invoke($"Get-VoiceFeature '{_dir}/*.wav'", out var streams);
        Assert.Equal(2, output.Count);
        Assert.Equal(["AudioFormatUnsupported", "AudioTooShort"], streams.Error.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.All(streams.Error, e => Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category));
    }

    [Fact]
    public void Silence_gives_a_warning_and_NaN_pitch_but_still_an_object()
    {
        string path = Path.Combine(_dir, "silence.wav");
        TestAudio.Write(path, new short[TestAudio.Rate]);
        PSObject f = _session.Invoke($"Get-VoiceFeature '{path}'", out var streams).Single();
        Assert.True(double.IsNaN((double)f.Properties["Pitch"].Value));
        Assert.Contains(streams.Warning, w => w.Message.Contains("No voiced segments"));
    }

    [Fact]
    public void Contour_only_with_IncludeContour_and_a_bad_range_is_refused()
    {
        string wav = Voice("c.wav", 170);
        Assert.Null(_session.Invoke($"(Get-VoiceFeature '{wav}').Contour").Single());
        Assert.True((int)_session.Invoke($"(Get-VoiceFeature '{wav}' -IncludeContour).Contour.Count").Single().BaseObject > 100);
        var id = _session.Invoke($"try {{ Get-VoiceFeature '{wav}' -PitchFloorHz 300 -PitchCeilingHz 200 }} catch {{ $_.FullyQualifiedErrorId }}").Single();
        Assert.StartsWith("ConfigurationInvalid,", (string)id.BaseObject);
    }
}
