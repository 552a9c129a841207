using System.Management.Automation;
using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

[Collection(EngineCollection.Name)]
public sealed class ConfigurationTests : IDisposable
{
    private readonly EngineFixture _engine;
    private readonly ModuleSession _session = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-cfg-").FullName;

    public ConfigurationTests(EngineFixture engine) => _engine = engine;

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("VOICECLONE_LOG_DIR", _engine.LogDirectory);
        _session.Invoke("Set-VoiceCloneConfiguration -ResetLogDirectory");
        _session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string LogDirectory() => (string)_session.Invoke("(Get-VoiceCloneConfiguration).LogDirectory").Single().BaseObject;

    [Fact]
    public void Reports_version_module_root_and_why_logs_go_where_they_go()
    {
        PSObject config = _session.Invoke("Get-VoiceCloneConfiguration").Single();
        Assert.Equal(RepositoryPaths.Version, config.Properties["Version"].Value);
        Assert.Equal(_engine.LogDirectory, config.Properties["LogDirectory"].Value);
        Assert.Equal("$VOICECLONE_LOG_DIR", config.Properties["LogDirectorySource"].Value);
    }

    [Fact]
    public void WhatIf_changes_nothing_and_the_real_call_moves_the_log_files()
    {
        Environment.SetEnvironmentVariable("VOICECLONE_LOG_DIR", null);
        string target = Path.Combine(_dir, "custom-logs");
        _session.Invoke($"Set-VoiceCloneConfiguration -LogDirectory '{target}' -WhatIf");
        Assert.False(Directory.Exists(target));

        PSObject config = _session.Invoke($"Set-VoiceCloneConfiguration -LogDirectory '{target}' -PassThru").Single();
        Assert.Equal(target, config.Properties["LogDirectory"].Value);
        Assert.Equal("Set-VoiceCloneConfiguration", config.Properties["LogDirectorySource"].Value);
        Assert.True(File.Exists(Path.Combine(target, "app.log")));
    }

    [Fact]
    public void Setting_a_folder_while_VOICECLONE_LOG_DIR_is_set_warns_that_the_variable_wins()
    {
        string target = Path.Combine(_dir, "ignored-logs");
        _session.Invoke($"Set-VoiceCloneConfiguration -LogDirectory '{target}'", out var streams);
        string warning = Assert.Single(streams.Warning).Message;
        Assert.Contains("VOICECLONE_LOG_DIR", warning);
        Assert.Contains(_engine.LogDirectory, warning);
        Assert.Equal(_engine.LogDirectory, LogDirectory());

        Environment.SetEnvironmentVariable("VOICECLONE_LOG_DIR", null);
        _session.Invoke($"Set-VoiceCloneConfiguration -LogDirectory '{target}'", out var quiet);
        Assert.Empty(quiet.Warning);
        Assert.Equal(target, LogDirectory());
    }

    [Fact]
    public void An_unusable_folder_is_a_terminating_ConfigurationInvalid_error_and_nothing_changes()
    {
        Environment.SetEnvironmentVariable("VOICECLONE_LOG_DIR", null);
        string before = LogDirectory();
        string aFile = Path.Combine(_dir, "a-file");
        File.WriteAllText(aFile, "");
        var output = _session.Invoke(
            $"try {{ Set-VoiceCloneConfiguration -LogDirectory '{aFile}/logs'; 'not reached' }} catch {{ $_.FullyQualifiedErrorId }}");
        Assert.StartsWith("ConfigurationInvalid,", (string)output.Single().BaseObject);
        Assert.Equal(before, LogDirectory());
    }
}
