using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;

namespace VoiceClone.Architecture.Tests;

/// <summary>The rules are not vacuous: the same cycle checks reject two folders that use each other and accept a one-way pair.</summary>
public sealed class RulesCatchViolationsTests
{
    private static readonly ArchUnitNET.Domain.Architecture Fixtures = new ArchLoader().LoadAssemblies(typeof(RulesCatchViolationsTests).Assembly).Build();

    private const string Root = "VoiceClone.Architecture.Tests.Fixtures";

    [Fact]
    public void A_cycle_between_two_folders_is_reported_with_the_types_that_make_it()
    {
        string cycle = Assert.Single(new FolderGraph(Fixtures, Root + ".Cyclic").DescribeCycles());
        Assert.Contains("cycle between Alpha, Beta", cycle);
        Assert.Contains("Alpha.Sender -> " + Root + ".Cyclic.Beta.Receiver", cycle);
        var failure = Assert.Throws<FailedArchRuleException>(() => DependencyDirectionTests.NamespacesFreeOfCycles(Root + ".Cyclic").Check(Fixtures));
        Assert.Contains("Alpha", failure.Message);
    }

    [Fact]
    public void A_one_way_dependency_has_no_cycle()
    {
        Assert.Empty(new FolderGraph(Fixtures, Root + ".Acyclic").DescribeCycles());
        DependencyDirectionTests.NamespacesFreeOfCycles(Root + ".Acyclic").Check(Fixtures);
    }
}
