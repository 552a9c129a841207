using System.Diagnostics;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Engines;
using VoiceClone.Core.IO;

namespace VoiceClone.Core.Engines.Default;

/// <summary>
/// Runs the flite command-line synthesiser (Black &amp; Lenzo 2001, CMU) for the default engine's base speech.
/// Found through VOICECLONE_FLITE or PATH; text goes through a file so no argument is ever parsed as an option.
/// </summary>
public static class FliteSynthesizer
{
    public const string Source = "default_engine";
    public const string ExecutableVariable = "VOICECLONE_FLITE";
    // Flite speaks roughly 3 words a second on one core; a minute covers 10,000 characters with room to spare.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The full path of the flite executable, or a SynthesizerMissing error.</summary>
    public static string Locate()
    {
        string? configured = Environment.GetEnvironmentVariable(ExecutableVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (File.Exists(configured)) return Path.GetFullPath(configured);
            throw Missing($"{ExecutableVariable} points at '{configured}', which does not exist.");
        }
        string name = OperatingSystem.IsWindows() ? "flite.exe" : "flite";
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw Missing("flite was not found on PATH.");
    }

    /// <summary>Speaks <paramref name="text"/> with one of flite's built-in voices; returns mono audio at the voice's own rate.</summary>
    public static AudioBuffer Speak(string text, string voice, CancellationToken cancellation)
    {
        string executable = Locate();
        string scratch = ScratchFolder.NewFile("");
        string textFile = scratch + ".txt", wavFile = scratch + ".wav";
        try
        {
            File.WriteAllText(textFile, text);
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, CreateNoWindow = true,
            };
            foreach (string arg in new[] { "-voice", voice, "-f", textFile, "-o", wavFile }) start.ArgumentList.Add(arg);
            using var process = Process.Start(start) ?? throw Missing($"'{executable}' could not be started.");
            Task<string> stderr = process.StandardError.ReadToEndAsync(cancellation);
            _ = process.StandardOutput.ReadToEndAsync(cancellation);
            using (cancellation.Register(() => Kill(process)))
            {
                if (!process.WaitForExit(Timeout))
                {
                    Kill(process);
                    throw new SynthesisAttemptException(VoiceCloneErrorCategory.Timeout, $"flite did not finish within {Timeout.TotalSeconds:F0} s.");
                }
            }
            cancellation.ThrowIfCancellationRequested();
            if (process.ExitCode != 0 || !File.Exists(wavFile))
            {
                throw new SynthesisAttemptException(VoiceCloneErrorCategory.Dependency, $"flite (voice {voice}) exited with code {process.ExitCode}: {Truncate(stderr.IsCompleted ? stderr.Result : "")}");
            }
            return WavReader.ReadMono(wavFile);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw Missing($"'{executable}' could not be run: {e.Message}");
        }
        finally
        {
            TryDelete(textFile);
            TryDelete(wavFile);
        }
    }

    private static VoiceCloneException Missing(string detail) =>
        new(VoiceCloneErrors.SynthesizerMissing, $"{detail} The default engine needs flite. {VoiceCloneErrors.SynthesizerMissing.Remedy}");

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already exited */ }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text.Trim() : text[..300].Trim() + "...";

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
