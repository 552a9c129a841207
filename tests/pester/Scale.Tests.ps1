# Batches on the engines people already operate, started here: PowerShell remoting over SSH (a private sshd on
# 127.0.0.1, several sessions sharing one output folder) and a Slurm array job (a single-node Slurm on localhost), both
# running the examples/ scripts as they are. Each checks that the union of the outputs is the inputs, that no input was
# done twice, that a run killed midway and run again completes only what was missing, and that the analysis equals one
# machine's. Tagged Scale: ./build.sh Test runs them (they install and start daemons, which needs root; -NoScale leaves them out).

BeforeAll {
    Import-Module VoiceClone -Force
    . (Join-Path $PSScriptRoot 'ScaleEngines.ps1')
    $examples = Join-Path $Repo 'examples'
    $work = (New-Item -ItemType Directory -Path (Join-Path ([System.IO.Path]::GetTempPath()) ('voiceclone-scale-' + [guid]::NewGuid().ToString('N').Substring(0, 8)))).FullName
    $flite = Get-Command flite -CommandType Application -ErrorAction Ignore
    $inputs = 24
    if ($flite) {
        $manifest = New-SpeechBatch $work $inputs
        $env:VOICECLONE_LOG_DIR = Join-Path $work 'logs'
        # What one machine makes of the batch: the reference every engine's results must equal.
        $single = @{
            features = @(Get-VoiceFeature -Manifest $manifest | ConvertTo-ResultLine | Sort-Object)
            emotion  = @(Get-VoiceEmotion -Manifest $manifest | ConvertTo-ResultLine | Sort-Object)
        }
        Remove-Item env:VOICECLONE_LOG_DIR
        $allKeys = @(foreach ($kind in 'emotion', 'features') { foreach ($i in 0..($inputs - 1)) { '{0} calls/call-{1:D3}.wav' -f $kind, $i } })
    }

    function Assert-BatchComplete([string] $Results) {
        $keys = @(Get-ResultKey $Results)
        @($keys | Sort-Object -Unique) | Should -Be ($allKeys | Sort-Object) -Because 'the union of the outputs is the inputs'
        $keys.Count | Should -Be $allKeys.Count -Because 'no input was done twice'
        @(Import-VoiceResult $Results -Kind Features | ConvertTo-ResultLine | Sort-Object) | Should -Be $single.features
        @(Import-VoiceResult $Results -Kind Emotion | ConvertTo-ResultLine | Sort-Object) | Should -Be $single.emotion
    }
}

AfterAll {
    if ($work) { Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction Ignore }
}

