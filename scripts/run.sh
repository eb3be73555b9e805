#!/usr/bin/env bash
# The run command: builds the server in Release and runs it in the foreground on
# http://127.0.0.1:5080 with the embedded SQLite store under ./data and the samples loaded.
# Ctrl+C stops it. Needs the .NET SDK and Node.js (the build also builds the designer with npm).
#
# Usage: scripts/run.sh [server options...]      e.g. scripts/run.sh --urls http://127.0.0.1:8080
# Environment (all optional): ASPNETCORE_URLS, Automation__DataDirectory (default ./data),
# Automation__Store, Automation__ConnectionString, Automation__Samples__Load,
# Automation__Auth__BootstrapAdminKey. See README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

PROJECT_DIR="$ROOT/engine/Automation.Server"
DLL="$PROJECT_DIR/bin/Release/net10.0/Automation.Server.dll"
URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
# Relative paths are taken from the repository root, whatever the server's content root.
DATA_DIR="${Automation__DataDirectory:-./data}"
[[ "$DATA_DIR" = /* ]] || DATA_DIR="$ROOT/${DATA_DIR#./}"
export Automation__DataDirectory="$DATA_DIR"
export Automation__Samples__Load="${Automation__Samples__Load:-true}"

echo "run: building engine/Automation.Server (Release)"
dotnet build "$PROJECT_DIR/Automation.Server.csproj" -c Release -nologo -v quiet
if [[ ! -f "$DLL" ]]; then
  echo "run: the build did not produce $DLL" >&2
  exit 1
fi

mkdir -p "$DATA_DIR"
echo "run: Automation server at $URLS (data: $DATA_DIR). Ctrl+C stops it."
# The project folder is the content root, so appsettings.json and wwwroot are found as in `dotnet run`.
exec dotnet "$DLL" --urls "$URLS" --contentRoot "$PROJECT_DIR" "$@"
