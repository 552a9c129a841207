<#
.SYNOPSIS
    Runs every tests/pester/*.Tests.ps1 under the given Pester and writes NUnit XML and a one-line summary.
.DESCRIPTION
    build.ps1 starts this in a fresh pwsh so that the build script's strict mode and state stay out of the
    tests. The summary file holds 'passed failed skipped'; failed includes blocks and files that failed to run.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $OutputFolder,
    [Parameter(Mandatory)] [string] $SummaryPath,
    # Only tests with these tags (GpuTest: 'Gpu'); none means all.
    [string[]] $Tag = @(),
    # Leave out tests with these tags (./build.sh Test leaves out 'Gpu', which needs the GPU build).
    [string[]] $ExcludeTag = @(),
    [string] $ResultName = 'pester'
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force
$null = New-Item -ItemType Directory -Force -Path $OutputFolder
$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = Join-Path $OutputFolder "$ResultName.xml"
if ($Tag) { $configuration.Filter.Tag = $Tag }
if ($ExcludeTag) { $configuration.Filter.ExcludeTag = $ExcludeTag -split ',' } # pwsh -File passes 'Gpu,Scale' as one string
$result = Invoke-Pester -Configuration $configuration
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
Set-Content -LiteralPath $SummaryPath -Value "$($result.PassedCount) $failed $($result.SkippedCount)"
Write-Host "Pester $((Get-Module Pester).Version): $($result.PassedCount) passed, $failed failed, $($result.SkippedCount) skipped"
