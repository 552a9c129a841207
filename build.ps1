<#
.SYNOPSIS
    Builds, tests and packages the VoiceClone module.
.DESCRIPTION
    Tasks:
      Build    publish the module to out/VoiceClone/<version>/ (skipped when nothing changed)
      Test     Build, then xunit (Core, PowerShell), the .NET 8 isolation probe and the Pester scenarios;
               ends with one line 'Tests: N passed, N failed, N skipped'; -NoScale leaves out the SSH and Slurm engines
      GpuTest  build both flavours, then prove the GPU build falls back to CPU without CUDA (Pester tag Gpu)
      Package  Build, then zip the module to out/VoiceClone-<version>.zip (-Gpu: out/VoiceClone-gpu-<version>.zip)
      Demo     Build, then run the main job on a real recording (see README)
      Bench    accuracy and speed tables (FDA pitch vs Praat, SwiftF0, syllables, x real time, one-hour memory)
      Clean    remove out/ and every bin/ and obj/
    Runs under PowerShell 7.6 on Windows and Linux (./build.sh restores the pinned pwsh as a local dotnet tool).
.EXAMPLE
    ./build.sh Test
.EXAMPLE
    pwsh -File build.ps1 -Task Build -Gpu
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'GpuTest', 'Package', 'Demo', 'Bench', 'Clean')]
    [string] $Task = 'Build',
    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',
    # The GPU flavour: Microsoft.ML.OnnxRuntime.Gpu (CUDA 13, cuDNN 9; linux-x64, win-x64) into out/gpu/VoiceClone/<version>.
    [switch] $Gpu,
    # Rebuild even when out/ is up to date.
    [switch] $Force,
    # Test: leave out the batch engines (tests/pester/Scale.Tests.ps1: a private sshd and a single-node Slurm, as root; ~2 min).
    [switch] $NoScale
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$repo = $PSScriptRoot
$out = [System.IO.Path]::Combine($repo, 'out')
$props = [xml] [System.IO.File]::ReadAllText([System.IO.Path]::Combine($repo, 'Directory.Build.props'))
$version = "$($props.Project.PropertyGroup.VersionPrefix)".Trim()
function Get-ModuleDirectory([bool] $GpuFlavour) {
    [System.IO.Path]::Combine($out, $(if ($GpuFlavour) { 'gpu' } else { '' }), 'VoiceClone', $version)
}
$moduleDir = Get-ModuleDirectory $Gpu
$rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier

function Write-Step([string] $Message) { Write-Host "==> $Message" }

