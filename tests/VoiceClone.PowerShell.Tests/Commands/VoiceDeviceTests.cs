using System.Management.Automation;
using System.Management.Automation.Runspaces;
using VoiceClone.PowerShell.Tests.Support;
using Xunit.Abstractions;

namespace VoiceClone.PowerShell.Tests.Commands;

/// <summary>
/// New-VoiceRecording, Start-VoicePlayback, New-VoiceClone -Play and Get-VoiceAudioDevice against a private PulseAudio
/// daemon's null sink: a known signal played into the sink must come back from its monitor as it was sent.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class VoiceDeviceTests : IClassFixture<PulseAudioServer>, IDisposable
{
    private const int Rate = TestAudio.Rate;
    private readonly PulseAudioServer _pulse;
    private readonly ITestOutputHelper _log;
    private readonly ModuleSession _session = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-devices-").FullName;
    private readonly List<Runspace> _runspaces = [];

    public VoiceDeviceTests(PulseAudioServer pulse, ITestOutputHelper log)
    {
        _pulse = pulse;
        _log = log;
    }

    public void Dispose()
    {
        _session.Dispose();
        _runspaces.ForEach(r => r.Dispose());
        Environment.SetEnvironmentVariable("PULSE_SERVER", null); // $env: in the runspace is the process's
        Directory.Delete(_dir, recursive: true);
    }

    private string Known(double seconds)
    {
        string path = Path.Combine(_dir, $"known-{seconds}.wav");
        WavSamples.WriteGlide(path, seconds);
        return path;
    }

    /// <summary>A pipeline in a runspace of its own with the module imported, to watch or stop while it runs.</summary>
    private System.Management.Automation.PowerShell Pipeline(string script)
    {
        Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        _runspaces.Add(runspace);
        var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript($"Import-Module '{RepositoryPaths.Manifest}'; " + script);
        return ps;
    }

    private string UseServer(string? server = null) => $"$env:PULSE_SERVER = '{server ?? _pulse.Server}'; ";

    /// <summary>Asserts that <paramref name="heard"/> holds <paramref name="known"/>: a correlation peak, its level and length.</summary>
    private void AssertHeard(float[] known, float[] heard, string what)
    {
        var (lag, correlation) = SignalMatch.Align(known, heard);
        float[] aligned = heard.AsSpan(lag, known.Length).ToArray();
        double levelDifferenceDb = SignalMatch.LevelDb(aligned) - SignalMatch.LevelDb(known);
        double lengthDifferenceMs = 1000 * (SignalMatch.AudibleSeconds(heard, Rate) - SignalMatch.AudibleSeconds(known, Rate));
        _log.WriteLine($"{what}: correlation peak {correlation:F4} at {1000.0 * lag / Rate:F0} ms, "
            + $"level {levelDifferenceDb:+0.00;-0.00} dB, "
            + $"audible length {lengthDifferenceMs:+0;-0} ms");
        Assert.True(correlation > 0.95, $"{what}: correlation peak {correlation:F4}");
        Assert.InRange(levelDifferenceDb, -1, 1);
        Assert.InRange(lengthDifferenceMs, -50, 50);
    }

    [SkippableFact]
    public void Lists_the_sink_and_its_monitor_as_typed_devices_with_the_defaults_marked()
    {
        _pulse.Require();
        var devices = _session.Invoke(UseServer() + "Get-VoiceAudioDevice").Select(d => (AudioDevice: d, Line: string.Join(" ",
            new[] { "Kind", "Id", "IsDefault", "Backend" }.Select(p => d.Properties[p].Value)))).ToList();
        Assert.Equal(["Input voiceclone_test.monitor True PulseAudio", "Output voiceclone_test True PulseAudio"],
            devices.Select(d => d.Line));
        Assert.Equal("VoiceClone.AudioDevice", devices[0].AudioDevice.BaseObject.GetType().FullName);
        Assert.Equal("voiceclone_test", _session.Invoke(UseServer() + "(Get-VoiceAudioDevice -Kind Output).Id").Single().BaseObject);
        Assert.Empty(_session.Invoke(UseServer() + "Get-VoiceAudioDevice -Name 'nothing*'"));
        string table = string.Join("\n",
            _session.Invoke(UseServer() + "Get-VoiceAudioDevice | Out-String -Stream").Select(o => o.ToString()));
        Assert.Matches(@"Kind\s+Default\s+Name\s+Backend\s+Id", table);
        Assert.Matches(@"Output\s+\*\s+Null Output\s+PulseAudio\s+voiceclone_test", table);
    }

    [SkippableFact]
    public void Records_what_is_played_into_the_sink_and_emits_the_file()
    {
        _pulse.Require();
        string known = Known(2.5), take = Path.Combine(_dir, "take.wav");
        using var ps = Pipeline(UseServer()
            + $"New-VoiceRecording '{take}' -Seconds 4 -Device {PulseAudioServer.Monitor} -SampleRate {Rate}");
        // The known recording is played once the take is running (its first progress record), so all of it lands inside.
        var playing = new Lazy<Task>(() => Task.Run(() => _pulse.Play(known)));
        ps.Streams.Progress.DataAdded += (_, _) => _ = playing.Value;
        var output = ps.Invoke();
        Assert.True(playing.IsValueCreated, "the take reported progress");
        playing.Value.Wait();
        Assert.Empty(ps.Streams.Error);
        Assert.Empty(ps.Streams.Warning);
        var file = Assert.IsType<FileInfo>(Assert.Single(output).BaseObject);
        Assert.Equal(take, file.FullName);
        Assert.Contains(ps.Streams.Progress, p => p.CurrentOperation?.Contains("dBFS [") == true && p.SecondsRemaining >= 0);
        var (recorded, rateHz) = WavSamples.Read(take);
        Assert.Equal(Rate, rateHz);
        double durationErrorMs = 1000.0 * recorded.Length / Rate - 4000;
        _log.WriteLine($"take length {1000.0 * recorded.Length / Rate:F1} ms for -Seconds 4");
        Assert.InRange(durationErrorMs, -50, 50);
        AssertHeard(WavSamples.Read(known).Samples, recorded, "New-VoiceRecording of the monitor");
    }

    [SkippableFact]
    public void Start_VoicePlayback_plays_the_file_into_the_sink_as_it_is()
    {
        _pulse.Require();
        string known = Known(2.0);
        var capture = _pulse.Capture(Rate);
        var output = _session.Invoke(UseServer() + $"Start-VoicePlayback '{known}' -Device 'Null Output' -PassThru");
        Thread.Sleep(300); // the monitor's own latency
        float[] heard = capture.Stop();
        Assert.Equal(known, Assert.IsType<FileInfo>(Assert.Single(output).BaseObject).FullName);
        AssertHeard(WavSamples.Read(known).Samples, heard, "Start-VoicePlayback into the sink");
    }

    [SkippableFact]
    public void Play_on_New_VoiceClone_plays_each_clone_into_the_sink()
    {
        _pulse.Require();
        string reference = Flite.WriteReference(Path.Combine(_dir, "me.wav"));
        var capture = _pulse.Capture(Rate);
        var clone = _session.Invoke(UseServer()
            + $"New-VoiceClone '{reference}' -Text 'Good morning, everyone.' -OutputDirectory '{_dir}/out' -Play").Single();
        Thread.Sleep(300);
        float[] heard = capture.Stop();
        var (audio, rateHz) = WavSamples.Read((string)clone.Properties["AudioPath"].Value);
        Assert.Equal(Rate, rateHz);
        AssertHeard(audio, heard, "New-VoiceClone -Play into the sink");
    }

    [SkippableFact]
    public void Ctrl_C_stops_playback_at_once_and_the_sink_falls_silent()
    {
        _pulse.Require();
        string known = Known(12.0);
        var capture = _pulse.Capture(Rate);
        using var ps = Pipeline(UseServer() + $"Start-VoicePlayback '{known}'");
        IAsyncResult run = ps.BeginInvoke();
        Thread.Sleep(1500);
        ps.Stop();
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(run));
        Thread.Sleep(1000);
        float[] heard = capture.Stop();
        double heardSeconds = SignalMatch.AudibleSeconds(heard, Rate);
        double lastSecondDb = SignalMatch.LevelDb(heard.AsSpan(heard.Length - Rate / 2));
        _log.WriteLine($"stopped after {heardSeconds:F2} s of 11.6 s; the sink afterwards at {lastSecondDb:F0} dBFS");
        Assert.InRange(heardSeconds, 0.5, 3.0);
        Assert.True(lastSecondDb < -90, $"the sink still plays at {lastSecondDb:F0} dBFS");
    }

    [SkippableFact]
    public void A_take_of_silence_is_written_with_a_warning()
    {
        _pulse.Require();
        string take = Path.Combine(_dir, "silence.wav");
        var output = _session.Invoke(UseServer() + $"New-VoiceRecording '{take}' -Seconds 1 -SampleRate {Rate}", out var streams);
        Assert.Single(output);
        Assert.StartsWith("The take is mostly silence: 0.0 s of 1.0 s", Assert.Single(streams.Warning).Message);
    }

    [SkippableFact]
    public void Without_a_sound_server_each_command_is_AudioDeviceUnavailable_and_writes_nothing()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "skipped: the PulseAudio backend runs on Linux");
        string nowhere = UseServer("unix:" + Path.Combine(_dir, "no-server"));
        string take = Path.Combine(_dir, "never.wav");
        string[] commands = [$"New-VoiceRecording '{take}' -Seconds 1", "Get-VoiceAudioDevice", $"Start-VoicePlayback '{Known(1)}'"];
        foreach (string command in commands)
        {
            _session.Invoke(nowhere + command, out var streams);
            Assert.Equal("AudioDeviceUnavailable," + Name(command), Assert.Single(streams.Error).FullyQualifiedErrorId);
        }
        Assert.False(File.Exists(take));
        Assert.Empty(Directory.GetFiles(_dir, ".*"));
    }

    [Fact]
    public void WhatIf_and_an_existing_file_stop_before_any_device_is_opened()
    {
        string nowhere = UseServer("unix:" + Path.Combine(_dir, "no-server"));
        string take = Path.Combine(_dir, "take.wav");
        Assert.Empty(_session.Invoke(nowhere + $"New-VoiceRecording '{take}' -WhatIf"));
        Assert.False(File.Exists(take));
        File.WriteAllText(take, "mine");
        _session.Invoke(nowhere + $"New-VoiceRecording '{take}'", out var streams);
        Assert.Equal("OutputExists," + Name("New-VoiceRecording"), Assert.Single(streams.Error).FullyQualifiedErrorId);
        Assert.Equal("mine", File.ReadAllText(take));
    }

    private static string Name(string command) => "VoiceClone.PowerShell.Commands." + command.Split(' ')[0].Replace("-", "") + "Command";
}
