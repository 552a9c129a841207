using System.Diagnostics;

namespace VoiceClone.PowerShell.Tests.Support;

/// <summary>
/// A private PulseAudio daemon with one null sink (a sound card that plays into nothing) for the recording and playback
/// tests: what is played into the sink can be recorded from its monitor source. Started once for the test class from
/// Debian's pulseaudio (build.ps1 installs it); tests skip visibly where it cannot start. Stopped and removed afterwards.
/// </summary>
public sealed class PulseAudioServer : IDisposable
{
    public const string Sink = "voiceclone_test";
    public const string Monitor = Sink + ".monitor";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly Process? _daemon;
    private readonly string _folder;
    private readonly string? _failure;

    public PulseAudioServer()
    {
        _folder = Path.Combine(Path.GetTempPath(), "voiceclone-pulse-" + Guid.NewGuid().ToString("N")[..8]);
        Server = "unix:" + Path.Combine(_folder, "native");
        string? pulseaudio = Executable("pulseaudio");
        if (pulseaudio is null || Executable("paplay") is null || Executable("parec") is null)
        {
            _failure = "skipped: pulseaudio, paplay or parec not installed (sudo apt-get install pulseaudio pulseaudio-utils)";
            return;
        }
        Directory.CreateDirectory(Path.Combine(_folder, "runtime"));
        string config = Path.Combine(_folder, "test.pa");
        File.WriteAllLines(config,
        [
            $"load-module module-null-sink sink_name={Sink} rate=48000 channels=1",
            $"load-module module-native-protocol-unix socket={Path.Combine(_folder, "native")} auth-anonymous=1",
            $"set-default-sink {Sink}",
            $"set-default-source {Monitor}",
        ]);
        // -n: no default script; -F: this one. Root (CI) is allowed without --system; HOME keeps its cookie out of ~.
        var start = new ProcessStartInfo(pulseaudio)
        {
            ArgumentList = { "-n", "-F", config, "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no", "--log-target=stderr" },
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
            Environment = { ["HOME"] = _folder, ["XDG_RUNTIME_DIR"] = Path.Combine(_folder, "runtime"), ["PULSE_SERVER"] = null },
        };
        var log = new System.Text.StringBuilder();
        _daemon = Process.Start(start)!;
        _daemon.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        _daemon.OutputDataReceived += (_, e) => { };
        _daemon.BeginErrorReadLine();
        _daemon.BeginOutputReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout && !_daemon.HasExited)
        {
            if (Tool("pactl", ["list", "short", "sinks"]).StdOut.Contains(Sink)) return;
            Thread.Sleep(100);
        }
        lock (log) _failure = $"skipped: pulseaudio did not start a null sink within {StartTimeout.TotalSeconds:F0} s: {log}".Trim();
    }

    /// <summary>The address to put in PULSE_SERVER.</summary>
    public string Server { get; }

    /// <summary>Skips the calling test, saying why, when the daemon is not running.</summary>
    public void Require() => Skip.If(_failure is not null, _failure);

    /// <summary>Plays a WAV file into the sink with PulseAudio's own player, returning when it has played.</summary>
    public void Play(string wav)
    {
        var result = Tool("paplay", ["--device=" + Sink, wav]);
        Assert.True(result.ExitCode == 0, "paplay failed: " + result.StdErr);
    }

    /// <summary>
    /// Starts recording the sink's monitor with PulseAudio's own recorder, as raw mono float32, asking for 20 ms of latency as a
    /// live meter would: otherwise the null sink runs with seconds of latency and what is played reaches the monitor late.
    /// </summary>
    public MonitorCapture Capture(int sampleRateHz) => new(this, sampleRateHz, Path.Combine(_folder, $"capture-{Guid.NewGuid():N}.raw"));

    internal ChildProcess.Result Tool(string name, IEnumerable<string> arguments) =>
        ChildProcess.Run(name, arguments, new Dictionary<string, string?> { ["PULSE_SERVER"] = Server });

    private static string? Executable(string name) => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    public void Dispose()
    {
        if (_daemon is { HasExited: false })
        {
            _daemon.Kill();
            _daemon.WaitForExit(5000);
        }
        _daemon?.Dispose();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>parec running on the monitor until <see cref="Stop"/>.</summary>
    public sealed class MonitorCapture
    {
        private readonly Process _parec;
        private readonly string _file;

        internal MonitorCapture(PulseAudioServer server, int sampleRateHz, string file)
        {
            _file = file;
            SampleRateHz = sampleRateHz;
            var start = new ProcessStartInfo("bash")
            {
                ArgumentList =
                {
                    "-c",
                    $"exec parec --device={Monitor} --format=float32le --rate={sampleRateHz} --channels=1 --latency-msec=20 --raw "
                    + $"> '{file}'",
                },
                UseShellExecute = false, Environment = { ["PULSE_SERVER"] = server.Server },
            };
            _parec = Process.Start(start)!;
            // Until parec's stream runs, nothing is captured: wait for its first bytes.
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < StartTimeout && (!File.Exists(file) || new FileInfo(file).Length == 0)) Thread.Sleep(20);
        }

        public int SampleRateHz { get; }

        /// <summary>Stops parec and returns what it captured.</summary>
        public float[] Stop()
        {
            _parec.Kill();
            _parec.WaitForExit(5000);
            _parec.Dispose();
            byte[] bytes = File.ReadAllBytes(_file);
            var samples = new float[bytes.Length / sizeof(float)];
            Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * sizeof(float));
            return samples;
        }
    }
}
