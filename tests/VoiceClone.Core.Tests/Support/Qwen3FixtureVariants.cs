using System.Diagnostics;

namespace VoiceClone.Core.Tests.Support;

/// <summary>
/// Precision variants of the tiny Qwen3-TTS fixture (external data, float16 I/O, int4 MatMulNBits), derived when a test
/// or the bench runs by qwen3_fixture_variants.py with Python's onnx package (Debian: python3-onnx), written under a
/// temporary folder and never committed. Shared by the tests and the bench (linked into both).
/// </summary>
public static class Qwen3FixtureVariants
{
    public const string Script = "qwen3_fixture_variants.py";
    public static readonly string[] All = ["external", "fp16", "int4"];

    /// <summary>A Python that imports onnx and numpy, or null with the reason in <paramref name="missing"/>.</summary>
    public static string? FindPython(out string missing)
    {
        // Debian's python3-onnx installs for the system interpreter, which a pyenv or venv python3 on PATH may hide.
        string[] candidates = OperatingSystem.IsWindows() ? ["python", "py"] : ["/usr/bin/python3", "python3"];
        missing = "python3-onnx not installed (apt-get install python3-onnx, or pip install onnx numpy)";
        foreach (string python in candidates)
        {
            if (Run(python, ["-c", "import onnx, numpy"], out _) == 0) return python;
        }
        return null;
    }

    /// <summary>Derives <paramref name="variants"/> of <paramref name="fixture"/> into model folders root/variant.</summary>
    public static void Derive(string python, string fixture, string root, params string[] variants)
    {
        string script = Path.Combine(AppContext.BaseDirectory, Script);
        int code = Run(python, [script, fixture, root, .. variants], out string output);
        if (code != 0) throw new InvalidOperationException($"{Script} failed with exit code {code}:\n{output}");
    }

    private static int Run(string file, string[] arguments, out string output)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using Process process = Process.Start(start)!;
            Task<string> error = process.StandardError.ReadToEndAsync();
            output = process.StandardOutput.ReadToEnd() + error.Result;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            output = e.Message; // no such program
            return -1;
        }
    }
}
