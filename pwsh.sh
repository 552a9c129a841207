#!/usr/bin/env bash
# Runs the repository's pinned PowerShell (.config/dotnet-tools.json, restored by `dotnet tool restore`)
# non-interactively, with the freshly built module importable by name (Import-Module VoiceClone).
#   ./pwsh.sh -c '<script>'      ./pwsh.sh -File <script.ps1> [args]
# The working directory is kept and the script's exit code is returned. Output is plain text (NO_COLOR).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export PSModulePath="$repo/out${PSModulePath:+:$PSModulePath}"
export NO_COLOR="${NO_COLOR-1}"

version="$(sed -n '/"powershell"/,/}/s/.*"version": *"\([^"]*\)".*/\1/p' "$repo/.config/dotnet-tools.json")"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
shim="$packages/powershell/$version/tools/net10.0/any/Microsoft.PowerShell.GlobalTool.Shim.dll"
if [ ! -f "$shim" ]; then
  (cd "$repo" && dotnet tool restore >&2)
fi
exec dotnet "$shim" -NoProfile -NonInteractive "$@"
