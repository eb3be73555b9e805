#!/usr/bin/env bash
# Installs what building and testing this repository needs on a fresh Debian 12 machine, then
# restores the .NET packages. Idempotent: packages that are already installed are skipped, and
# `apt-get update` runs only when something is missing.
#
# To add a system package, add it to APT_PACKAGES below with a note saying what needs it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

APT_PACKAGES=(
  postgresql          # Automation.Storage.Tests and server tests start their own PostgreSQL on 127.0.0.1
  chromium            # Automation.Designer.Tests and Automation.Bots.Browser.Tests drive headless Chromium through Playwright
)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

is_installed() {
  dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed$'
}

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  is_installed "$pkg" || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: apt packages present (${APT_PACKAGES[*]})"
else
  SUDO=()
  if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1; then
      SUDO=(sudo)
    else
      echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2
      exit 1
    fi
  fi
  echo "install-deps: installing ${missing[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq -o DPkg::Lock::Timeout=120
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    -o DPkg::Lock::Timeout=120 "${missing[@]}" >/dev/null
  for pkg in "${missing[@]}"; do
    is_installed "$pkg" || { echo "install-deps: $pkg did not install" >&2; exit 1; }
  done
  echo "install-deps: installed ${missing[*]}"
fi

# In CI nothing should outlive the run, so do not leave MSBuild/compiler servers behind.
BUILD_SERVER_ARGS=()
if [[ -n "${CI:-}" ]]; then BUILD_SERVER_ARGS=(--disable-build-servers); fi

# The designer's npm packages (the server's build runs the same install when package-lock.json changed).
if [[ ! -f "$ROOT/designer/node_modules/.package-lock.json" || "$ROOT/designer/package-lock.json" -nt "$ROOT/designer/node_modules/.package-lock.json" ]]; then
  echo "install-deps: npm install (designer)"
  (cd "$ROOT/designer" && npm install --no-audit --no-fund --loglevel=error)
  touch "$ROOT/designer/node_modules/.package-lock.json"
else
  echo "install-deps: designer npm packages present"
fi

echo "install-deps: dotnet restore Automation.sln"
dotnet restore "$ROOT/Automation.sln" --verbosity quiet -nologo "${BUILD_SERVER_ARGS[@]}"
