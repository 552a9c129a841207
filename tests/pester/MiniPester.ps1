<#
    A minimal runner for Pester 5 syntax, used by build.ps1 only when Pester 5 is not installed (it cannot be
    obtained on machines without PowerShell Gallery access). It supports what tests/pester/*.Tests.ps1 use:
    Describe/Context/It (-Skip, -TestCases), BeforeAll/AfterAll/BeforeEach/AfterEach, Set-ItResult -Skipped,
    and Should with -Be -BeExactly -BeGreaterThan -BeLessThan -BeGreaterOrEqual -BeLessOrEqual -BeNullOrEmpty
    -BeTrue -BeFalse -BeOfType -Match -BeLike -HaveCount -Contain -Exist -Throw (-ErrorId, -ExpectedMessage), -Not.

    Like Pester 5 it runs in two phases: discovery (Describe bodies run, registering blocks and tests) and run
    (setup blocks, then each test in a child scope of its block). Dot-source this file, then call Invoke-MiniPester;
    test files and this runner must share one session state, so it is a script, not a module.
#>

$global:MiniPesterBlock = $null

function New-MiniPesterBlock([string] $Name, $Parent) {
    [pscustomobject]@{
        Name = $Name; Parent = $Parent; Blocks = [System.Collections.Generic.List[object]]::new()
        Tests = [System.Collections.Generic.List[object]]::new(); Items = [System.Collections.Generic.List[object]]::new()
        BeforeAll = [System.Collections.Generic.List[scriptblock]]::new(); AfterAll = [System.Collections.Generic.List[scriptblock]]::new()
        BeforeEach = [System.Collections.Generic.List[scriptblock]]::new(); AfterEach = [System.Collections.Generic.List[scriptblock]]::new()
    }
}

function Describe {
    param([Parameter(Mandatory, Position = 0)] [string] $Name, [Parameter(Mandatory, Position = 1)] [scriptblock] $Fixture, [string[]] $Tag)
    $parent = $global:MiniPesterBlock
    $block = New-MiniPesterBlock $Name $parent
    $parent.Blocks.Add($block); $parent.Items.Add($block)
    $global:MiniPesterBlock = $block
    try { . $Fixture } finally { $global:MiniPesterBlock = $parent }
}

function Context {
    param([Parameter(Mandatory, Position = 0)] [string] $Name, [Parameter(Mandatory, Position = 1)] [scriptblock] $Fixture, [string[]] $Tag)
    Describe -Name $Name -Fixture $Fixture
}

function It {
    param([Parameter(Mandatory, Position = 0)] [string] $Name, [Parameter(Position = 1)] [scriptblock] $Test = {},
        [switch] $Skip, [hashtable[]] $TestCases, [string[]] $Tag)
    $cases = if ($TestCases) { $TestCases } else { , @{} }
    foreach ($case in $cases) {
        $title = $Name
        foreach ($key in $case.Keys) { $title = $title.Replace("<$key>", "$($case[$key])") }
        $entry = [pscustomobject]@{ Name = $title; Body = $Test; Skip = [bool] $Skip; Case = $case }
        $global:MiniPesterBlock.Tests.Add($entry); $global:MiniPesterBlock.Items.Add($entry)
    }
}

function BeforeAll { param([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock) $global:MiniPesterBlock.BeforeAll.Add($Scriptblock) }
function AfterAll { param([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock) $global:MiniPesterBlock.AfterAll.Add($Scriptblock) }
function BeforeEach { param([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock) $global:MiniPesterBlock.BeforeEach.Add($Scriptblock) }
function AfterEach { param([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock) $global:MiniPesterBlock.AfterEach.Add($Scriptblock) }

function Set-ItResult {
    param([switch] $Skipped, [switch] $Inconclusive, [switch] $Pending, [string] $Because)
    throw [System.Management.Automation.RuntimeException]::new("MiniPesterSkipped: $Because")
}

function Format-MiniPesterValue($Value) {
    if ($null -eq $Value) { return '$null' }
    if ($Value -is [string]) { return "'$Value'" }
    if ($Value -is [System.Collections.IEnumerable]) { return '@(' + (@($Value | ForEach-Object { Format-MiniPesterValue $_ }) -join ', ') + ')' }
    "$Value"
}

function Should {
    param(
        [Parameter(ValueFromPipeline)] $ActualValue,
        [switch] $Not, $Be, $BeExactly, $BeGreaterThan, $BeLessThan, $BeGreaterOrEqual, $BeLessOrEqual,
        [switch] $BeNullOrEmpty, [switch] $BeTrue, [switch] $BeFalse, $BeOfType, $Match, $BeLike, $HaveCount, $Contain,
        [switch] $Exist, [switch] $Throw, [string] $ErrorId, [string] $ExpectedMessage, [string] $Because
    )
    begin { $items = [System.Collections.Generic.List[object]]::new() }
    process { $items.Add($ActualValue) }
    end {
        $actual = if ($items.Count -eq 1) { $items[0] } elseif ($items.Count -eq 0) { $null } else { , $items.ToArray() }
        $bound = $PSBoundParameters
        $shown = Format-MiniPesterValue $actual
        $ok = $true; $expectation = ''
        if ($bound.ContainsKey('Be')) {
            $ok = if ($null -eq $Be) { $null -eq $actual } elseif ($actual -is [array] -or $Be -is [array]) { Compare-MiniPesterArrays $actual $Be } else { $actual -eq $Be }
            $expectation = "to be $(Format-MiniPesterValue $Be)"
        }
        elseif ($bound.ContainsKey('BeExactly')) { $ok = $actual -ceq $BeExactly; $expectation = "to be exactly $(Format-MiniPesterValue $BeExactly)" }
        elseif ($bound.ContainsKey('BeGreaterThan')) { $ok = $actual -gt $BeGreaterThan; $expectation = "to be greater than $BeGreaterThan" }
        elseif ($bound.ContainsKey('BeLessThan')) { $ok = $actual -lt $BeLessThan; $expectation = "to be less than $BeLessThan" }
        elseif ($bound.ContainsKey('BeGreaterOrEqual')) { $ok = $actual -ge $BeGreaterOrEqual; $expectation = "to be greater than or equal to $BeGreaterOrEqual" }
        elseif ($bound.ContainsKey('BeLessOrEqual')) { $ok = $actual -le $BeLessOrEqual; $expectation = "to be less than or equal to $BeLessOrEqual" }
        elseif ($BeNullOrEmpty) { $ok = $null -eq $actual -or "$actual" -eq '' -or ($actual -is [array] -and $actual.Count -eq 0); $expectation = 'to be null or empty' }
        elseif ($BeTrue) { $ok = [bool] $actual; $expectation = 'to be true' }
        elseif ($BeFalse) { $ok = -not [bool] $actual; $expectation = 'to be false' }
        elseif ($bound.ContainsKey('BeOfType')) { $type = if ($BeOfType -is [type]) { $BeOfType } else { [type] $BeOfType }; $ok = $actual -is $type; $expectation = "to be of type $type" }
        elseif ($bound.ContainsKey('Match')) { $ok = $actual -match $Match; $expectation = "to match '$Match'" }
        elseif ($bound.ContainsKey('BeLike')) { $ok = $actual -like $BeLike; $expectation = "to be like '$BeLike'" }
        elseif ($bound.ContainsKey('HaveCount')) { $count = $items.Count; if ($items.Count -eq 1 -and $null -eq $items[0]) { $count = 0 }; $ok = $count -eq $HaveCount; $expectation = "to have $HaveCount items"; $shown = "$count items" }
        elseif ($bound.ContainsKey('Contain')) { $ok = @($items) -contains $Contain; $expectation = "to contain $(Format-MiniPesterValue $Contain)" }
        elseif ($Exist) { $ok = [System.IO.File]::Exists("$actual") -or [System.IO.Directory]::Exists("$actual"); $expectation = 'to exist' }
        elseif ($Throw) {
            $thrown = $null
            try { & $actual } catch { $thrown = $_ }
            $ok = $null -ne $thrown
            $expectation = 'to throw'
            if ($ok -and $ErrorId) { $ok = $thrown.FullyQualifiedErrorId -like "*$ErrorId*"; $expectation = "to throw error id '$ErrorId'"; $shown = "'$($thrown.FullyQualifiedErrorId)'" }
            if ($ok -and $ExpectedMessage) { $ok = $thrown.Exception.Message -like $ExpectedMessage; $expectation = "to throw message like '$ExpectedMessage'"; $shown = "'$($thrown.Exception.Message)'" }
            if (-not $thrown) { $shown = 'no exception' }
        }
        else { throw 'Should: no supported assertion given' }
        if ($Not) { $ok = -not $ok }
        if (-not $ok) {
            $reason = if ($Because) { " because $Because" } else { '' }
            throw [System.Management.Automation.RuntimeException]::new("Expected $(if ($Not) { 'not ' })$expectation$reason, but got $shown.")
        }
    }
}

function Compare-MiniPesterArrays($Actual, $Expected) {
    $a = @($Actual); $e = @($Expected)
    if ($a.Count -ne $e.Count) { return $false }
    for ($i = 0; $i -lt $a.Count; $i++) { if ($a[$i] -ne $e[$i]) { return $false } }
    $true
}

function Invoke-MiniPesterBlock($Block, [string] $Path, $Counts) {
    # One call = one scope: variables from BeforeAll are visible to the tests and nested blocks below.
    foreach ($setup in $Block.BeforeAll) { . $setup }
    foreach ($item in $Block.Items) {
        if ($item.PSObject.Properties['Blocks']) { Invoke-MiniPesterBlock $item "$Path$($item.Name) > " $Counts; continue }
        $title = "$Path$($item.Name)"
        if ($item.Skip) { $Counts.Skipped++; Write-Host "  [!] $title (skipped)"; continue }
        $each = Get-MiniPesterEach $Block
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $failure = & {
            foreach ($name in $item.Case.Keys) { $ExecutionContext.SessionState.PSVariable.Set($name, $item.Case[$name]) }
            try {
                foreach ($b in $each.Before) { . $b }
                $null = . $item.Body
                $null
            }
            catch { $_ }
            finally { foreach ($a in $each.After) { try { . $a } catch { Write-Host "  AfterEach failed: $_" } } }
        }
        if ($null -eq $failure) { $Counts.Passed++; Write-Host "  [+] $title ($($watch.ElapsedMilliseconds) ms)" }
        elseif ("$failure" -like 'MiniPesterSkipped:*') { $Counts.Skipped++; Write-Host "  [!] $title (skipped: $("$failure".Substring(18).Trim()))" }
        else { $Counts.Failed++; Write-Host "  [-] $title"; Write-Host "      $failure"; Write-Host "      at $($failure.InvocationInfo.PositionMessage -replace "`n", "`n      ")" }
    }
    foreach ($teardown in $Block.AfterAll) { try { . $teardown } catch { Write-Host "  AfterAll failed in '$Path': $_"; $Counts.Failed++ } }
}

function Get-MiniPesterEach($Block) {
    $chain = [System.Collections.Generic.List[object]]::new()
    for ($b = $Block; $null -ne $b; $b = $b.Parent) { $chain.Insert(0, $b) }
    $before = foreach ($b in $chain) { $b.BeforeEach }
    $after = foreach ($b in $chain[($chain.Count - 1)..0]) { $b.AfterEach }
    [pscustomobject]@{ Before = @($before); After = @($after) }
}

function Invoke-MiniPester {
    param([Parameter(Mandatory)] [string] $Path)
    Set-StrictMode -Off # tests run as under Pester, whatever the caller's strict mode
    $counts = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
    $files = if ([System.IO.Directory]::Exists($Path)) { [System.IO.Directory]::GetFiles($Path, '*.Tests.ps1') } else { , $Path }
    [array]::Sort($files)
    foreach ($file in $files) {
        Write-Host "Running $file"
        $root = New-MiniPesterBlock ([System.IO.Path]::GetFileName($file)) $null
        $global:MiniPesterBlock = $root
        try { . $file } catch { $counts.Failed++; Write-Host "  [-] discovery failed: $_"; continue }
        finally { $global:MiniPesterBlock = $null }
        Invoke-MiniPesterBlock $root '' $counts
    }
    Write-Host "MiniPester: $($counts.Passed) passed, $($counts.Failed) failed, $($counts.Skipped) skipped"
    $counts
}
