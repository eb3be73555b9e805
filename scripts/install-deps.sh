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
  dovecot-imapd       # mail tests (tests/Automation.Testing/Mail) start their own Dovecot: IMAP,
  dovecot-lmtpd       #   LMTP (delivery from OpenSMTPD)
  dovecot-submissiond #   and authenticated submission (how SendEmail is tested)
  opensmtpd           # mail tests' one shared SMTP relay, delivering to each test Dovecot over LMTP
)

# Daemons the packages would run system-wide. The tests start their own on 127.0.0.1 high ports; a system OpenSMTPD
# would also hold the machine's one OpenSMTPD queue and control socket, which the tests' relay needs.
SYSTEM_SERVICES=(dovecot opensmtpd)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

is_installed() {
  dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed$'
}

SUDO=()
if ((EUID != 0)) && command -v sudo >/dev/null 2>&1; then SUDO=(sudo); fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  is_installed "$pkg" || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: apt packages present (${APT_PACKAGES[*]})"
else
  if ((EUID != 0)) && ((${#SUDO[@]} == 0)); then
    echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
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

# Stop and disable the system mail daemons if the install started them (on machines whose policy lets apt start
# services). Idempotent: a service that is not running and not enabled is left alone.
if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
  for service in "${SYSTEM_SERVICES[@]}"; do
    if systemctl is-active --quiet "$service" 2>/dev/null || systemctl is-enabled --quiet "$service" 2>/dev/null; then
      echo "install-deps: stopping and disabling the system $service service (the tests run their own)"
      "${SUDO[@]}" systemctl disable --now "$service" >/dev/null 2>&1 || true
    fi
  done
else
  # Without systemd, stop only a daemon the init script started, found by its pid file; the tests' own relay writes
  # /run/smtpd.pid too but runs with its configuration under /tmp/automation-test-mail, and is never touched.
  declare -A PID_FILES=([dovecot]=/run/dovecot/master.pid [opensmtpd]=/run/smtpd.pid)
  for service in "${SYSTEM_SERVICES[@]}"; do
    pid_file="${PID_FILES[$service]}"
    pid="$(cat "$pid_file" 2>/dev/null || true)"
    if [[ -x "/etc/init.d/$service" && -n "$pid" && -r "/proc/$pid/cmdline" ]] \
      && ! tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q automation-test-mail; then
      echo "install-deps: stopping the system $service service (the tests run their own)"
      "${SUDO[@]}" "/etc/init.d/$service" stop >/dev/null 2>&1 || true
    fi
  done
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
