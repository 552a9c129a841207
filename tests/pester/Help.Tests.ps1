# Help as Gallery modules have it: for every exported cmdlet a synopsis, a description, INPUTS, OUTPUTS, related links,
# every parameter described with its default, and examples that parse; an about topic; the manifest's metadata.

BeforeDiscovery {
    Import-Module VoiceClone -Force
    $script:cmdlets = @((Get-Module VoiceClone).ExportedCmdlets.Keys | Sort-Object | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    Import-Module VoiceClone -Force
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll { $help = Get-Help $Name -Full }

    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike '*CommonParameters*' # PowerShell makes that up when there is no help file
        ($help.Description.Text -join ' ') | Should -Not -BeNullOrEmpty
    }

    It 'says what it takes from the pipeline and what it emits' {
        @($help.InputTypes.InputType).Count | Should -BeGreaterThan 0
        @($help.ReturnValues.ReturnValue | Where-Object { $_.Description.Text }).Count | Should -BeGreaterThan 0
    }

    It 'links to the about topic and related commands' {
        $links = @($help.RelatedLinks.NavigationLink.LinkText)
        $links | Should -Contain 'about_VoiceClone'
        $links.Count | Should -BeGreaterThan 1
    }

    It 'describes every parameter with its default value' {
        foreach ($parameter in @($help.Parameters.Parameter | Where-Object { $_ -and $common -notcontains $_.Name })) {
            ($parameter.Description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a description"
            $parameter.DefaultValue | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs its default"
        }
    }

    It 'lists its error ids in NOTES, each one the module defines, UnexpectedError among them' {
        $notes = ($help.alertSet.alert.Text -join ' ')
        $notes | Should -Match 'Error ids: '
        $defined = [VoiceClone.VoiceCloneErrors]::All.ErrorId
        # Error ids are the PascalCase words after 'Error ids: ', outside parentheses (which may name parameters).
        $listed = ($notes -split 'Error ids: ', 2)[1] -replace '\([^)]*\)', ''
        $named = [regex]::Matches($listed, '\b[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+\b').Value |
            Where-Object { $_ -notmatch '^(Get|Set|New|Import|Export|Compare|Start|Install|ConvertTo)[A-Z]' }
        @($named).Count | Should -BeGreaterThan 0
        foreach ($id in $named) { $defined | Should -Contain $id -Because "$Name's help names $id" }
        $named | Should -Contain 'UnexpectedError'
    }

    It 'has examples that parse' {
        $examples = @($help.Examples.Example)
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) {
            $errors = $null
            $null = [System.Management.Automation.Language.Parser]::ParseInput($example.Code, [ref] $null, [ref] $errors)
            $errors | Should -BeNullOrEmpty -Because "$($example.Title) must parse"
        }
    }
}

Describe 'The module' {
    It 'has an about topic' {
        $about = Get-Help about_VoiceClone
        ($about | Out-String) | Should -Match 'FINGERPRINTS'
    }

    It 'carries Gallery metadata in its manifest' {
        $module = Get-Module VoiceClone
        $module.ProjectUri | Should -Not -BeNullOrEmpty
        $module.LicenseUri | Should -Not -BeNullOrEmpty
        $module.HelpInfoUri | Should -Not -BeNullOrEmpty
        $module.Tags | Should -Contain 'PSEdition_Core'
        $module.PowerShellVersion | Should -Be ([version] '7.6')
    }
}
