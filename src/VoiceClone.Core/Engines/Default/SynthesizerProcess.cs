using System.Diagnostics;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.IO;

namespace VoiceClone.Core.Engines.Default;

/// <summary>
/// Runs a command-line synthesiser (flite, espeak-ng, say) the one safe way: the text goes through a UTF-8 file and every
/// argument through ArgumentList, so nothing is ever parsed by a shell or read as an option; a stop or a timeout kills it.
/// Its scratch files live in this process's <see cref="ScratchFolder"/>.
/// </summary>
internal static class SynthesizerProcess
{
    // The synthesisers speak far faster than real time; a minute covers 10,000 characters with room to spare.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>What a run printed and the audio it wrote.</summary>
    public sealed record Result(AudioBuffer Audio, string StandardOutput);

    /// <summary>
    /// Writes <paramref name="text"/> to a scratch file, runs <paramref name="executable"/> with the arguments
    /// <paramref name="arguments"/> builds from the text file's and the WAV file's paths, and reads the WAV back (mono).
    /// </summary>
    public static Result Speak(string executable, string name, string text, Func<string, string, IEnumerable<string>> arguments,
        CancellationToken cancellation)
    {
        string scratch = ScratchFolder.NewFile(""); // a killed process's files are removed by the next runtime
        string textFile = scratch + ".txt", wavFile = scratch + ".wav";
        try
        {
            File.WriteAllText(textFile, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            string output = Run(executable, name, arguments(textFile, wavFile), cancellation);
            if (!File.Exists(wavFile))
                throw new SynthesisAttemptException(VoiceCloneErrorCategory.Dependency, $"{name} wrote no audio.");
            return new Result(WavReader.ReadMono(wavFile), output);
        }
        finally
        {
            TryDelete(textFile);
            TryDelete(wavFile);
        }
    }

    /// <summary>Runs the program to completion and returns its standard output; a non-zero exit fails the attempt.</summary>
    public static string Run(string executable, string name, IEnumerable<string> arguments, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, CreateNoWindow = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (string arg in arguments) start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start) ?? throw Unstartable(executable, name, "it could not be started");
            Task<string> stderr = process.StandardError.ReadToEndAsync(cancellation);
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellation);
            using (cancellation.Register(() => Kill(process)))
            {
                if (!process.WaitForExit(Timeout))
                {
                    Kill(process);
                    throw new SynthesisAttemptException(VoiceCloneErrorCategory.Timeout,
                        $"{name} did not finish within {Timeout.TotalSeconds:F0} s.");
                }
            }
            cancellation.ThrowIfCancellationRequested();
            // The process has exited, so both pipes reach their end: the reads finish at once.
            string output = stdout.GetAwaiter().GetResult(), errors = stderr.GetAwaiter().GetResult();
            if (process.ExitCode != 0)
            {
                throw new SynthesisAttemptException(VoiceCloneErrorCategory.Dependency,
                    $"{name} exited with code {process.ExitCode}: {Truncate(errors)}");
            }
            return output;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw Unstartable(executable, name, e.Message);
        }
    }

    private static VoiceCloneException Unstartable(string executable, string name, string why) =>
        Missing($"{name} ('{executable}') could not be run: {why}.");

    /// <summary>A SynthesizerMissing error: what is missing, then the table's remedy.</summary>
    public static VoiceCloneException Missing(string detail) =>
        new(VoiceCloneErrors.SynthesizerMissing, $"{detail} {VoiceCloneErrors.SynthesizerMissing.Remedy}");

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

    /// <summary>
    /// The full path of a program: <paramref name="variable"/>'s value when set (an error when it names no file), else the
    /// first of <paramref name="fileName"/> on PATH or in <paramref name="extraFolders"/>; null when there is none.
    /// </summary>
    public static string? Locate(string variable, string fileName, IEnumerable<string> extraFolders, out string? problem)
    {
        problem = null;
        string? configured = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (File.Exists(configured)) return Path.GetFullPath(configured);
            problem = $"{variable} points at '{configured}', which does not exist.";
            return null;
        }
        string name = OperatingSystem.IsWindows() ? fileName + ".exe" : fileName;
        IEnumerable<string> folders = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(extraFolders);
        return folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
    }
}
