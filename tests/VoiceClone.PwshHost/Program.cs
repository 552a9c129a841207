using System.Management.Automation;
using System.Management.Automation.Runspaces;
using VoiceClone.PwshHost;

// pwsh-compatible entry: voiceclone-pwsh [-NoProfile] [-NonInteractive] [-NoLogo] (-Command <text...> | -File <path> [args...])
// Exit codes: -File returns $LASTEXITCODE as the script leaves it ('exit N', or the last native command's code; 0 when
// neither set it; 1 on a terminating error) - stricter than pwsh, which returns 0 after a script that ends normally;
// -Command returns 'exit N', or 1 when the command wrote errors or failed, else 0.
return HostProgram.Run(args);

internal static class HostProgram
{
    public static int Run(string[] args)
    {
        string? command = null, file = null;
        var fileArgs = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i].ToLowerInvariant();
            if (a is "-noprofile" or "-nop" or "-noninteractive" or "-noni" or "-nologo") continue;
            if (a is "-c" or "-command") { command = string.Join(' ', args.Skip(i + 1)); break; }
            if (a is "-f" or "-file" && i + 1 < args.Length) { file = args[i + 1]; fileArgs.AddRange(args.Skip(i + 2)); break; }
            Console.Error.WriteLine($"voiceclone-pwsh: unknown argument '{args[i]}'. Usage: -Command <script> | -File <path> [args]");
            return 64;
        }
        if (command is null && file is null)
        {
            Console.Error.WriteLine("voiceclone-pwsh: nothing to run. Usage: -Command <script> | -File <path> [args]");
            return 64;
        }

        var host = new ConsoleHost();
        using Runspace runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
        runspace.Open();
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        LoadCompatibilityFunctions(ps);
        // A non-interactive host: output goes to files and logs, so never colour escape codes.
        ps.AddScript("$PSStyle.OutputRendering = 'PlainText'").Invoke();
        ps.Commands.Clear();

        if (file is not null)
        {
            if (!File.Exists(file)) { Console.Error.WriteLine($"The argument '{file}' is not recognized as the name of a script file."); return 64; }
            // As pwsh -File does: '-Name' tokens bind parameters by name, everything else is a literal value.
            ps.AddScript("& " + Quote(Path.GetFullPath(file)) + " " + string.Join(' ', fileArgs.Select(QuoteArgument)));
        }
        else
        {
            ps.AddScript(command!);
        }
        ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
        ps.AddCommand("Out-Default");

        try
        {
            ps.Invoke();
        }
        catch (RuntimeException e)
        {
            Console.Error.WriteLine(e.ErrorRecord?.ToString() ?? e.Message);
            return host.ExitCode ?? 1;
        }
        if (host.ExitCode is int code) return code;
        if (file is not null) return runspace.SessionStateProxy.GetVariable("LASTEXITCODE") is int last ? last : 0;
        return ps.HadErrors ? 1 : 0;
    }

    private static string QuoteArgument(string arg) =>
        System.Text.RegularExpressions.Regex.IsMatch(arg, @"^-[A-Za-z_][A-Za-z0-9_]*(:\$(true|false))?$") ? arg : Quote(arg);

    private static string Quote(string value) => "'" + value.Replace("'", "''") + "'";

    private static void LoadCompatibilityFunctions(PowerShell ps)
    {
        using Stream stream = typeof(HostProgram).Assembly.GetManifestResourceStream("HostCompat.ps1")!;
        string script = new StreamReader(stream).ReadToEnd();
        ps.AddScript(script).Invoke();
        ps.Commands.Clear();
        ps.Streams.ClearStreams();
    }
}