function Invoke-Native {
    # Runs a native command, echoes its output, returns the lines, and stops on a non-zero exit code.
    param([string] $FilePath, [string[]] $Arguments, [switch] $AllowFailure)
    $lines = [System.Collections.Generic.List[string]]::new()
    & $FilePath @Arguments 2>&1 | ForEach-Object { $line = "$_"; $lines.Add($line); Write-Host $line }
    if ($LASTEXITCODE -ne 0 -and -not $AllowFailure) { throw "$FilePath $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
    , $lines
}

function Get-NewestInputTime {
    $newest = [datetime]::MinValue
    foreach ($root in 'src', 'module', 'models') {
        foreach ($f in [System.IO.Directory]::EnumerateFiles([System.IO.Path]::Combine($repo, $root), '*', [System.IO.SearchOption]::AllDirectories)) {
            if ($f -match '[\\/](bin|obj)[\\/]') { continue }
            $t = [System.IO.File]::GetLastWriteTimeUtc($f)
            if ($t -gt $newest) { $newest = $t }
        }
    }
    foreach ($f in 'Directory.Build.props', 'global.json', 'nuget.config', 'build.ps1') {
        $t = [System.IO.File]::GetLastWriteTimeUtc([System.IO.Path]::Combine($repo, $f))
        if ($t -gt $newest) { $newest = $t }
    }
    $newest
}

function Invoke-Build([bool] $GpuFlavour = $Gpu) {
    $moduleDir = Get-ModuleDirectory $GpuFlavour
    $stamp = [System.IO.Path]::Combine($moduleDir, '.build-stamp')
    $flavour = "configuration=$Configuration gpu=$GpuFlavour"
    if (-not $Force -and [System.IO.File]::Exists($stamp) -and
        [System.IO.File]::ReadAllText($stamp) -eq $flavour -and
        [System.IO.File]::GetLastWriteTimeUtc($stamp) -gt (Get-NewestInputTime)) {
        Write-Step "Build: $moduleDir is up to date"
        return $moduleDir
    }
    Write-Step "Build: VoiceClone $version ($Configuration$(if ($GpuFlavour) { ', GPU' }))"
    if ([System.IO.Directory]::Exists($moduleDir)) { [System.IO.Directory]::Delete($moduleDir, $true) }
    $gpuProperty = "-p:VoiceCloneGpu=$($GpuFlavour.ToString().ToLowerInvariant())"
    $dependencies = [System.IO.Path]::Combine($moduleDir, 'dependencies')
    # Core and every package it uses go to dependencies/, resolved there through Core's .deps.json.
    $null = Invoke-Native dotnet @('publish', "$repo/src/VoiceClone.Core", '-c', $Configuration, '-o', $dependencies, '-nologo', '-v', 'quiet', $gpuProperty)
    # The cmdlet assembly and the public types load in PowerShell's default context, from the module root.
    $cmdletBuild = [System.IO.Path]::Combine($out, 'obj', 'cmdlets')
    $null = Invoke-Native dotnet @('build', "$repo/src/VoiceClone.PowerShell", '-c', $Configuration, '-o', $cmdletBuild, '-nologo', '-v', 'quiet', $gpuProperty)
    foreach ($name in 'VoiceClone.PowerShell', 'VoiceClone.Abstractions') {
        foreach ($ext in '.dll', '.pdb', '.xml') {
            $source = [System.IO.Path]::Combine($cmdletBuild, $name + $ext)
            if ([System.IO.File]::Exists($source)) { [System.IO.File]::Copy($source, [System.IO.Path]::Combine($moduleDir, $name + $ext), $true) }
        }
    }
    # Native libraries only for the platforms PowerShell 7 runs on, and without their debug symbols
    # (SkiaSharp alone ships an 81 MB .pdb per Windows platform); packages bring 19 platforms.
    # 'win' holds System.Speech's Windows implementation (SAPI voices for the default engine).
    $platforms = 'win', 'win-x64', 'win-x86', 'win-arm64', 'linux-x64', 'linux-arm64', 'linux-musl-x64', 'osx', 'osx-x64', 'osx-arm64'
    $runtimes = [System.IO.Path]::Combine($dependencies, 'runtimes')
    foreach ($platform in [System.IO.Directory]::GetDirectories($runtimes)) {
        if ($platforms -notcontains [System.IO.Path]::GetFileName($platform)) { [System.IO.Directory]::Delete($platform, $true) }
    }
    foreach ($symbols in [System.IO.Directory]::EnumerateFiles($runtimes, '*.*', [System.IO.SearchOption]::AllDirectories)) {
        if ($symbols -match '\.(pdb|dbg)$') { [System.IO.File]::Delete($symbols) }
    }
    # Abstractions is shared from the default context; a second copy in dependencies/ would never load.
    foreach ($ext in '.dll', '.pdb', '.xml') {
        $dup = [System.IO.Path]::Combine($dependencies, 'VoiceClone.Abstractions' + $ext)
        if ([System.IO.File]::Exists($dup)) { [System.IO.File]::Delete($dup) }
    }
    foreach ($file in [System.IO.Directory]::EnumerateFiles([System.IO.Path]::Combine($repo, 'module'), '*', [System.IO.SearchOption]::AllDirectories)) {
        $relative = [System.IO.Path]::GetRelativePath([System.IO.Path]::Combine($repo, 'module'), $file)
        if ($relative -like 'help*') {
            # Help sources: the MAML built from them ships instead; about topics ship as they are.
            if ($relative -like '*about_*.help.txt') { $relative = [System.IO.Path]::Combine('en-US', [System.IO.Path]::GetFileName($relative)) }
            else { continue }
        }
        $target = [System.IO.Path]::Combine($moduleDir, $relative)
        $null = [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($target))
        [System.IO.File]::Copy($file, $target, $true)
    }
    # Small models ship inside the module (the emotion classifier); large ones are downloaded (models/README.md).
    $shippedModel = [System.IO.Path]::Combine($repo, 'models', 'emotion')
    foreach ($file in [System.IO.Directory]::GetFiles($shippedModel)) {
        $target = [System.IO.Path]::Combine($moduleDir, 'models', 'emotion', [System.IO.Path]::GetFileName($file))
        $null = [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($target))
        [System.IO.File]::Copy($file, $target, $true)
    }
    $manifest = [System.IO.Path]::Combine($moduleDir, 'VoiceClone.psd1')
    $text = [System.IO.File]::ReadAllText($manifest) -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion        = '$version'"
    [System.IO.File]::WriteAllText($manifest, $text)
    Write-Step 'Build: help (module/help/*.md -> en-US MAML)'
    $null = & ([System.IO.Path]::Combine($repo, 'module', 'help', 'ConvertTo-MamlHelp.ps1')) -ModuleManifest $manifest `
        -MarkdownFolder ([System.IO.Path]::Combine($repo, 'module', 'help')) `
        -OutputFile ([System.IO.Path]::Combine($moduleDir, 'en-US', 'VoiceClone.PowerShell.dll-Help.xml'))
    [System.IO.File]::WriteAllText($stamp, $flavour)
    Write-Step "Build: module at $moduleDir"
    $moduleDir
}

function Get-TestCounts([System.Collections.Generic.List[string]] $Lines) {
    # dotnet test's summary, at normal verbosity: 'Total tests: 13' then '     Passed: 12', '     Failed: 0', '    Skipped: 1'
    $counts = @{ Passed = 0; Failed = 0; Skipped = 0; Found = $false }
    foreach ($line in $Lines) {
        if ($line -match '^\s*Total tests:\s*\d+') { $counts.Found = $true }
        elseif ($counts.Found -and $line -match '^\s+(Passed|Failed|Skipped):\s+(\d+)\s*$') { $counts[$Matches[1]] += [int] $Matches[2] }
    }
    $counts
}

function Invoke-Test {
    $null = Invoke-Build
    # The default clone engine's base synthesisers (English; 100+ languages); their tests skip (visibly) where they cannot be installed.
    $null = Install-DebianPackage 'flite' '/usr/bin/flite'
    $null = Install-DebianPackage 'espeak-ng' '/usr/bin/espeak-ng'
    # The Qwen3 precision tests derive external-data, float16 and int4 variants of the tiny fixture with Python's onnx.
    $null = Install-DebianPackage 'python3-onnx' '/usr/lib/python3/dist-packages/onnx/__init__.py'
    # The real encoders that make the audio-format tests' files, and ffmpeg, which reads the formats without a managed decoder.
    $encoders = @{ 'lame' = 'lame'; 'vorbis-tools' = 'oggenc'; 'opus-tools' = 'opusenc'; 'flac' = 'flac'; 'ffmpeg' = 'ffmpeg' }
    foreach ($package in $encoders.Keys) { $null = Install-DebianPackage $package "/usr/bin/$($encoders[$package])" }
    # Recording and playback tests run a private PulseAudio daemon with a null sink (started by the tests themselves).
    $null = Install-DebianPackage 'pulseaudio' '/usr/bin/pulseaudio'
    $null = Install-DebianPackage 'pulseaudio-utils' '/usr/bin/parec'
    # The run report is opened in a real headless browser (no network, every plot decodes).
    $null = Install-DebianPackage 'chromium' '/usr/bin/chromium'
    if (-not $NoScale) { foreach ($p in @{ 'openssh-server' = '/usr/sbin/sshd'; 'slurm-wlm' = '/usr/sbin/slurmctld'; 'munge' = '/usr/sbin/munged' }.GetEnumerator()) { $null = Install-DebianPackage $p.Key $p.Value } }
    $total = @{ Passed = 0; Failed = 0; Skipped = 0 }
    $failures = [System.Collections.Generic.List[string]]::new()
    $env:VOICECLONE_MODULE_PATH = $moduleDir

    Write-Step 'Test: isolation probe (a self-contained .NET 8 process)'
    $probeDir = [System.IO.Path]::Combine($out, 'probe')
    $null = Invoke-Native dotnet @('publish', "$repo/tests/VoiceClone.IsolationProbe", '-c', 'Release', '-r', $rid, '--self-contained', '-o', $probeDir, '-nologo', '-v', 'quiet')
    $env:VOICECLONE_PROBE_PATH = $probeDir

    foreach ($project in 'VoiceClone.Architecture.Tests', 'VoiceClone.Core.Tests', 'VoiceClone.PowerShell.Tests') {
        Write-Step "Test: $project"
        $lines = Invoke-Native dotnet @('test', "$repo/tests/$project", '-c', $Configuration, '-nologo', '--logger', 'console;verbosity=normal',
            '--logger', "trx;LogFileName=$project.trx", '--results-directory', [System.IO.Path]::Combine($out, 'test-results')) -AllowFailure
        $counts = Get-TestCounts $lines
        if (-not $counts.Found) { $failures.Add("$project did not run (build failure?)"); $total.Failed++ }
        $total.Passed += $counts.Passed; $total.Failed += $counts.Failed; $total.Skipped += $counts.Skipped
    }

    Write-Step 'Test: Pester scenarios (tests/pester/*.Tests.ps1, real Pester in a fresh pwsh)'
    $pester = Get-PesterManifest
    $results = [System.IO.Path]::Combine($out, 'test-results')
    $summary = [System.IO.Path]::Combine($results, 'pester-summary.txt')
    $runner = [System.IO.Path]::Combine($repo, 'tests', 'pester', 'Invoke-PesterSuite.ps1')
    if ([System.IO.File]::Exists($summary)) { [System.IO.File]::Delete($summary) }
    # A child process keeps this script's strict mode, modules and variables out of the tests' scope.
    $pwsh = [System.IO.Path]::Combine($repo, 'pwsh.sh')
    $null = Invoke-Native 'bash' @($pwsh, '-File', $runner, '-PesterManifest', $pester, '-OutputFolder', $results, '-SummaryPath', $summary,
        '-ExcludeTag', $(if ($NoScale) { 'Gpu,Scale' } else { 'Gpu' })) -AllowFailure
    if ([System.IO.File]::Exists($summary)) {
        $passed, $failed, $skipped = ([System.IO.File]::ReadAllText($summary).Trim() -split ' ') | ForEach-Object { [int] $_ }
        $total.Passed += $passed; $total.Failed += $failed; $total.Skipped += $skipped
    }
    else { $failures.Add('Pester did not run'); $total.Failed++ }

    if ($NoScale) { Write-Step 'Test: the SSH and Slurm batch engines (Pester tag Scale) were left out (-NoScale)' }
    foreach ($f in $failures) { Write-Host "FAILED: $f" }
    Write-Host "Tests: $($total.Passed) passed, $($total.Failed) failed, $($total.Skipped) skipped"
    if ($total.Failed -gt 0) { exit 1 }
}

function Invoke-GpuTest {
    # Where the GPU packages restore: both flavours, then the Pester scenarios tagged Gpu against both.
    $env:VOICECLONE_CPU_MODULE = Invoke-Build -GpuFlavour $false
    $env:VOICECLONE_GPU_MODULE = Invoke-Build -GpuFlavour $true
    $results = [System.IO.Path]::Combine($out, 'test-results')
    $summary = [System.IO.Path]::Combine($results, 'pester-gpu-summary.txt')
    if ([System.IO.File]::Exists($summary)) { [System.IO.File]::Delete($summary) }
    $runner = [System.IO.Path]::Combine($repo, 'tests', 'pester', 'Invoke-PesterSuite.ps1')
    $null = Invoke-Native 'bash' @([System.IO.Path]::Combine($repo, 'pwsh.sh'), '-File', $runner, '-PesterManifest', (Get-PesterManifest),
        '-OutputFolder', $results, '-SummaryPath', $summary, '-Tag', 'Gpu', '-ResultName', 'pester-gpu') -AllowFailure
    $passed, $failed, $skipped = if ([System.IO.File]::Exists($summary)) { ([System.IO.File]::ReadAllText($summary).Trim() -split ' ') | ForEach-Object { [int] $_ } } else { 0, 1, 0 }
    Write-Host "Tests: $passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Package {
    $null = Invoke-Build
    $zip = [System.IO.Path]::Combine($out, "VoiceClone-$(if ($Gpu) { 'gpu-' })$version.zip")
    if ([System.IO.File]::Exists($zip)) { [System.IO.File]::Delete($zip) }
    $null = [System.Reflection.Assembly]::Load('System.IO.Compression.ZipFile')
    [System.IO.Compression.ZipFile]::CreateFromDirectory([System.IO.Path]::GetDirectoryName($moduleDir), $zip)
    $bytes = 0L
    foreach ($f in [System.IO.Directory]::EnumerateFiles($moduleDir, '*', [System.IO.SearchOption]::AllDirectories)) { $bytes += ([System.IO.FileInfo]::new($f)).Length }
    Write-Step ('Package: {0} ({1:N1} MB zipped; module folder {2:N1} MB)' -f $zip, (([System.IO.FileInfo]::new($zip)).Length / 1MB), ($bytes / 1MB))
}

function Get-PesterManifest {
    # The Pester pinned in tests/pester/Pester.proj, restored from the NuGet feed into the global packages folder.
    $proj = [System.IO.Path]::Combine($repo, 'tests', 'pester', 'Pester.proj')
    $null = Invoke-Native dotnet @('restore', $proj, '-nologo', '-v', 'quiet')
    $version = "$(([xml] [System.IO.File]::ReadAllText($proj)).Project.PropertyGroup.PesterVersion)".Trim()
    $packages = (Invoke-Native dotnet @('nuget', 'locals', 'global-packages', '--list'))[-1] -replace '^global-packages:\s*', ''
    $manifest = [System.IO.Path]::Combine($packages.Trim(), 'pester', $version, 'tools', 'Pester.psd1')
    if (-not [System.IO.File]::Exists($manifest)) { throw "Pester $version was restored but $manifest is missing" }
    $manifest
}

function Install-DebianPackage([string] $Package, [string] $Probe) {
    # Installs a Debian package when its file is missing and we may (root with apt); otherwise says what to install.
    if ([System.IO.File]::Exists($Probe)) { return $true }
    $apt = '/usr/bin/apt-get'
    if (-not [System.IO.File]::Exists($apt) -or [System.Environment]::UserName -ne 'root') {
        Write-Host "Install the Debian package '$Package' for this step (sudo apt-get install $Package)."
        return $false
    }
    Write-Step "Installing Debian package $Package"
    $null = Invoke-Native $apt @('update', '-qq')
    $env:DEBIAN_FRONTEND = 'noninteractive'
    $null = Invoke-Native $apt @('install', '-y', '-qq', $Package)
    [System.IO.File]::Exists($Probe)
}

function Install-SileroVad {
    # The Silero VAD model (MIT) ships in the npm package @ricky0123/vad-web; pinned and checked by hash.
    $target = [System.IO.Path]::Combine($repo, 'models', 'silero-vad', 'silero_vad.onnx')
    $sha256 = '1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3'
    if ([System.IO.File]::Exists($target)) { return }
    if (-not (Get-Command npm -ErrorAction Ignore)) { Write-Host 'npm not found: Silero VAD not installed; the energy detector is used instead.'; return }
    Write-Step 'Installing Silero VAD from npm (@ricky0123/vad-web@0.0.31)'
    $work = [System.IO.Path]::Combine($out, 'npm-silero')
    $null = [System.IO.Directory]::CreateDirectory($work)
    $null = Invoke-Native npm @('pack', '@ricky0123/vad-web@0.0.31', '--pack-destination', $work, '--silent')
    $tarball = [System.IO.Directory]::GetFiles($work, '*.tgz')[0]
    $null = Invoke-Native tar @('-xzf', $tarball, '-C', $work, 'package/dist/silero_vad_v6.onnx')
    $extracted = [System.IO.Path]::Combine($work, 'package', 'dist', 'silero_vad_v6.onnx')
    $actual = [System.Convert]::ToHexString([System.Security.Cryptography.SHA256]::HashData([System.IO.File]::ReadAllBytes($extracted))).ToLowerInvariant()
    if ($actual -ne $sha256) { throw "silero_vad_v6.onnx from npm has sha256 $actual, expected $sha256" }
    $null = [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($target))
    [System.IO.File]::Copy($extracted, $target, $true)
}

function Invoke-Demo {
    $null = Invoke-Build
    Install-SileroVad
    $recording = '/usr/share/sounds/alsa/Front_Center.wav'
    if (-not (Install-DebianPackage 'alsa-utils' $recording)) { throw "The demo needs a real recording: $recording (package alsa-utils)." }
    Import-Module ([System.IO.Path]::Combine($moduleDir, 'VoiceClone.psd1')) -Force
    Write-Step "Demo: Get-VoiceFeature $recording"
    $features = Get-VoiceFeature -LiteralPath $recording -Text 'Front center'
    $features | Out-Host
    $features | Select-Object PitchMedian, PitchStdSemitones, VoicedFraction, VadMethod, SpeechSeconds, SyllableCount, Wpm, WpmSource, JitterLocal, ShimmerLocalDb, HnrDb, F1Hz, F2Hz, F3Hz | Out-Host
    Write-Step "Demo: Get-VoiceEmotion $recording"
    Get-VoiceEmotion -LiteralPath $recording | Out-Host
    if (-not (Install-DebianPackage 'flite' '/usr/bin/flite')) { throw 'The clone demo needs flite (sudo apt-get install flite).' }
    if (-not (Install-DebianPackage 'espeak-ng' '/usr/bin/espeak-ng')) { throw 'The clone demo needs espeak-ng for German (sudo apt-get install espeak-ng).' }
    $output = [System.IO.Path]::Combine($repo, 'output')
    Write-Step "Demo: New-VoiceClone $recording -> $output"
    $texts = 'The quick brown fox jumps over the lazy dog.', 'Guten Morgen, die Straße ist heute sehr ruhig.' # flite, then espeak-ng
    $clone = New-VoiceClone -LiteralPath $recording -Text $texts -OutputDirectory $output -Verbose
    $clone | Out-Host
    Write-Step "Demo: Get-CloneFingerprint $output/*.json"
    Get-CloneFingerprint ([System.IO.Path]::Combine($output, '*.json')) | Measure-Object -Property Pitch -Average | Out-Host
}

function Invoke-Bench {
    $bench = [System.IO.Path]::Combine($out, 'bench')
    $null = Invoke-Native dotnet @('build', "$repo/tests/VoiceClone.Benchmarks", '-c', 'Release', '-o', $bench, '-nologo', '-v', 'quiet')
    $shared = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($repo, '..', 'shared'))
    $exe = [System.IO.Path]::Combine($bench, 'VoiceClone.Benchmarks.dll')
    $null = Install-DebianPackage 'praat' '/usr/bin/praat'
    $null = Install-DebianPackage 'flite' '/usr/bin/flite'
    $null = Install-DebianPackage 'espeak-ng' '/usr/bin/espeak-ng'
    $null = Install-DebianPackage 'pocketsphinx' '/usr/bin/pocketsphinx_continuous'
    $null = Install-DebianPackage 'pocketsphinx-en-us' '/usr/share/pocketsphinx/model/en-us/en-us/mdef'
    $null = Install-DebianPackage 'python3-onnx' '/usr/lib/python3/dist-packages/onnx/__init__.py' # qwen-overhead's float16 and int4 rows
    foreach ($mode in 'pitch', 'praat', 'syllables', 'features', 'emotion', 'clone', 'clone-languages', 'qwen-overhead', 'qwen-tokenizer', 'runs', 'capacity') {
        Write-Step "Bench: $mode"
        $null = Invoke-Native dotnet @($exe, $mode, $shared)
    }
    Write-Step 'Bench: one hour of speech in a fresh process (peak memory)'
    $hour = [System.IO.Path]::Combine($out, 'bench-hour.wav')
    if (-not [System.IO.File]::Exists($hour)) { $null = Invoke-Native dotnet @($exe, 'make-hour', $shared, $hour) }
    $null = Invoke-Native dotnet @($exe, 'analyze', $shared, $hour)
    Write-Step 'Bench: five minutes at 768 kHz in a fresh process each (peak memory of analysis and of a clone reference)'
    $highRate = [System.IO.Path]::Combine($out, 'bench-768k.wav')
    if (-not [System.IO.File]::Exists($highRate)) { $null = Invoke-Native dotnet @($exe, 'make-high-rate', $shared, $highRate) }
    $null = Invoke-Native dotnet @($exe, 'analyze', $shared, $highRate)
    $null = Invoke-Native dotnet @($exe, 'prepare-reference', $shared, $highRate)
}

function Invoke-Clean {
    if ([System.IO.Directory]::Exists($out)) { [System.IO.Directory]::Delete($out, $true) }
    foreach ($dir in [System.IO.Directory]::EnumerateDirectories($repo, '*', [System.IO.SearchOption]::AllDirectories)) {
        if ($dir -match '[\\/](bin|obj)$' -and [System.IO.Directory]::Exists($dir)) { [System.IO.Directory]::Delete($dir, $true) }
    }
    Write-Step 'Clean: done'
}

switch ($Task) {
    'Build' { $null = Invoke-Build }
    'Test' { Invoke-Test }
    'GpuTest' { Invoke-GpuTest }
    'Package' { Invoke-Package }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Bench }
    'Clean' { Invoke-Clean }
}
