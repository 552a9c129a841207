# Stand-ins for a few Microsoft.PowerShell.Commands.* cmdlets, which the System.Management.Automation
# package does not contain. Each is defined only when the real command is absent, covers only the
# parameters this project's scripts and README use, and is never loaded under real pwsh.
$__compat = @{}

$__compat['Write-Host'] = {
    param([Parameter(Position = 0, ValueFromRemainingArguments)] $Object, [switch] $NoNewline, $ForegroundColor, $BackgroundColor, $Separator = ' ')
    $text = ($Object | ForEach-Object { "$_" }) -join $Separator
    if ($NoNewline) { $Host.UI.Write($text) } else { $Host.UI.WriteLine($text) }
}
$__compat['Write-Output'] = {
    param([Parameter(Position = 0, ValueFromPipeline, ValueFromRemainingArguments)] $InputObject, [switch] $NoEnumerate)
    process { $InputObject }
}
$__compat['Write-Verbose'] = {
    [CmdletBinding()] param([Parameter(Mandatory, Position = 0, ValueFromPipeline)] [AllowEmptyString()] [string] $Message)
    process { $PSCmdlet.WriteVerbose($Message) }
}
$__compat['Write-Debug'] = {
    [CmdletBinding()] param([Parameter(Mandatory, Position = 0, ValueFromPipeline)] [AllowEmptyString()] [string] $Message)
    process { $PSCmdlet.WriteDebug($Message) }
}
$__compat['Write-Warning'] = {
    [CmdletBinding()] param([Parameter(Mandatory, Position = 0, ValueFromPipeline)] [AllowEmptyString()] [string] $Message)
    process { $PSCmdlet.WriteWarning($Message) }
}
$__compat['Write-Information'] = {
    [CmdletBinding()] param([Parameter(Mandatory, Position = 0)] $MessageData, [string[]] $Tags)
    $PSCmdlet.WriteInformation($MessageData, $Tags)
}
$__compat['Write-Error'] = {
    [CmdletBinding()] param([Parameter(Position = 0)] [string] $Message, [string] $ErrorId = 'Microsoft.PowerShell.Commands.WriteErrorException',
        [System.Management.Automation.ErrorCategory] $Category = 'NotSpecified', $TargetObject, [System.Management.Automation.ErrorRecord] $ErrorRecord)
    if (-not $ErrorRecord) {
        $ErrorRecord = [System.Management.Automation.ErrorRecord]::new([System.Exception]::new($Message), $ErrorId, $Category, $TargetObject)
    }
    $PSCmdlet.WriteError($ErrorRecord)
}
$__compat['Join-Path'] = {
    param([Parameter(Mandatory, Position = 0)] [string] $Path, [Parameter(Position = 1)] [string] $ChildPath,
        [Parameter(Position = 2, ValueFromRemainingArguments)] [string[]] $AdditionalChildPath)
    $parts = @($Path, $ChildPath) + @($AdditionalChildPath) | Where-Object { $_ }
    [System.IO.Path]::Combine([string[]] $parts)
}
$__compat['Test-Path'] = {
    param([Parameter(Position = 0)] [string[]] $Path, [string[]] $LiteralPath, [ValidateSet('Any', 'Container', 'Leaf')] [string] $PathType = 'Any')
    foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $_ }) {
        $full = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($p)
        switch ($PathType) {
            'Leaf' { [System.IO.File]::Exists($full) }
            'Container' { [System.IO.Directory]::Exists($full) }
            default { [System.IO.File]::Exists($full) -or [System.IO.Directory]::Exists($full) }
        }
    }
}
$__compat['Get-ChildItem'] = {
    param([Parameter(Position = 0)] [string[]] $Path = '.', [string[]] $LiteralPath, [string] $Filter = '*', [switch] $Recurse, [switch] $File)
    $option = if ($Recurse) { [System.IO.SearchOption]::AllDirectories } else { [System.IO.SearchOption]::TopDirectoryOnly }
    $targets = if ($LiteralPath) { $LiteralPath | ForEach-Object { $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($_) } }
               else { $Path | ForEach-Object { $ExecutionContext.SessionState.Path.GetResolvedProviderPathFromPSPath($_, [ref] $null) } }
    foreach ($t in $targets) {
        $items = if ([System.IO.Directory]::Exists($t)) {
            $dir = [System.IO.DirectoryInfo]::new($t)
            if ($File) { $dir.EnumerateFiles($Filter, $option) } else { $dir.EnumerateFileSystemInfos($Filter, $option) }
        } else { [System.IO.FileInfo]::new($t) }
        $items = @($items)
        [array]::Sort([string[]] @($items | ForEach-Object FullName), $items)
        foreach ($item in $items) {
            # Like the FileSystem provider: PSPath lets the item bind to -LiteralPath by property name.
            $item.psobject.Properties.Add([psnoteproperty]::new('PSPath', 'Microsoft.PowerShell.Core\FileSystem::' + $item.FullName))
            $item
        }
    }
}
$__compat['Measure-Object'] = {
    param([Parameter(ValueFromPipeline)] $InputObject, [Parameter(Position = 0)] [string] $Property,
        [switch] $Average, [switch] $Sum, [switch] $Minimum, [switch] $Maximum)
    begin { $values = [System.Collections.Generic.List[double]]::new(); $count = 0 }
    process {
        $count++
        $v = if ($Property) { $InputObject.$Property } else { $InputObject }
        if ($null -ne $v) { $values.Add([double] $v) }
    }
    end {
        $stats = [ordered]@{ Count = $count; Average = $null; Sum = $null; Maximum = $null; Minimum = $null; Property = $Property }
        if ($values.Count -gt 0) {
            $total = 0.0; foreach ($v in $values) { $total += $v }
            if ($Sum) { $stats.Sum = $total }
            if ($Average) { $stats.Average = $total / $values.Count }
            if ($Minimum) { $stats.Minimum = [System.Linq.Enumerable]::Min($values) }
            if ($Maximum) { $stats.Maximum = [System.Linq.Enumerable]::Max($values) }
        }
        [pscustomobject] $stats
    }
}
$__compat['Select-Object'] = {
    param([Parameter(ValueFromPipeline)] $InputObject, [Parameter(Position = 0)] [string[]] $Property, [string] $ExpandProperty,
        [int] $First = -1, [int] $Skip = 0)
    begin { $seen = 0 }
    process {
        $seen++
        if ($seen -le $Skip) { return }
        if ($First -ge 0 -and $seen - $Skip -gt $First) { return }
        if ($ExpandProperty) { $InputObject.$ExpandProperty }
        elseif ($Property) { $o = [ordered]@{}; foreach ($p in $Property) { $o[$p] = $InputObject.$p }; [pscustomobject] $o }
        else { $InputObject }
    }
}
$__compat['Sort-Object'] = {
    param([Parameter(ValueFromPipeline)] $InputObject, [Parameter(Position = 0)] [string] $Property, [switch] $Descending)
    begin { $items = [System.Collections.Generic.List[object]]::new() }
    process { $items.Add($InputObject) }
    end {
        $key = if ($Property) { { param($x) $x.$Property } } else { { param($x) $x } }
        $sorted = [System.Linq.Enumerable]::ToArray([System.Linq.Enumerable]::OrderBy($items, [System.Func[object, object]] $key))
        if ($Descending) { [array]::Reverse($sorted) }
        $sorted
    }
}
$__compat['Get-Content'] = {
    param([Parameter(Position = 0)] [string] $Path, [string] $LiteralPath, [switch] $Raw)
    $full = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($(if ($LiteralPath) { $LiteralPath } else { $Path }))
    if ($Raw) { [System.IO.File]::ReadAllText($full) } else { [System.IO.File]::ReadAllLines($full) }
}
$__compat['ConvertFrom-Json'] = {
    param([Parameter(Mandatory, Position = 0, ValueFromPipeline)] [string] $InputObject)
    begin { $text = [System.Text.StringBuilder]::new() }
    process { [void] $text.AppendLine($InputObject) }
    end {
        function ConvertElement($e) {
            switch ($e.ValueKind.ToString()) {
                'Object' { $o = [ordered]@{}; foreach ($p in $e.EnumerateObject()) { $o[$p.Name] = ConvertElement $p.Value }; [pscustomobject] $o }
                'Array' { , @($e.EnumerateArray() | ForEach-Object { ConvertElement $_ }) }
                'String' { $e.GetString() }
                'Number' { $l = 0L; if ($e.TryGetInt64([ref] $l)) { $l } else { $e.GetDouble() } }
                'True' { $true }
                'False' { $false }
                default { $null }
            }
        }
        $doc = [System.Text.Json.JsonDocument]::Parse($text.ToString())
        try { ConvertElement $doc.RootElement } finally { $doc.Dispose() }
    }
}

foreach ($name in $__compat.Keys) {
    if (-not (Get-Command -Name $name -ErrorAction Ignore)) {
        . ([scriptblock]::Create("function global:$name {`n$($__compat[$name])`n}"))
    }
}
Remove-Variable -Name __compat
