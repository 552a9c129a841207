# Engines started on this machine for the Scale tests (dot-source it): a private sshd with the repository's pwsh as its
# PowerShell subsystem, a single-node Slurm (munged, slurmctld, slurmd) on localhost, the speech the batches analyse,
# and readers of what the batches leave. Every daemon runs in the foreground as a child of the test, on free high ports,
# with its own configuration, keys and state under one temporary folder, and is stopped by its process id afterwards.

$script:Repo = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../..'))
$script:PwshScript = Join-Path $script:Repo 'pwsh.sh'

function Get-FreePort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Wait-Until([scriptblock] $Condition, [int] $Seconds, [string] $What) {
    $deadline = [datetime]::UtcNow.AddSeconds($Seconds)
    while (-not (& $Condition)) {
        if ([datetime]::UtcNow -gt $deadline) { throw "Timed out after $Seconds s waiting for $What" }
        Start-Sleep -Milliseconds 50
    }
}

function Test-TcpPort([int] $Port) {
    $client = [System.Net.Sockets.TcpClient]::new()
    try { $client.ConnectAsync('127.0.0.1', $Port).Wait(200) -and $client.Connected } catch { $false } finally { $client.Dispose() }
}

# Starts a daemon in the foreground as a child of this process, its output in $Log; returns the process.
function Start-Daemon([string] $FilePath, [string[]] $Arguments, [string] $Log) {
    Start-Process -FilePath $FilePath -ArgumentList $Arguments -PassThru -RedirectStandardOutput "$Log.out" -RedirectStandardError $Log
}

# Stops processes this test started, by id, and waits for them.
function Stop-Daemon([System.Diagnostics.Process[]] $Process) {
    foreach ($p in $Process | Where-Object { $_ -and -not $_.HasExited }) {
        $p.Kill($true)
        $null = $p.WaitForExit(10000)
    }
}

# The processes below $ParentId (children, grandchildren, ...), from /proc.
function Get-DescendantProcessId([int] $ParentId) {
    $children = @{}
    foreach ($stat in Get-ChildItem /proc -Directory -ErrorAction Ignore | Where-Object Name -match '^\d+$') {
        $text = Get-Content -LiteralPath "$($stat.FullName)/stat" -Raw -ErrorAction Ignore
        if ($text -match '^\d+ \(.*\) \S (\d+)') { $children[[int] $stat.Name] = [int] $Matches[1] }
    }
    $found = [System.Collections.Generic.List[int]]::new()
    $queue = [System.Collections.Generic.Queue[int]]::new(); $queue.Enqueue($ParentId)
    while ($queue.Count) {
        $id = $queue.Dequeue()
        foreach ($child in $children.Keys | Where-Object { $children[$_] -eq $id }) { $found.Add($child); $queue.Enqueue($child) }
    }
    $found
}

function Get-CommandLine([int] $Id) {
    $raw = Get-Content -LiteralPath "/proc/$Id/cmdline" -Raw -ErrorAction Ignore
    if ($raw) { $raw -replace "`0", ' ' } else { '' }
}

# The recordings a batch works on: flite speech in four voices, 8-15 s each, and an analysis manifest of them.
function New-SpeechBatch([string] $Folder, [int] $Count) {
    $sentences = @(
        'The birch canoe slid on the smooth planks.', 'Glue the sheet to the dark blue background.',
        'It is easy to tell the depth of a well.', 'These days a chicken leg is a rare dish.',
        'Rice is often served in round bowls.', 'The juice of lemons makes fine punch.',
        'The box was thrown beside the parked truck.', 'The hogs were fed chopped corn and garbage.',
        'Four hours of steady work faced us.', 'A large size in stockings is hard to sell.')
    $voices = 'awb', 'slt', 'rms', 'kal16'
    $null = New-Item -ItemType Directory -Force -Path (Join-Path $Folder 'calls')
    $rows = foreach ($i in 0..($Count - 1)) {
        $text = (0..(2 + $i % 3) | ForEach-Object { $sentences[($i * 3 + $_) % $sentences.Count] }) -join ' '
        $name = 'calls/call-{0:D3}.wav' -f $i
        & flite -voice $voices[$i % $voices.Count] -t $text -o (Join-Path $Folder $name)
        if ($LASTEXITCODE -ne 0) { throw "flite failed on $name" }
        [pscustomobject]@{ path = $name; text = $text }
    }
    $rows | Export-Csv -LiteralPath (Join-Path $Folder 'calls.csv') -NoTypeInformation
    Join-Path $Folder 'calls.csv'
}

