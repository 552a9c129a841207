namespace VoiceClone.PowerShell.Tests.Support;

/// <summary>espeak-ng, the default engine's synthesiser beyond English; tests skip visibly without it (build.sh Test installs).</summary>
internal static class Espeak
{
    public static void Require()
    {
        bool found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(d => File.Exists(Path.Combine(d, "espeak-ng")));
        Skip.IfNot(found, "skipped: espeak-ng not installed (sudo apt-get install espeak-ng)");
    }
}
