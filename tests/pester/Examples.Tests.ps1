# The examples/ for batch engines stay correct by review and by this check, which needs no engine: the PowerShell in
# every example (scripts, the pwsh -Command of the Slurm scripts, the args of the Kubernetes Job) parses, and every
# VoiceClone command in it names only parameters the command has, splatted hashtables included. The SSH and Slurm
# examples also run for real under ./build.sh Test (Scale.Tests.ps1; -NoScale leaves them out); the Kubernetes ones cannot run here.

BeforeDiscovery {
    $examples = Join-Path $PSScriptRoot '../../examples'
    $script:snippets = @(
        foreach ($file in Get-ChildItem -LiteralPath $examples -Recurse -File) {
            $text = [System.IO.File]::ReadAllText($file.FullName)
            $name = [System.IO.Path]::GetRelativePath($examples, $file.FullName)
            switch -Regex ($file.Name) {
                '\.ps1$' { @{ Name = $name; Code = $text } }
                # The single-quoted script after pwsh -Command, up to the quote that closes it.
                '\.sbatch$' { if ($text -match "(?s)-Command '(.*?)\n'") { @{ Name = $name; Code = $Matches[1] } } }
                # The block scalar under 'args: - |', as far as it stays indented.
                '\.ya?ml$' {
                    if ($text -match '(?m)^(\s*)- \|\r?\n((?:\1  .*\r?\n)+)') {
                        $indent = $Matches[1].Length + 2
                        @{ Name = $name; Code = (($Matches[2] -split '\r?\n') | ForEach-Object { if ($_.Length -ge $indent) { $_.Substring($indent) } }) -join "`n" }
                    }
                }
            }
        })
}

BeforeAll {
    Import-Module VoiceClone -Force
    $voiceClone = @((Get-Module VoiceClone).ExportedCommands.Keys)
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
}

Describe 'The batch examples' {
    It 'finds the PowerShell of every engine example' {
        $names = $snippets | ForEach-Object Name
        foreach ($expected in 'ssh/Invoke-VoiceBatchOverSsh.ps1', 'slurm/voice-analysis.sbatch', 'slurm/voice-clones.sbatch', 'kubernetes/voice-analysis-job.yaml') {
            $names | Should -Contain $expected
        }
    }

    It '<Name> parses and calls VoiceClone only with parameters that exist' -ForEach $snippets {
        $tokens = $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $tokens, [ref] $errors)
        $errors | Should -BeNullOrEmpty
        # Keys a script puts in a hashtable variable: @{ Key = ... } literals and $var.Key = ... assignments.
        $splats = @{}
        foreach ($assignment in $ast.FindAll({ $args[0] -is [System.Management.Automation.Language.AssignmentStatementAst] }, $true)) {
            $target = $assignment.Left
            if ($target -is [System.Management.Automation.Language.VariableExpressionAst] -and
                $assignment.Right.Expression -is [System.Management.Automation.Language.HashtableAst]) {
                $splats[$target.VariablePath.UserPath] = @($splats[$target.VariablePath.UserPath]) + @($assignment.Right.Expression.KeyValuePairs.Item1.Value)
            }
            elseif ($target -is [System.Management.Automation.Language.MemberExpressionAst] -and $target.Expression -is [System.Management.Automation.Language.VariableExpressionAst]) {
                $splats[$target.Expression.VariablePath.UserPath] = @($splats[$target.Expression.VariablePath.UserPath]) + @($target.Member.Value)
            }
        }
        $calls = @($ast.FindAll({ $args[0] -is [System.Management.Automation.Language.CommandAst] -and $args[0].GetCommandName() -in $voiceClone }, $true))
        $calls.Count | Should -BeGreaterThan 0 -Because 'an engine example runs VoiceClone'
        foreach ($call in $calls) {
            $parameters = (Get-Command $call.GetCommandName()).Parameters
            $names = @($call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] } | ForEach-Object ParameterName)
            $names += @($call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.VariableExpressionAst] -and $_.Splatted } |
                    ForEach-Object { $splats[$_.VariablePath.UserPath] } | Where-Object { $_ })
            foreach ($name in $names) {
                ($parameters.ContainsKey($name) -or $common -contains $name) | Should -BeTrue -Because "$($call.GetCommandName()) has no -$name"
            }
        }
    }
}
