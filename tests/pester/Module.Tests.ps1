# The module as a user meets it: import by name, discoverable commands, help, configuration.

BeforeAll {
    Import-Module VoiceClone -Force
}

Describe 'VoiceClone module' {
    It 'imports by name and exports its cmdlets' {
        $commands = (Get-Command -Module VoiceClone).Name
        $commands | Should -Contain 'Get-CloneFingerprint'
        $commands | Should -Contain 'Get-VoiceCloneConfiguration'
        $commands | Should -Contain 'Set-VoiceCloneConfiguration'
        $commands | Should -Contain 'Get-VoiceFeature'
        $commands | Should -Contain 'Get-VoiceEmotion'
        $commands | Should -Contain 'New-VoiceEmotionModel'
    }

    It 'has help with a synopsis and examples for <Name>' -TestCases @(
        @{ Name = 'Get-CloneFingerprint' }
        @{ Name = 'Get-VoiceCloneConfiguration' }
        @{ Name = 'Set-VoiceCloneConfiguration' }
        @{ Name = 'Get-VoiceFeature' }
        @{ Name = 'Get-VoiceEmotion' }
        @{ Name = 'New-VoiceEmotionModel' }
    ) {
        $help = Get-Help $Name -Full
        # Without a help file PowerShell makes one up: the synopsis is then the syntax and there are no examples.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike '*CommonParameters*'
        $help.Examples.Example.Code | Should -Not -BeNullOrEmpty
        foreach ($parameter in @($help.Parameters.Parameter | Where-Object { $_ })) {
            $parameter.Description.Text | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a description"
        }
    }

    It 'tells where its log file is and why' {
        $config = Get-VoiceCloneConfiguration
        $config.LogFile | Should -BeLike '*app.log'
        $config.LogDirectorySource | Should -Not -BeNullOrEmpty
    }

    It 'changes nothing under -WhatIf' {
        $before = (Get-VoiceCloneConfiguration).LogDirectory
        $target = Join-Path ([System.IO.Path]::GetTempPath()) ('voiceclone-whatif-' + [guid]::NewGuid().ToString('N'))
        Set-VoiceCloneConfiguration -LogDirectory $target -WhatIf
        (Get-VoiceCloneConfiguration).LogDirectory | Should -Be $before
        $target | Should -Not -Exist
    }
}
