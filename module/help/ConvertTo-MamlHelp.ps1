<#
.SYNOPSIS
    Generates MAML help (VoiceClone.PowerShell.dll-Help.xml) from module/help/<Cmdlet>.md and the built cmdlets.
.DESCRIPTION
    Prose (synopsis, description, parameter text, examples, notes) comes from the markdown; syntax, parameter
    sets, types, positions, pipeline input, aliases and default values come from the cmdlets themselves, so they
    cannot drift (a parameter's text may state its default as "Default: ..." where the built-in value is machine-specific).
    Fails when an exported cmdlet has no markdown, a parameter is undocumented, the markdown documents a parameter that
    does not exist, or INPUTS, OUTPUTS or RELATED LINKS are missing. The markdown layout is platyPS's: # Name,
    ## SYNOPSIS, ## DESCRIPTION, ## PARAMETERS with ### -Name, ## INPUTS and ## OUTPUTS with ### type names,
    ## EXAMPLES with ### titles and a powershell code fence, ## NOTES, ## RELATED LINKS with "- [text](uri)" lines.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $MarkdownFolder,
    [Parameter(Mandatory)] [string] $OutputFile
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$maml = 'http://schemas.microsoft.com/maml/2004/10'
$command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
$standardText = @{
    WhatIf  = 'Shows what would happen if the command runs. The command is not run.'
    Confirm = 'Prompts for confirmation before running the command.'
}

function Read-HelpMarkdown([string] $Path) {
    $doc = @{
        Synopsis = ''; Description = ''; Notes = ''; Parameters = @{}; Examples = [System.Collections.Generic.List[object]]::new()
        Inputs = [ordered]@{}; Outputs = [ordered]@{}; Links = [System.Collections.Generic.List[object]]::new()
    }
    $section = ''; $current = $null; $inCode = $false
    foreach ($line in [System.IO.File]::ReadAllLines($Path)) {
        if ($line -match '^```') {
            if ($section -eq 'EXAMPLES' -and $null -ne $current) { $inCode = -not $inCode }
            continue
        }
        if ($inCode) { $current.Code += ($(if ($current.Code) { "`n" }) + $line); continue }
        if ($line -match '^## (.+)$') { $section = $Matches[1].Trim(); $current = $null; continue }
        if ($line -match '^### (.+)$') {
            $title = $Matches[1].Trim()
            if ($section -eq 'PARAMETERS') { $current = $title.TrimStart('-'); $doc.Parameters[$current] = '' }
            elseif ($section -eq 'EXAMPLES') { $current = [pscustomobject]@{ Title = $title; Code = ''; Remarks = '' }; $doc.Examples.Add($current) }
            elseif ($section -in 'INPUTS', 'OUTPUTS') { $current = $title; $doc[$section.Substring(0, 1) + $section.Substring(1).ToLowerInvariant()][$title] = '' }
            continue
        }
        if ($line -match '^# ') { continue }
        $text = $line.Trim()
        switch ($section) {
            'SYNOPSIS' { $doc.Synopsis = ("$($doc.Synopsis) $text").Trim() }
            'DESCRIPTION' { $doc.Description += "$line`n" }
            'NOTES' { $doc.Notes = ("$($doc.Notes) $text").Trim() }
            'PARAMETERS' { if ($current) { $doc.Parameters[$current] = ("$($doc.Parameters[$current]) $text").Trim() } }
            'EXAMPLES' { if ($current) { $current.Remarks = ("$($current.Remarks) $text").Trim() } }
            'INPUTS' { if ($current) { $doc.Inputs[$current] = ("$($doc.Inputs[$current]) $text").Trim() } }
            'OUTPUTS' { if ($current) { $doc.Outputs[$current] = ("$($doc.Outputs[$current]) $text").Trim() } }
            'RELATED LINKS' { if ($text -match '^- \[(.+)\]\((.*)\)$') { $doc.Links.Add([pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2] }) } }
        }
    }
    $doc
}

function Write-Paragraphs([System.Xml.XmlWriter] $Writer, [string] $Text) {
    foreach ($para in ($Text.Trim() -split "`n\s*`n")) {
        if ($para.Trim()) { $Writer.WriteElementString('para', $maml, (($para -split "`n") | ForEach-Object { $_.Trim() }) -join ' ') }
    }
}

