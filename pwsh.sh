#!/usr/bin/env bash
# Runs PowerShell non-interactively with the freshly built module importable by name (Import-Module VoiceClone).
#   ./pwsh.sh -c '<script>'      ./pwsh.sh -File <script.ps1> [args]
# Uses pwsh when it is installed (set VOICECLONE_USE_HOST=1 to force the stand-in); otherwise the small host in
# tests/VoiceClone.PwshHost over the real PowerShell engine (System.Management.Automation). Exit codes are kept.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export PSModulePath="$repo/out${PSModulePath:+:$PSModulePath}"

if command -v pwsh >/dev/null 2>&1 && [ -z "${VOICECLONE_USE_HOST:-}" ]; then
  exec pwsh -NoProfile -NonInteractive "$@"
fi

host_dir="$repo/out/host"
host_dll="$host_dir/voiceclone-pwsh.dll"
host_src="$repo/tests/VoiceClone.PwshHost"
if [ ! -f "$host_dll" ] || [ -n "$(find "$host_src" -newer "$host_dll" -type f ! -path '*/obj/*' ! -path '*/bin/*' -print -quit)" ]; then
  echo "pwsh.sh: pwsh is not installed; building the PowerShell host (System.Management.Automation 7.6.9)" >&2
  dotnet build "$host_src" -c Release -o "$host_dir" -nologo -v quiet >&2
fi
exec dotnet "$host_dll" -NoProfile -NonInteractive "$@"
