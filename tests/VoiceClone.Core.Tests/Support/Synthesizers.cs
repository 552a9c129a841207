namespace VoiceClone.Core.Tests.Support;

/// <summary>The command-line synthesisers the default engine uses; tests of the real ones skip visibly without them.</summary>
internal static class Synthesizers
{
    public static string Require(string program, string package)
    {
        string? path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
        Skip.If(path is null, $"skipped: {program} not installed (sudo apt-get install {package})");
        return path!;
    }
}
