<#
.SYNOPSIS
    Runs a VoiceClone batch over PowerShell remoting on SSH: one task per session, each doing its own shard of a manifest,
    all writing into one shared folder. Run it again after a failure and only what is missing is done.
.DESCRIPTION
    Every host needs PowerShell 7 registered as an SSH subsystem (sshd_config: Subsystem powershell /usr/bin/pwsh -sshs
    -NoLogo), the VoiceClone module on its PSModulePath, flite for cloning, and the manifest, the recordings and the output
    folder at the same path (a shared file system: NFS, SMB, CephFS, Lustre). Name a host several times to run several
    tasks on it; -ThrottleLimit caps how many sessions work at once. Each task gets shard i of n, n being the number of
    sessions, so a re-run must name as many sessions (any hosts) to find its earlier results without reading them all.
    Emits one object per finished shard; a shard whose session failed (a lost host) is reported, and the script ends with
    an error naming it: run the same command again.
.EXAMPLE
    ./Invoke-VoiceBatchOverSsh.ps1 -HostName node1, node1, node2, node2 -UserName batch -KeyFilePath ~/.ssh/id_ed25519 `
        -Work Features, Emotion -Manifest /shared/calls.csv -OutputPath /shared/results
.EXAMPLE
    ./Invoke-VoiceBatchOverSsh.ps1 -HostName (1..8 | ForEach-Object { "gpu$_" }) -Work Clone -Manifest /shared/jobs.csv -OutputPath /shared/clones
#>
[CmdletBinding()]
param(
    # One entry per task; repeat a host to run several tasks on it.
    [Parameter(Mandatory)] [string[]] $HostName,
    [string] $UserName,
    [string] $KeyFilePath,
    [int] $Port = 22,
    # Options for ssh, e.g. @{ StrictHostKeyChecking = 'accept-new' }.
    [hashtable] $SshOption = @{},
    # Features and Emotion write JSON Lines results to -OutputPath; Clone writes clone pairs there.
    [Parameter(Mandatory)] [ValidateSet('Features', 'Emotion', 'Clone')] [string[]] $Work,
    # The manifest, as an absolute path every host sees (analysis: path[,text]; cloning: reference,text,id).
    [Parameter(Mandatory)] [string] $Manifest,
    [Parameter(Mandatory)] [string] $OutputPath,
    # How many sessions work at once.
    [int] $ThrottleLimit = 32,
    # How many files each task works on at once; 0: one per core of its host.
    [int] $TaskThrottleLimit = 0
)
$ErrorActionPreference = 'Stop'
$connection = @{ HostName = $HostName; Port = $Port; Options = $SshOption }
if ($UserName) { $connection.UserName = $UserName }
if ($KeyFilePath) { $connection.KeyFilePath = $KeyFilePath }
$sessions = @(New-PSSession @connection)
try {
    # Each session learns its shard once; one fan-out then runs them all, -ThrottleLimit at a time.
    for ($i = 0; $i -lt $sessions.Count; $i++) { Invoke-Command -Session $sessions[$i] -ScriptBlock { $global:VoiceShardIndex = $using:i } }
    $task = {
        param([string[]] $Work, [string] $Manifest, [string] $OutputPath, [int] $ShardCount, [int] $TaskThrottleLimit)
        $ErrorActionPreference = 'Stop'
        $ProgressPreference = 'SilentlyContinue'
        Import-Module VoiceClone
        # A bad recording is reported and the rest goes on; a failure of the whole task stops it.
        $shard = @{ Manifest = $Manifest; ShardIndex = $global:VoiceShardIndex; ShardCount = $ShardCount; ErrorAction = 'Continue' }
        if ($TaskThrottleLimit -gt 0) { $shard.ThrottleLimit = $TaskThrottleLimit }
        switch ($Work) {
            'Features' { Get-VoiceFeature @shard -ResultPath $OutputPath }
            'Emotion' { Get-VoiceEmotion @shard -ResultPath $OutputPath }
            'Clone' { $null = New-VoiceClone @shard -OutputDirectory $OutputPath }
        }
        [pscustomobject]@{ Shard = $global:VoiceShardIndex; Of = $ShardCount; Host = [System.Net.Dns]::GetHostName() }
    }
    $finished = @(Invoke-Command -Session $sessions -ThrottleLimit $ThrottleLimit -ScriptBlock $task -ErrorAction Continue `
            -ArgumentList $Work, $Manifest, $OutputPath, $sessions.Count, $TaskThrottleLimit)
    $finished | Select-Object Shard, Of, Host
    $missing = @(0..($sessions.Count - 1) | Where-Object { $finished.Shard -notcontains $_ })
    if ($missing) { throw "Shard(s) $($missing -join ', ') of $($sessions.Count) did not finish: run the same command again; finished work is skipped." }
}
finally {
    Remove-PSSession $sessions
}
