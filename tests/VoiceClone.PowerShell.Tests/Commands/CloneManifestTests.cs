using VoiceClone.PowerShell.Tests.Support;

namespace VoiceClone.PowerShell.Tests.Commands;

/// <summary>New-VoiceClone -Manifest: one pair per row, in shards, and a re-run makes only the pairs that are not whole.</summary>
[Collection(EngineCollection.Name)]
public sealed class CloneManifestTests : IDisposable
{
    private readonly ModuleSession _session = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("voiceclone-clonebatch-").FullName;

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string[] Ids(string script) => _session.Invoke(script).Select(o => (string)o.Properties["Id"].Value).ToArray();

    private Dictionary<string, string> Pairs(string output) =>
        OutputFolder.Files(output).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    [SkippableFact]
    public void Shards_make_every_row_once_and_a_run_after_a_kill_remakes_only_the_missing_and_broken_pairs()
    {
        Flite.WriteReference(Path.Combine(_dir, "awb.wav"));
        Flite.WriteReference(Path.Combine(_dir, "slt.wav"), voice: "slt");
        string[] ids = ["n1", "n2", "n3", "n4", "n5"];
        File.WriteAllLines(Path.Combine(_dir, "jobs.csv"), ["reference,text,id", "awb.wav,Good morning.,n1", "slt.wav,\"Good morning, all.\",n2",
            "awb.wav,See you tomorrow.,n3", "slt.wav,The night is young.,n4", "awb.wav,One more for the road.,n5"]);
        string output = Path.Combine(_dir, "clones");
        string Run(int i, string extra = "") => $"New-VoiceClone -Manifest '{_dir}/jobs.csv' -OutputDirectory '{output}' -ShardIndex {i} -ShardCount 2 {extra}";

        Assert.Equal(["n1", "n3", "n5"], Ids(Run(0)));
        Assert.Equal(["n2", "n4"], Ids(Run(1)));
        Dictionary<string, string> made = Pairs(output);
        Assert.Equal(ids.SelectMany(id => new[] { $"cloned_{id}.json", $"cloned_{id}.wav" }).Order(), made.Keys.Order());

        // What a kill leaves: n3 lost its fingerprint between the renames, n5 was never made; n1 is whole.
        File.Delete(Path.Combine(output, "cloned_n3.json"));
        File.Delete(Path.Combine(output, "cloned_n5.json"));
        File.Delete(Path.Combine(output, "cloned_n5.wav"));
        string[] remade = _session.Invoke(Run(0, "-Verbose"), out ModuleSession.StreamRecords streams)
            .Select(o => (string)o.Properties["Id"].Value).ToArray();
        Assert.Equal(["n3", "n5"], remade);
        Assert.Contains(streams.Verbose, v => v.Message.Contains("Skipped 1 clone(s)"));
        Dictionary<string, string> after = Pairs(output);
        Assert.Equal(made.Keys.Order(), after.Keys.Order());
        foreach (string unchanged in new[] { "cloned_n1.wav", "cloned_n1.json", "cloned_n2.wav", "cloned_n4.json" }) Assert.Equal(made[unchanged], after[unchanged]);
        Assert.Empty(Ids(Run(1)));
        Assert.Equal(after, Pairs(output));
    }

    [SkippableFact]
    public void A_row_whose_id_holds_another_text_is_OutputExists_and_Force_replaces_it()
    {
        Flite.WriteReference(Path.Combine(_dir, "awb.wav"));
        string output = Path.Combine(_dir, "clones");
        File.WriteAllLines(Path.Combine(_dir, "jobs.csv"), ["reference,text,id", "awb.wav,Good morning.,m1"]);
        Assert.Equal(["m1"], Ids($"New-VoiceClone -Manifest '{_dir}/jobs.csv' -OutputDirectory '{output}'"));
        File.WriteAllLines(Path.Combine(_dir, "jobs.csv"), ["reference,text,id", "awb.wav,Good evening.,m1"]);
        _session.Invoke($"New-VoiceClone -Manifest '{_dir}/jobs.csv' -OutputDirectory '{output}'", out ModuleSession.StreamRecords streams);
        Assert.StartsWith("OutputExists", Assert.Single(streams.Error).FullyQualifiedErrorId);
        Assert.Equal("Good morning.", _session.Invoke($"(Get-CloneFingerprint '{output}/cloned_m1.json').Text").Single().BaseObject);
        Assert.Equal(["m1"], Ids($"New-VoiceClone -Manifest '{_dir}/jobs.csv' -OutputDirectory '{output}' -Force"));
        Assert.Equal("Good evening.", _session.Invoke($"(Get-CloneFingerprint '{output}/cloned_m1.json').Text").Single().BaseObject);
    }

    [SkippableFact]
    public void WhatIf_makes_nothing_not_even_for_a_reference_that_is_missing()
    {
        Flite.Require();
        File.WriteAllLines(Path.Combine(_dir, "jobs.csv"), ["reference,text,id", "a.wav,Hi.,w1", "a.wav,Ho.,w2", "a.wav,Ha.,w3"]);
        _session.Invoke($"New-VoiceClone -Manifest '{_dir}/jobs.csv' -OutputDirectory '{_dir}/o' -ShardIndex 0 -ShardCount 2 -WhatIf -Verbose 4>&1 | Out-Null",
            out ModuleSession.StreamRecords streams);
        Assert.Empty(streams.Error);
        Assert.Empty(Directory.Exists(Path.Combine(_dir, "o")) ? Directory.GetFiles(Path.Combine(_dir, "o")) : []);
    }
}