function Get-PipelineInput($Attributes) {
    $kinds = @()
    if ($Attributes | Where-Object ValueFromPipeline) { $kinds += 'ByValue' }
    if ($Attributes | Where-Object ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

# What a parameter is when not given: stated in its text ("Default: ..."), else read from a fresh cmdlet object.
function Get-DefaultValue($Cmdlet, $Parameter, [string] $Description) {
    if ($Description -match 'Default: ([^.]+(\.\d+)?[^.]*)\.?') { return $Matches[1].Trim() }
    if ($Parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]) { return 'False' }
    $property = $Cmdlet.GetType().GetProperty($Parameter.Name)
    if ($null -eq $property) { return 'None' }
    $value = $property.GetValue($Cmdlet)
    if ($null -eq $value -or ($value -is [array] -and $value.Length -eq 0) -or "$value" -eq '') { 'None' } else { "$value" }
}

function Write-Parameter([System.Xml.XmlWriter] $Writer, $Parameter, $SetAttribute, [string] $Description, [string] $Default) {
    $type = $Parameter.ParameterType
    $isSwitch = $type -eq [System.Management.Automation.SwitchParameter]
    $position = if ($SetAttribute -and $SetAttribute.Position -ge 0) { "$($SetAttribute.Position)" } else { 'named' }
    $Writer.WriteStartElement('command', 'parameter', $command)
    $Writer.WriteAttributeString('required', $(if ($SetAttribute -and $SetAttribute.Mandatory) { 'true' } else { 'false' }))
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', $(if ($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }) { 'true' } else { 'false' }))
    $Writer.WriteAttributeString('pipelineInput', (Get-PipelineInput @($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })))
    $Writer.WriteAttributeString('position', $position)
    $Writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('name', $maml, $Parameter.Name)
    $Writer.WriteStartElement('description', $maml); Write-Paragraphs $Writer $Description; $Writer.WriteEndElement()
    if (-not $isSwitch) {
        $Writer.WriteStartElement('command', 'parameterValue', $command)
        $Writer.WriteAttributeString('required', 'true'); $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($(if ([Nullable]::GetUnderlyingType($type)) { [Nullable]::GetUnderlyingType($type).Name } else { $type.Name })); $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $dev); $Writer.WriteElementString('name', $maml, $type.FullName); $Writer.WriteEndElement()
    $Writer.WriteElementString('defaultValue', $dev, $Default)
    $Writer.WriteEndElement()
}

# Pipeline input from the cmdlet's own binding: the types taken by value, and the property names taken by name.
function Get-PipelineInputs($Cmd) {
    $inputs = [ordered]@{}
    foreach ($p in $Cmd.Parameters.Values) {
        foreach ($a in @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })) {
            if ($a.ValueFromPipeline) { $inputs[$p.ParameterType.FullName] = "-$($p.Name) by value" }
            if ($a.ValueFromPipelineByPropertyName) {
                $names = @($p.Name) + @($p.Aliases)
                $inputs["Objects with a $($names -join ', ') property"] = "-$($p.Name) by property name"
            }
        }
    }
    $inputs
}

$module = Import-Module $ModuleManifest -PassThru -Force
$problems = [System.Collections.Generic.List[string]]::new()
$settings = [System.Xml.XmlWriterSettings]::new(); $settings.Indent = $true; $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$null = [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($OutputFile))
$writer = [System.Xml.XmlWriter]::Create($OutputFile, $settings)
$writer.WriteStartDocument()
$writer.WriteStartElement('helpItems', 'http://msh'); $writer.WriteAttributeString('schema', 'maml')