# Every (kind, key) line of a results folder, as 'kind key' strings, in file order (duplicates kept).
function Get-ResultKey([string] $Folder, [string[]] $Exclude = @()) {
    foreach ($file in Get-ChildItem -LiteralPath $Folder -Filter *.jsonl | Sort-Object Name | Where-Object FullName -notin $Exclude) {
        foreach ($line in [System.IO.File]::ReadLines($file.FullName)) {
            $record = $line | ConvertFrom-Json
            "$($record.kind) $($record.key)"
        }
    }
}

# Results as one comparable line each: path and the whole object as JSON, sorted.
function ConvertTo-ResultLine([Parameter(ValueFromPipeline)] $Result) {
    process { $Result.Path + ' ' + ($Result | ConvertTo-Json -Depth 4 -Compress) }
}

# A private sshd on a free port: host key and client key made here, key login only, pwsh as the 'powershell' subsystem
# through the repository's pwsh.sh (the pinned PowerShell, the built module importable by name).
function Start-TestSshd([string] $Folder) {
    $null = New-Item -ItemType Directory -Force -Path $Folder
    foreach ($key in 'host_key', 'client_key') {
        & ssh-keygen -q -t ed25519 -N '' -f (Join-Path $Folder $key)
        if ($LASTEXITCODE -ne 0) { throw "ssh-keygen failed for $key" }
    }
    Copy-Item (Join-Path $Folder 'client_key.pub') (Join-Path $Folder 'authorized_keys')
    $subsystem = Join-Path $Folder 'pwsh-subsystem.sh'
    # sshd starts sessions with a fixed PATH and no module or log settings: the wrapper gives them this test's.
    Set-Content -LiteralPath $subsystem -Value @(
        '#!/bin/sh'
        "export PATH='$env:PATH' VOICECLONE_LOG_DIR='$(Join-Path $Folder 'logs')'"
        "exec '$script:PwshScript' -sshs -NoLogo")
    & chmod 755 $subsystem
    $port = Get-FreePort
    $config = Join-Path $Folder 'sshd_config'
    Set-Content -LiteralPath $config -Value @(
        "Port $port", 'ListenAddress 127.0.0.1', "HostKey $(Join-Path $Folder 'host_key')", "PidFile $(Join-Path $Folder 'sshd.pid')",
        "AuthorizedKeysFile $(Join-Path $Folder 'authorized_keys')", 'PubkeyAuthentication yes', 'PasswordAuthentication no',
        'KbdInteractiveAuthentication no', 'PermitRootLogin prohibit-password', 'StrictModes no', 'UsePAM no', 'MaxStartups 64',
        'MaxSessions 64', "Subsystem powershell $subsystem")
    $null = New-Item -ItemType Directory -Force -Path /run/sshd # sshd's privilege-separation folder
    $process = Start-Daemon /usr/sbin/sshd @('-D', '-e', '-f', $config) (Join-Path $Folder 'sshd.log')
    Wait-Until { (Test-TcpPort $port) -or $process.HasExited } 15 'sshd to listen'
    if ($process.HasExited) { throw "sshd did not start: $(Get-Content -Raw (Join-Path $Folder 'sshd.log'))" }
    [pscustomobject]@{
        Process = $process; Port = $port; KeyFilePath = (Join-Path $Folder 'client_key'); UserName = [Environment]::UserName
        SshOption = @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR' }
    }
}

