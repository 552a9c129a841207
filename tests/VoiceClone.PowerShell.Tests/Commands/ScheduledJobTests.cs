using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

/// <summary>
/// Jobs as a scheduler runs them (`pwsh -NoProfile -NonInteractive -File job.ps1`): every failure a user can cause, under
/// -ErrorAction Stop or $ErrorActionPreference = 'Stop', ends the script with a non-zero exit code; nothing runs after it.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ScheduledJobTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-job-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ChildProcess.Result RunJob(string body)
    {
        string script = Path.Combine(_dir, "job.ps1");
        File.WriteAllText(script, $"Import-Module VoiceClone\n{body}\n'the job went on'\n");
        return ChildProcess.Run("bash", [RepositoryPaths.PwshScript, "-File", script], new Dictionary<string, string?>
        {
            ["VOICECLONE_LOG_DIR"] = Path.Combine(_dir, "logs"),
            ["VOICECLONE_MODELS_DIR"] = Path.Combine(_dir, "no-models"),
        });
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "a file that is not audio", "Set-Content -Path bad.wav -Value 'notes'; Get-VoiceFeature -LiteralPath bad.wav -ErrorAction Stop" },
        { "the Qwen3 engine without its model folder", "New-VoiceClone -LiteralPath x.wav -Text 'Hi.' -Engine Qwen3 -ModelPath ./missing -ErrorAction Stop" },
        { "an emotion model folder that holds no model", "$null = New-Item -ItemType Directory empty -Force; Get-VoiceEmotion -LiteralPath x.wav -ModelPath ./empty -ErrorAction Stop" },
        { "SwiftF0 without its model", "Get-VoiceFeature -LiteralPath x.wav -PitchAlgorithm SwiftF0 -ErrorAction Stop" },
        { "a bad pitch range under $ErrorActionPreference", "$ErrorActionPreference = 'Stop'; Get-VoiceFeature -LiteralPath x.wav -PitchFloorHz 300 -PitchCeilingHz 200" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failing_call_under_Stop_ends_the_job_with_a_non_zero_exit_code(string failure, string call)
    {
        TestAudio.WriteVoice(Path.Combine(_dir, "x.wav"), 140, 1.5);
        var result = RunJob($"Set-Location '{_dir}'\n{call}");
        Assert.True(result.ExitCode != 0, $"{failure}: exit code {result.ExitCode}\n{result.StdOut}\n{result.StdErr}");
        Assert.DoesNotContain("the job went on", result.StdOut);
    }

    [Fact]
    public void The_same_whole_call_failure_without_Stop_is_reported_and_the_job_decides()
    {
        var result = RunJob($"New-VoiceClone -LiteralPath '{_dir}/x.wav' -Text 'Hi.' -Engine Qwen3 -ModelPath '{_dir}/missing'\nif (-not $?) {{ exit 3 }}");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("ModelFileMissing", File.ReadAllText(Directory.GetFiles(Path.Combine(_dir, "logs"), "app*.log").Single()));
    }

    [Fact]
    public void Confirm_in_a_non_interactive_job_is_PowerShells_own_error_not_an_unexpected_one()
    {
        var result = RunJob($"try {{ Set-VoiceCloneConfiguration -LogDirectory '{_dir}/elsewhere' -Confirm }} catch {{ $_.FullyQualifiedErrorId; $_.CategoryInfo.Category; exit 4 }}");
        Assert.Equal(4, result.ExitCode);
        Assert.DoesNotContain("UnexpectedError", result.StdOut);
        Assert.Contains("InvalidOperation", result.StdOut);
    }
}
