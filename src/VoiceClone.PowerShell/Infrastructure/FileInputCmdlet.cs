using System.Management.Automation;

namespace VoiceClone.PowerShell;

/// <summary>
/// A cmdlet that reads files: -Path (wildcards; strings by value, Path by property name) and -LiteralPath (PSPath
/// or FullName by property name). LiteralPath is the default set: PowerShell binds pipeline objects within the
/// default set first, so a FileInfo or an object with FullName and other bindable properties lands here.
/// </summary>
public abstract class FileInputCmdlet : VoiceCloneCmdlet
{
    protected const string PathSet = "Path";
    protected const string LiteralPathSet = "LiteralPath";

    /// <summary>Files or folders; wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>Files or folders, taken exactly as typed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>The files of this pipeline input; a folder stands for its files matching <paramref name="folderPatterns"/>.</summary>
    protected List<string> InputFiles(IReadOnlyList<string> folderPatterns)
    {
        bool literal = ParameterSetName == LiteralPathSet;
        return InputPathResolver.Resolve(this, literal ? LiteralPath : Path, literal, folderPatterns).Where(Takes).ToList();
    }

    /// <summary>Whether this call works on <paramref name="file"/>: all files, unless the cmdlet takes a shard of them.</summary>
    protected virtual bool Takes(string file) => true;
}