# A single-node Slurm on localhost: a munge key and munged on a private socket, slurmctld and slurmd on free ports with
# a minimal slurm.conf (no cgroups, no accounting), and a pwsh on the jobs' PATH that is the repository's pwsh.sh.
function Start-TestSlurm([string] $Folder) {
    foreach ($sub in 'state', 'spool', 'bin', 'logs') { $null = New-Item -ItemType Directory -Force -Path (Join-Path $Folder $sub) }
    $key = Join-Path $Folder 'munge.key'
    [System.IO.File]::WriteAllBytes($key, [System.Security.Cryptography.RandomNumberGenerator]::GetBytes(1024))
    & chmod 400 $key
    $socket = Join-Path $Folder 'munge.sock'
    $munged = Start-Daemon /usr/sbin/munged @('--foreground', '--force', "--key-file=$key", "--socket=$socket",
        "--pid-file=$(Join-Path $Folder 'munged.pid')", "--seed-file=$(Join-Path $Folder 'munged.seed')",
        "--log-file=$(Join-Path $Folder 'munged.log')") (Join-Path $Folder 'munged.err')
    Wait-Until { (Test-Path $socket) -or $munged.HasExited } 15 'munged to open its socket'
    if ($munged.HasExited) { throw "munged did not start: $(Get-Content -Raw (Join-Path $Folder 'munged.err'))" }

    $node = (& hostname -s).Trim()
    $ctldPort, $slurmdPort = (Get-FreePort), (Get-FreePort)
    $config = Join-Path $Folder 'slurm.conf'
    Set-Content -LiteralPath $config -Value @(
        'ClusterName=voiceclonetest', "SlurmctldHost=$node(127.0.0.1)", "SlurmctldPort=$ctldPort", "SlurmdPort=$slurmdPort",
        'AuthType=auth/munge', "AuthInfo=socket=$socket", 'CredType=cred/munge', "SlurmUser=$([Environment]::UserName)",
        "StateSaveLocation=$(Join-Path $Folder 'state')", "SlurmdSpoolDir=$(Join-Path $Folder 'spool')",
        "SlurmctldPidFile=$(Join-Path $Folder 'slurmctld.pid')", "SlurmdPidFile=$(Join-Path $Folder 'slurmd.pid')",
        "SlurmctldLogFile=$(Join-Path $Folder 'slurmctld.log')", "SlurmdLogFile=$(Join-Path $Folder 'slurmd.log')",
        'ProctrackType=proctrack/linuxproc', 'TaskPlugin=task/none', 'MpiDefault=none', 'ReturnToService=2',
        'SchedulerType=sched/backfill', 'SelectType=select/cons_tres', 'SelectTypeParameters=CR_Core',
        'JobAcctGatherType=jobacct_gather/none', 'AccountingStorageType=accounting_storage/none', 'JobCompType=jobcomp/none',
        "NodeName=$node NodeAddr=127.0.0.1 CPUs=$([Environment]::ProcessorCount) RealMemory=$(Get-MemoryMegabytes) State=UNKNOWN",
        "PartitionName=voiceclone Nodes=$node Default=YES MaxTime=INFINITE State=UP")
    $env:SLURM_CONF = $config
    $ctld = Start-Daemon /usr/sbin/slurmctld @('-D', '-f', $config) (Join-Path $Folder 'slurmctld.err')
    $slurmd = Start-Daemon /usr/sbin/slurmd @('-D', '-f', $config, '-N', $node) (Join-Path $Folder 'slurmd.err')
    $daemons = @($slurmd, $ctld, $munged)
    try {
        Wait-Until { ((& sinfo -h -o '%t' 2>$null) -join '') -match 'idle' -or $ctld.HasExited -or $slurmd.HasExited } 60 'the Slurm node to be idle'
        if ($ctld.HasExited -or $slurmd.HasExited) { throw "Slurm did not start: $(Get-Content -Raw (Join-Path $Folder 'slurmctld.log') -ErrorAction Ignore)" }
    }
    catch { Stop-Daemon $daemons; throw }
    # Jobs inherit this PATH (sbatch exports the environment): 'pwsh' there is the repository's pinned PowerShell.
    $shim = Join-Path $Folder 'bin/pwsh'
    Set-Content -LiteralPath $shim -Value @('#!/bin/sh', "exec '$script:PwshScript' `"`$@`"")
    & chmod 755 $shim
    [pscustomobject]@{ Daemons = $daemons; Config = $config; Bin = (Join-Path $Folder 'bin'); Logs = (Join-Path $Folder 'logs') }
}

# What the node offers jobs: 90 % of this machine's memory, in MB (slurmd refuses a node that claims more than it has).
function Get-MemoryMegabytes {
    $kilobytes = [long] ((Get-Content /proc/meminfo | Where-Object { $_ -match '^MemTotal:' }) -replace '\D', '')
    [long] ($kilobytes / 1024 * 0.9)
}

# Submits an sbatch script with this test's PATH and log folder; returns the job id.
function Submit-SlurmJob([pscustomobject] $Slurm, [string[]] $Arguments) {
    $path = $env:PATH
    $env:PATH = "$($Slurm.Bin):$path"
    $env:VOICECLONE_LOG_DIR = $Slurm.Logs
    try { $id = "$(& sbatch --parsable @Arguments)".Trim() }
    finally { $env:PATH = $path; Remove-Item env:VOICECLONE_LOG_DIR }
    if ($LASTEXITCODE -ne 0 -or $id -notmatch '^\d+') { throw "sbatch failed: $id" }
    ($id -split ';')[0]
}

function Wait-SlurmJob([string] $JobId, [int] $Seconds = 300) {
    Wait-Until { -not (& squeue -h -j $JobId -o '%i' 2>$null) } $Seconds "Slurm job $JobId to finish"
}
