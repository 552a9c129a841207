using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace VoiceClone.Architecture.Tests;

/// <summary>
/// The house rules of dependency, on the compiled assemblies: Abstractions ← Core ← PowerShell; no cycle between Core's
/// top-level folders; engines independent of the clone workflow; the cmdlets reaching Core only through Runtime/.
/// </summary>
public sealed class DependencyDirectionTests
{
    private static readonly System.Reflection.Assembly Abstractions = typeof(VoiceCloneException).Assembly;
    private static readonly System.Reflection.Assembly Core = typeof(VoiceClone.Core.Runtime.VoiceCloneRuntime).Assembly;
    // Loaded without touching its types: they derive from PowerShell's, which this process does not carry.
    private static readonly System.Reflection.Assembly Cmdlets =
        System.Reflection.Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "VoiceClone.PowerShell.dll"));

    private static readonly ArchUnitNET.Domain.Architecture Module = new ArchLoader().LoadAssemblies(Abstractions, Core, Cmdlets).Build();

    /// <summary>Every namespace as a slice: no two folders at any depth use each other.</summary>
    internal static IArchRule NamespacesFreeOfCycles(string rootNamespace) =>
        SliceRuleDefinition.Slices().Matching(rootNamespace + ".(*)").Should().BeFreeOfCycles();

    [Fact]
    public void Core_top_level_folders_depend_on_each_other_without_cycles()
    {
        var graph = new FolderGraph(Module, "VoiceClone.Core");
        Assert.Contains("Engines", graph.Folders); // the graph is not empty by accident
        Assert.Empty(graph.DescribeCycles());
    }

    [Fact]
    public void No_two_Core_namespaces_at_any_depth_depend_on_each_other() => NamespacesFreeOfCycles("VoiceClone.Core").Check(Module);

    [Fact]
    public void Engines_know_nothing_of_the_clone_workflow() =>
        Types().That().ResideInNamespaceOrBelow("VoiceClone.Core.Engines")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceOrBelow("VoiceClone.Core.Cloning")
                .Or().ResideInNamespaceOrBelow("VoiceClone.Core.Runtime"))
            .Check(Module);

    [Fact]
    public void Cmdlets_reach_Core_only_through_its_entry_points() =>
        Types().That().ResideInAssembly(Cmdlets)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(Core)
                .And().DoNotResideInNamespace("VoiceClone.Core.Runtime"))
            .Check(Module);

    [Fact]
    public void Abstractions_depend_on_no_other_VoiceClone_assembly() =>
        Types().That().ResideInAssembly(Abstractions)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(Core).Or().ResideInAssembly(Cmdlets))
            .Check(Module);
}
