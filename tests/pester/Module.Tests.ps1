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
