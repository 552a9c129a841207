namespace VoiceClone.PowerShell.Tests.Support;

/// <summary>
/// The flite synthesiser the default clone engine needs; tests skip visibly without it (the README's test command installs it).
/// </summary>
internal static class Flite
{
    public static string Require()
    {
        string? flite = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "flite")).FirstOrDefault(File.Exists);
        Skip.If(flite is null, "skipped: flite not installed (sudo apt-get install flite)");
        return flite!;
    }

    /// <summary>A speech recording to clone: flite's awb voice reading a sentence, 16 kHz.</summary>
    public static string WriteReference(string path, string voice = "awb",
        string text = "When the sunlight strikes raindrops in the air, they act as a prism and form a rainbow.")
    {
        var result = ChildProcess.Run(Require(), ["-voice", voice, "-t", text, "-o", path]);
        Assert.Equal(0, result.ExitCode);
        return path;
    }
}
