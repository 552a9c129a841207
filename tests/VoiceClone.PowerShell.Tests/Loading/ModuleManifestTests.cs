using System.Management.Automation;
using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Loading;

[Collection(EngineCollection.Name)]
public sealed class ModuleManifestTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Manifest_is_valid_and_stamped_with_the_one_version()
    {
        PSObject manifest = _session.Invoke($"Test-ModuleManifest '{RepositoryPaths.Manifest}'").Single();
        Assert.Equal(new Version(RepositoryPaths.Version), manifest.Properties["Version"].Value);
        Assert.Equal(new Version(7, 6), manifest.Properties["PowerShellVersion"].Value);
        Assert.Equal(["Core"], ((IEnumerable<string>)manifest.Properties["CompatiblePSEditions"].Value).ToArray());
        PSObject assemblyVersion = _session.Invoke("[VoiceClone.PowerShell.Commands.GetCloneFingerprintCommand].Assembly.GetName().Version.ToString(3)").Single();
        Assert.Equal(RepositoryPaths.Version, assemblyVersion.BaseObject);
    }

    [Fact]
    public void Exports_exactly_the_cmdlets_the_assembly_defines()
    {
        var exported = _session.Invoke("(Get-Module VoiceClone).ExportedCmdlets.Keys").Select(o => (string)o.BaseObject).Order().ToArray();
        var defined = _session.Invoke(
                "[VoiceClone.PowerShell.Commands.GetCloneFingerprintCommand].Assembly.GetTypes() | Where-Object { $_.IsDefined([System.Management.Automation.CmdletAttribute], $false) } | ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; $a.VerbName + '-' + $a.NounName }")
            .Select(o => (string)o.BaseObject).Order().ToArray();
        Assert.Equal(defined, exported);
        Assert.Empty(_session.Invoke("(Get-Module VoiceClone).ExportedFunctions.Keys"));
    }

    [Fact]
    public void Cmdlets_use_approved_verbs_and_declare_output_types()
    {
        var unapproved = _session.Invoke(
            "$approved = [System.Management.Automation.VerbInfo]; Get-Command -Module VoiceClone | Where-Object { -not [System.Management.Automation.VerbsCommon].GetField($_.Verb) -and -not [System.Management.Automation.VerbsData].GetField($_.Verb) -and -not [System.Management.Automation.VerbsLifecycle].GetField($_.Verb) -and -not [System.Management.Automation.VerbsDiagnostic].GetField($_.Verb) } | ForEach-Object Name");
        Assert.Empty(unapproved);
        var withoutOutputType = _session.Invoke("Get-Command -Module VoiceClone | Where-Object { $_.OutputType.Count -eq 0 } | ForEach-Object Name");
        Assert.Empty(withoutOutputType);
    }

    [Fact]
    public void Engine_and_packages_live_in_the_module_context_and_public_types_in_the_default_one()
    {
        _session.Invoke("Get-VoiceCloneConfiguration | Out-Null");
        var contexts = _session.Invoke(
                "[System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -match '^(VoiceClone|Serilog)' } | ForEach-Object { $_.GetName().Name + '=' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }")
            .Select(o => (string)o.BaseObject).ToHashSet();
        Assert.Contains("VoiceClone.Core=VoiceClone", contexts);
        Assert.Contains("VoiceClone.Abstractions=Default", contexts);
        Assert.Contains("VoiceClone.PowerShell=Default", contexts);
        Assert.Contains(contexts, c => c.StartsWith("Serilog=") && c.EndsWith("=VoiceClone"));
        Assert.DoesNotContain(contexts, c => c.StartsWith("Serilog") && c.EndsWith("=Default"));
    }

    [Fact]
    public void Importing_again_in_another_runspace_shares_one_engine()
    {
        using var second = new ModuleSession();
        second.Invoke("Get-VoiceCloneConfiguration | Out-Null");
        var count = second.Invoke("@([System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'VoiceClone.Core' }).Count");
        Assert.Equal(1, (int)count.Single().BaseObject);
    }
}