Describe 'PowerShell remoting over SSH' -Tag Scale {
    BeforeAll {
        $skip = if (-not $flite) { 'flite is not installed (sudo apt-get install flite)' }
        elseif (-not (Test-Path /usr/sbin/sshd) -or -not (Get-Command ssh -ErrorAction Ignore)) { 'sshd or ssh is not installed (sudo apt-get install openssh-server)' }
        if (-not $skip) {
            try { $sshd = Start-TestSshd (Join-Path $work 'sshd') }
            catch { $skip = "sshd could not be started here: $_" }
        }
        $fanOut = Join-Path $examples 'ssh/Invoke-VoiceBatchOverSsh.ps1'
        function Get-FanOutArgument([string] $Results, [int] $Sessions = 4) {
            @('-HostName', ((1..$Sessions | ForEach-Object { '127.0.0.1' }) -join ','), '-Port', $sshd.Port, '-UserName', $sshd.UserName,
                '-KeyFilePath', $sshd.KeyFilePath, '-SshOption', '@{ StrictHostKeyChecking = ''no''; UserKnownHostsFile = ''/dev/null''; LogLevel = ''ERROR'' }',
                '-Work', 'Features,Emotion', '-Manifest', $manifest, '-OutputPath', $Results, '-TaskThrottleLimit', '1')
        }
        # The operator's shell: a separate pwsh running the example script.
        function Start-FanOut([string[]] $Arguments, [string] $Log) {
            Set-Content -LiteralPath "$Log.ps1" -Value "& '$fanOut' $($Arguments -join ' ')"
            Start-Process bash -ArgumentList $PwshScript, '-File', "$Log.ps1" -PassThru -RedirectStandardOutput "$Log.out" -RedirectStandardError "$Log.err"
        }
    }

    AfterAll { if ($sshd) { Stop-Daemon $sshd.Process } }

    It 'four sessions sharing one folder analyse every input once, as one machine does' {
        if ($skip) { Set-ItResult -Skipped -Because $skip; return }
        $results = Join-Path $work 'ssh-results'
        $run = Start-FanOut (Get-FanOutArgument $results) (Join-Path $work 'ssh-run')
        $run.WaitForExit(300000) | Should -BeTrue
        $run.ExitCode | Should -Be 0 -Because (Get-Content -Raw "$(Join-Path $work 'ssh-run').err")
        (Get-Content "$(Join-Path $work 'ssh-run').out" | Where-Object { $_ -match '^\s*\d+\s+4\s' }).Count | Should -Be 4 -Because 'each shard reports once'
        @(Get-ChildItem $results -Filter 'features.rows-*-of-0004.*.jsonl').Count | Should -Be 4 -Because 'every session wrote its own file'
        Assert-BatchComplete $results
    }

    It 'a host lost midway leaves whole results, and the same command run again does only what was missing' {
        if ($skip) { Set-ItResult -Skipped -Because $skip; return }
        $results = Join-Path $work 'ssh-killed'
        $run = Start-FanOut (Get-FanOutArgument $results) (Join-Path $work 'ssh-killed-run')
        Wait-Until { (Test-Path $results) -and @(Get-ResultKey $results).Count -ge 4 } 180 'the first results'
        # The host dies: every remote pwsh under this test's sshd is killed at once (SIGKILL).
        $remote = @(Get-DescendantProcessId $sshd.Process.Id | Where-Object { (Get-CommandLine $_) -match '-sshs' })
        $remote.Count | Should -BeGreaterOrEqual 4 -Because 'each session runs a pwsh (the global tool shim and the pwsh it starts)'
        foreach ($id in $remote) { Stop-Process -Id $id -Force }
        $run.WaitForExit(120000) | Should -BeTrue
        $run.ExitCode | Should -Not -Be 0 -Because 'the fan-out says which shards did not finish'
        (Get-Content -Raw "$(Join-Path $work 'ssh-killed-run').err") | Should -Match 'did not finish: run the same command again'
        $before = @(Get-ChildItem $results -Filter *.jsonl).FullName
        $done = @(Get-ResultKey $results)
        $done.Count | Should -BeLessThan $allKeys.Count -Because 'the kill came midway'

        $again = Start-FanOut (Get-FanOutArgument $results) (Join-Path $work 'ssh-again')
        $again.WaitForExit(300000) | Should -BeTrue
        $again.ExitCode | Should -Be 0 -Because (Get-Content -Raw "$(Join-Path $work 'ssh-again').err")
        @(Get-ResultKey $results -Exclude $before | Sort-Object) | Should -Be @($allKeys | Where-Object { $_ -notin $done } | Sort-Object) `
            -Because 'the second run did exactly what the first left undone'
        Assert-BatchComplete $results
    }
}

Describe 'Slurm array job' -Tag Scale {
    BeforeAll {
        $skip = if (-not $flite) { 'flite is not installed (sudo apt-get install flite)' }
        elseif (-not (Test-Path /usr/sbin/slurmctld) -or -not (Test-Path /usr/sbin/munged)) { 'Slurm is not installed (sudo apt-get install slurm-wlm munge)' }
        elseif ([Environment]::UserName -ne 'root') { 'a private Slurm needs root here (slurmd runs jobs as their user)' }
        if (-not $skip) {
            try { $slurm = Start-TestSlurm (Join-Path $work 'slurm') }
            catch { $skip = "Slurm could not be started here: $_" }
        }
        $analysis = Join-Path $examples 'slurm/voice-analysis.sbatch'
        $clones = Join-Path $examples 'slurm/voice-clones.sbatch'
        function Submit-Analysis([string] $Results, [string] $Name) {
            Submit-SlurmJob $slurm @('--array=0-3', '--cpus-per-task=1', "--output=$(Join-Path $work "$Name-%A_%a.out")", $analysis, $manifest, $Results, '4')
        }
    }

    AfterAll {
        if ($slurm) { Stop-Daemon $slurm.Daemons; Remove-Item env:SLURM_CONF -ErrorAction Ignore }
    }

    It 'four array tasks analyse every input once, as one machine does' {
        if ($skip) { Set-ItResult -Skipped -Because $skip; return }
        $results = Join-Path $work 'slurm-results'
        Wait-SlurmJob (Submit-Analysis $results 'slurm-run')
        @(Get-ChildItem $results -Filter 'emotion.rows-*-of-0004.*.jsonl').Count | Should -Be 4 -Because 'every task wrote its own file'
        Assert-BatchComplete $results
    }

    It 'tasks killed midway (SIGKILL) and the array submitted again complete only what was missing' {
        if ($skip) { Set-ItResult -Skipped -Because $skip; return }
        $results = Join-Path $work 'slurm-killed'
        $job = Submit-Analysis $results 'slurm-killed'
        Wait-Until { (Test-Path $results) -and @(Get-ResultKey $results).Count -ge 2 } 180 'the first results'
        & scancel --signal=KILL --full $job
        & scancel $job # the tasks still pending: never started
        Wait-SlurmJob $job
        $before = @(Get-ChildItem $results -Filter *.jsonl).FullName
        $done = @(Get-ResultKey $results)
        $done.Count | Should -BeLessThan $allKeys.Count -Because 'the kill came midway'

        Wait-SlurmJob (Submit-Analysis $results 'slurm-again')
        @(Get-ResultKey $results -Exclude $before | Sort-Object) | Should -Be @($allKeys | Where-Object { $_ -notin $done } | Sort-Object)
        Assert-BatchComplete $results
    }

    It 'four array tasks make every clone of a manifest once, and after a kill only the missing ones' {
        if ($skip) { Set-ItResult -Skipped -Because $skip; return }
        $folder = Join-Path $work 'slurm-clones'
        $null = New-Item -ItemType Directory -Force -Path $folder
        $ids = 0..11 | ForEach-Object { 'c{0:D2}' -f $_ }
        $ids | ForEach-Object -Begin { $n = 0 } -Process {
            [pscustomobject]@{ reference = '../calls/call-{0:D3}.wav' -f ($n % 4); text = "Clone number $n, spoken for the batch."; id = $_ }; $n++
        } | Export-Csv -LiteralPath (Join-Path $folder 'jobs.csv') -NoTypeInformation
        $output = Join-Path $folder 'pairs'
        $submit = { param($Name) Submit-SlurmJob $slurm @('--array=0-3', '--cpus-per-task=1', "--output=$(Join-Path $work "$Name-%A_%a.out")",
                $clones, (Join-Path $folder 'jobs.csv'), $output, '4') }
        $job = & $submit 'clones-killed'
        Wait-Until { (Test-Path $output) -and @(Get-ChildItem $output -Filter 'cloned_*.json').Count -ge 1 } 180 'the first clone'
        & scancel --signal=KILL --full $job
        & scancel $job
        Wait-SlurmJob $job
        $whole = @{}
        foreach ($fingerprint in Get-CloneFingerprint (Join-Path $output 'cloned_*.json')) {
            if ((Get-FileHash -Algorithm SHA256 $fingerprint.AudioPath).Hash -eq $fingerprint.AudioSha256) { $whole[$fingerprint.Path] = $fingerprint.RunId }
        }
        $whole.Count | Should -BeLessThan $ids.Count -Because 'the kill came midway'

        Wait-SlurmJob (& $submit 'clones-again')
        $pairs = @(Get-CloneFingerprint (Join-Path $output 'cloned_*.json'))
        @($pairs | ForEach-Object { [System.IO.Path]::GetFileNameWithoutExtension($_.Path) } | Sort-Object) | Should -Be @($ids | ForEach-Object { "cloned_$_" })
        foreach ($pair in $pairs) {
            (Get-FileHash -Algorithm SHA256 $pair.AudioPath).Hash | Should -Be $pair.AudioSha256 -Because "$($pair.Path) is whole"
            if ($whole.ContainsKey($pair.Path)) { $pair.RunId | Should -Be $whole[$pair.Path] -Because 'a whole pair is not made twice' }
        }
        @(Get-ChildItem $output -Force | Where-Object Name -like '.*tmp').Count | Should -Be 0 -Because 'no staging file is left'
    }
}
