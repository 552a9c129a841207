using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;

namespace VoiceClone.Architecture.Tests;

/// <summary>
/// The dependency graph between the top-level folders under a root namespace (a type in Root.Analysis.Pitch belongs to
/// "Analysis"), and its cycles: the strongly connected components of more than one folder (Tarjan 1972).
/// </summary>
internal sealed class FolderGraph
{
    private readonly Dictionary<string, SortedSet<string>> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), string> _witness = [];

    public FolderGraph(ArchUnitNET.Domain.Architecture architecture, string rootNamespace)
    {
        foreach (IType type in architecture.Types)
        {
            if (type.Namespace?.FullName is not { } ns || Folder(ns, rootNamespace) is not { } from) continue;
            _edges.TryAdd(from, new SortedSet<string>(StringComparer.Ordinal));
            foreach (ITypeDependency dependency in type.Dependencies)
            {
                if (dependency.Target?.Namespace?.FullName is not { } target || Folder(target, rootNamespace) is not { } to || to == from) continue;
                _edges[from].Add(to);
                _witness.TryAdd((from, to), $"{type.FullName} -> {dependency.Target.FullName}");
            }
        }
    }

    public IReadOnlyCollection<string> Folders => _edges.Keys;

    /// <summary>Each cycle as its folders, with one type-level dependency per edge inside it.</summary>
    public List<string> DescribeCycles() => StronglyConnected().Where(c => c.Count > 1).Select(Describe).ToList();

    private string Describe(List<string> component)
    {
        var members = component.ToHashSet();
        var lines = component.SelectMany(from => _edges[from].Where(members.Contains).Select(to => $"  {from} -> {to}: {_witness[(from, to)]}"));
        return $"cycle between {string.Join(", ", component.Order(StringComparer.Ordinal))}:\n{string.Join("\n", lines)}";
    }

    private static string? Folder(string ns, string root) =>
        ns.StartsWith(root + ".", StringComparison.Ordinal) ? ns[(root.Length + 1)..].Split('.')[0] : null;

    private List<List<string>> StronglyConnected()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<List<string>>();
        int next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (string w in _edges.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            components.Add(component);
        }

        foreach (string v in _edges.Keys.Order(StringComparer.Ordinal)) if (!index.ContainsKey(v)) Visit(v);
        return components;
    }
}
