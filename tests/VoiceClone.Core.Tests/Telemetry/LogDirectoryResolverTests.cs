using VoiceClone.Core.Telemetry;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Telemetry;

[Collection(ModuleLogCollection.Name)]
public sealed class LogDirectoryResolverTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string? _savedEnvironment = Environment.GetEnvironmentVariable(LogDirectoryResolver.EnvironmentVariable);

    public LogDirectoryResolverTests() => Environment.SetEnvironmentVariable(LogDirectoryResolver.EnvironmentVariable, null);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(LogDirectoryResolver.EnvironmentVariable, _savedEnvironment);
        _dir.Dispose();
    }

    [Fact]
    public void Source_checkout_uses_the_repository_logs_folder()
    {
        File.WriteAllText(_dir.File("VoiceClone.PowerShell.sln"), "");
        string module = Directory.CreateDirectory(Path.Combine(_dir.Path, "out", "VoiceClone", "0.1.0")).FullName;
        var (directory, reason) = LogDirectoryResolver.Resolve(module, null);
        Assert.Equal(_dir.File("logs"), directory);
        Assert.Equal("source checkout", reason);
    }

    [Fact]
    public void Installed_module_uses_the_per_user_state_folder_never_the_module_folder()
    {
        string module = Directory.CreateDirectory(Path.Combine(_dir.Path, "Modules", "VoiceClone", "0.1.0")).FullName;
        var (directory, reason) = LogDirectoryResolver.Resolve(module, null);
        Assert.Equal(LogDirectoryResolver.PerUserStateDirectory(), directory);
        Assert.Equal("per-user state folder", reason);
        Assert.DoesNotContain(module, directory);
        Assert.EndsWith(Path.Combine("VoiceClone", "logs"), directory);
    }

    [Fact]
    public void Configured_folder_beats_the_default_and_the_environment_beats_both()
    {
        File.WriteAllText(_dir.File("VoiceClone.PowerShell.sln"), "");
        string configured = _dir.File("configured");
        Assert.Equal((configured, "Set-VoiceCloneConfiguration"), LogDirectoryResolver.Resolve(_dir.Path, configured));
        Environment.SetEnvironmentVariable(LogDirectoryResolver.EnvironmentVariable, _dir.File("from-env"));
        Assert.Equal(_dir.File("from-env"), LogDirectoryResolver.Resolve(_dir.Path, configured).Directory);
    }
}
