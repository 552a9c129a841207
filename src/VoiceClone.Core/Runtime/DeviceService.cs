using VoiceClone.Core.Audio;
using VoiceClone.Core.Devices;
using VoiceClone.Core.Devices.PulseAudio;
using VoiceClone.Core.Devices.Wasapi;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Runtime;

/// <summary>What to record and where to write it.</summary>
public sealed record RecordingSettings(string Path)
{
    public double Seconds { get; init; } = 5;
    /// <summary>A device's name or id (or a unique part of its name); null for the default input.</summary>
    public string? Device { get; init; }
    public int SampleRateHz { get; init; } = 48000;
    public bool Overwrite { get; init; }
}

/// <summary>A take written to disk, with what the analysis found wrong with it (nothing, for a good take).</summary>
public sealed record RecordedTake(string Path, double DurationSeconds, int SampleRateHz, string Device, IReadOnlyList<string> Problems);

/// <summary>The sound-device capability: listing inputs and outputs, recording a take to a WAV file, playing audio.</summary>
public sealed class DeviceService
{
    public const string Source = "audio_device";
    private readonly VoiceCloneRuntime _runtime;
    private readonly Lazy<IAudioBackend> _backend;

    internal DeviceService(VoiceCloneRuntime runtime, Func<IAudioBackend>? backend = null)
    {
        _runtime = runtime;
        _backend = new Lazy<IAudioBackend>(backend ?? ForThisPlatform);
    }

    /// <summary>The sound system of this platform: WASAPI on Windows, PulseAudio (or PipeWire's PulseAudio server) on Linux.</summary>
    private static IAudioBackend ForThisPlatform() =>
        OperatingSystem.IsWindows() ? new WasapiBackend(new NAudioEndpoints())
        : OperatingSystem.IsLinux() ? new PulseAudioBackend()
        : new UnsupportedPlatformBackend();

    /// <summary>The sound system in use: WASAPI, PulseAudio, or none.</summary>
    public string Backend => _backend.Value.Name;

    public IReadOnlyList<AudioDevice> List() => _backend.Value.ListDevices();

    /// <summary>
    /// Records <see cref="RecordingSettings.Seconds"/> from the chosen input and writes a 16-bit mono WAV through a staged file;
    /// an existing file without <see cref="RecordingSettings.Overwrite"/> is an OutputExists error before the device opens.
    /// </summary>
    public RecordedTake Record(RecordingSettings settings, Action<WorkProgress>? progress, CancellationToken stop)
    {
        if (!settings.Overwrite && File.Exists(settings.Path)) throw Exists(settings.Path, null);
        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(settings.Path))!;
        if (!Directory.Exists(folder))
        {
            throw new VoiceCloneException(VoiceCloneErrors.AudioWriteFailed,
                $"The folder '{folder}' does not exist; nothing was recorded.", settings.Path);
        }
        using var metrics = ExecutionMetrics.Start("New-VoiceRecording", Source, $"path={settings.Path} seconds={settings.Seconds}");
        try
        {
            IAudioBackend backend = _backend.Value;
            AudioDevice? device = Resolve(AudioDeviceKind.Input, settings.Device);
            string deviceName = device?.Name ?? "default input";
            _runtime.Logs.Write(ModuleLogLevel.Information, Source, $"Recording {settings.Seconds:F1} s from {backend.Name} {deviceName}");
            AudioBuffer take = AudioCapture.Record(backend, device, settings.SampleRateHz, settings.Seconds,
                progress is null ? null : (done, meter) => progress(new WorkProgress(
                    $"Recording from {deviceName}: {done:F1} of {settings.Seconds:F1} s",
                    (int)Math.Min(100, 100 * done / settings.Seconds), (int)Math.Ceiling(settings.Seconds - done), meter.Display())),
                stop);
            Write(settings, take);
            IReadOnlyList<string> problems = RecordingQuality.Problems(take);
            foreach (string problem in problems) _runtime.Logs.Write(ModuleLogLevel.Warning, Source, problem);
            metrics.Complete($"RecordedTake duration_s={take.DurationSeconds:F3} problems={problems.Count}");
            return new RecordedTake(settings.Path, take.DurationSeconds, take.SampleRateHz, deviceName, problems);
        }
        catch (VoiceCloneException e)
        {
            metrics.Fail(e.ErrorId);
            throw;
        }
    }

    /// <summary>Plays a WAV file on the chosen output (null: the default) and returns when it has been heard, or at a stop.</summary>
    public void Play(string path, string? device, Action<WorkProgress>? progress, CancellationToken stop)
    {
        using var metrics = ExecutionMetrics.Start("Start-VoicePlayback", Source, $"path={path}");
        try
        {
            AudioBuffer audio = WavReader.ReadMono(path);
            AudioDevice? output = Resolve(AudioDeviceKind.Output, device);
            string name = Path.GetFileName(path);
            AudioPlayback.Play(_backend.Value, output, audio, progress is null ? null : done => progress(new WorkProgress(
                $"Playing {name} on {output?.Name ?? "the default output"}", (int)Math.Min(100, 100 * done / audio.DurationSeconds),
                (int)Math.Ceiling(audio.DurationSeconds - done))), stop);
            metrics.Complete($"played_s={audio.DurationSeconds:F3}");
        }
        catch (VoiceCloneException e)
        {
            metrics.Fail(e.ErrorId);
            throw;
        }
    }

    private AudioDevice? Resolve(AudioDeviceKind kind, string? requested) =>
        string.IsNullOrWhiteSpace(requested) ? null : AudioDeviceSelector.Select(List(), kind, requested, Backend);

    private static void Write(RecordingSettings settings, AudioBuffer take)
    {
        try
        {
            WavWriter.Write(settings.Path, take.Samples, take.SampleRateHz, WavSampleFormat.Pcm16,
                new Dictionary<string, string> { [WavWriter.SoftwareTag] = "VoiceClone New-VoiceRecording" }, settings.Overwrite);
        }
        catch (VoiceCloneException e)
            when (e.Error == VoiceCloneErrors.AudioWriteFailed && !settings.Overwrite && File.Exists(settings.Path))
        {
            throw Exists(settings.Path, e);
        }
    }

    private static VoiceCloneException Exists(string path, Exception? inner) =>
        new(VoiceCloneErrors.OutputExists, $"'{path}' already exists and was left untouched.", path, inner);
}