foreach ($cmd in $module.ExportedCmdlets.Values | Sort-Object -Property Name) {
    $mdPath = [System.IO.Path]::Combine($MarkdownFolder, "$($cmd.Name).md")
    if (-not [System.IO.File]::Exists($mdPath)) { $problems.Add("$($cmd.Name): no help markdown at $mdPath"); continue }
    $doc = Read-HelpMarkdown $mdPath
    if (-not $doc.Synopsis) { $problems.Add("$($cmd.Name): empty SYNOPSIS") }
    if ($doc.Examples.Count -eq 0) { $problems.Add("$($cmd.Name): no EXAMPLES") }
    $own = @($cmd.Parameters.Values | Where-Object { $commonParameters -notcontains $_.Name })
    foreach ($p in $own) { if (-not $doc.Parameters.ContainsKey($p.Name)) { $problems.Add("$($cmd.Name): parameter -$($p.Name) is not documented") } }
    foreach ($name in $doc.Parameters.Keys) { if (-not $cmd.Parameters.ContainsKey($name)) { $problems.Add("$($cmd.Name): documents -$name, which does not exist") } }
    if ($doc.Outputs.Count -eq 0) { $problems.Add("$($cmd.Name): no OUTPUTS section") }
    if ($doc.Links.Count -eq 0) { $problems.Add("$($cmd.Name): no RELATED LINKS") }
    foreach ($t in $cmd.OutputType.Type) { if ($t -and -not $doc.Outputs.Contains($t.FullName)) { $problems.Add("$($cmd.Name): OUTPUTS does not describe $($t.FullName)") } }
    $describe = { param($p) if ($doc.Parameters.ContainsKey($p.Name)) { $doc.Parameters[$p.Name] } else { $standardText[$p.Name] } }
    $instance = [System.Activator]::CreateInstance($cmd.ImplementingType)
    $default = { param($p) Get-DefaultValue $instance $p (& $describe $p) }
    $shown = @($cmd.Parameters.Values | Where-Object { $commonParameters -notcontains $_.Name -or $standardText.ContainsKey($_.Name) })

    $writer.WriteStartElement('command', 'command', $command)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $maml); $writer.WriteAttributeString('xmlns', 'dev', $null, $dev)
    $writer.WriteStartElement('command', 'details', $command)
    $writer.WriteElementString('name', $command, $cmd.Name)
    $writer.WriteElementString('verb', $command, $cmd.Verb)
    $writer.WriteElementString('noun', $command, $cmd.Noun)
    $writer.WriteStartElement('description', $maml); Write-Paragraphs $writer $doc.Synopsis; $writer.WriteEndElement()
    $writer.WriteEndElement()
    $writer.WriteStartElement('description', $maml); Write-Paragraphs $writer $doc.Description; $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'syntax', $command)
    foreach ($set in $cmd.ParameterSets) {
        $writer.WriteStartElement('command', 'syntaxItem', $command)
        $writer.WriteElementString('name', $maml, $cmd.Name)
        foreach ($sp in $set.Parameters | Where-Object { $commonParameters -notcontains $_.Name -or $standardText.ContainsKey($_.Name) }) {
            $full = $cmd.Parameters[$sp.Name]
            $attr = @($full.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and ($_.ParameterSetName -eq $set.Name -or $_.ParameterSetName -eq '__AllParameterSets') })[0]
            Write-Parameter $writer $full $attr (& $describe $full) (& $default $full)
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'parameters', $command)
    foreach ($p in $shown | Sort-Object -Property Name) {
        $attr = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })[0]
        Write-Parameter $writer $p $attr (& $describe $p) (& $default $p)
    }
    $writer.WriteEndElement()

    $inputs = Get-PipelineInputs $cmd
    foreach ($key in $doc.Inputs.Keys) { $inputs[$key] = $doc.Inputs[$key] }
    if ($inputs.Count -eq 0) { $inputs['None'] = 'This cmdlet takes no pipeline input.' }
    $writer.WriteStartElement('command', 'inputTypes', $command)
    foreach ($key in $inputs.Keys) {
        $writer.WriteStartElement('command', 'inputType', $command)
        $writer.WriteStartElement('dev', 'type', $dev); $writer.WriteElementString('name', $maml, $key); $writer.WriteEndElement()
        $writer.WriteStartElement('description', $maml); Write-Paragraphs $writer $inputs[$key]; $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'returnValues', $command)
    foreach ($key in $doc.Outputs.Keys) {
        $writer.WriteStartElement('command', 'returnValue', $command)
        $writer.WriteStartElement('dev', 'type', $dev); $writer.WriteElementString('name', $maml, $key); $writer.WriteEndElement()
        $writer.WriteStartElement('description', $maml); Write-Paragraphs $writer $doc.Outputs[$key]; $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    if ($doc.Notes) { $writer.WriteStartElement('alertSet', $maml); $writer.WriteStartElement('alert', $maml); Write-Paragraphs $writer $doc.Notes; $writer.WriteEndElement(); $writer.WriteEndElement() }

    $writer.WriteStartElement('command', 'examples', $command)
    foreach ($example in $doc.Examples) {
        $writer.WriteStartElement('command', 'example', $command)
        $writer.WriteElementString('title', $maml, "--------- $($example.Title) ---------")
        $writer.WriteElementString('code', $dev, $example.Code)
        $writer.WriteStartElement('remarks', $dev); Write-Paragraphs $writer $example.Remarks; $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('relatedLinks', $maml)
    foreach ($link in $doc.Links) {
        $writer.WriteStartElement('navigationLink', $maml)
        $writer.WriteElementString('linkText', $maml, $link.Text); $writer.WriteElementString('uri', $maml, $link.Uri)
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    $writer.WriteEndElement()
}
$writer.WriteEndElement(); $writer.WriteEndDocument(); $writer.Dispose()
Remove-Module $module

if ($problems.Count) { throw "Help is incomplete:`n  " + ($problems -join "`n  ") }
