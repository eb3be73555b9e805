#!/usr/bin/env bash
# The test command. Installs dependencies, builds the solution once in Release (warnings in product
# projects are errors, see Directory.Build.props), runs every test project under tests/ (two at a
# time), and ends with the line `N passed, N failed, N skipped` summed over all projects.
#
# Usage: scripts/test.sh [dotnet test options...]
#   scripts/test.sh --filter "FullyQualifiedName~Journal"
# Every argument is passed to each `dotnet test` call.
#
# Environment:
#   TEST_JOBS          test projects run at once (default 2)
#   TEST_HANG_TIMEOUT  a single test running longer than this kills its test host (default 10m)
#
# Exit code is non-zero when the build fails, any test fails, a test host crashes or a project
# leaves no TRX file. Such a project is named, and counted as one failure if none of its tests were.
# Results and per-project console logs: artifacts/test-results/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

JOBS="${TEST_JOBS:-2}"
if ! [[ "$JOBS" =~ ^[0-9]+$ ]] || ((JOBS < 1)); then JOBS=1; fi
HANG_TIMEOUT="${TEST_HANG_TIMEOUT:-10m}"
OUT="$ROOT/artifacts/test-results"
EXTRA_ARGS=("$@")

# In CI nothing should outlive the run, so do not leave MSBuild/compiler servers behind.
BUILD_SERVER_ARGS=()
if [[ -n "${CI:-}" ]]; then BUILD_SERVER_ARGS=(--disable-build-servers); fi

bash "$ROOT/scripts/install-deps.sh"

echo "test: dotnet build Automation.sln -c Release"
if ! dotnet build Automation.sln -c Release --no-restore -nologo -v minimal "${BUILD_SERVER_ARGS[@]}"; then
  echo "test: build failed, no tests were run"
  exit 1
fi

# Test projects: tests/*/*.csproj that declare <IsTestProject>true</IsTestProject>.
shopt -s nullglob
names=()
declare -A project_of=()
for csproj in tests/*/*.csproj; do
  if grep -Eqi '<IsTestProject>[[:space:]]*true[[:space:]]*</IsTestProject>' "$csproj"; then
    name="$(basename "$csproj" .csproj)"
    names+=("$name")
    project_of[$name]="$csproj"
  fi
done
shopt -u nullglob

rm -rf "$OUT"
mkdir -p "$OUT"

# Runs one project in the background; its console output goes to $OUT/<name>.log and
# "<exit code> <seconds>" to $OUT/<name>.rc when it ends.
start_project() {
  local name=$1
  (
    set +e
    started=$(date +%s)
    dotnet test "${project_of[$name]}" --no-build -c Release \
      --logger "trx;LogFileName=$name.trx" --results-directory "$OUT/$name" \
      --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none \
      "${BUILD_SERVER_ARGS[@]}" "${EXTRA_ARGS[@]}" </dev/null >"$OUT/$name.log" 2>&1
    rc=$?
    echo "$rc $(($(date +%s) - started))" >"$OUT/$name.rc"
  ) &
  pids[$name]=$!
}

# Ends a process and everything it started (used only on Ctrl+C or termination).
kill_tree() {
  local pid=$1 child
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do kill_tree "$child"; done
  kill -TERM "$pid" 2>/dev/null || true
}

declare -A pids=()
declare -A shown=()
on_interrupt() {
  trap - INT TERM
  echo "test: interrupted, stopping test runs"
  local name
  for name in "${!pids[@]}"; do kill_tree "${pids[$name]}"; done
  exit 130
}
trap on_interrupt INT TERM

# Prints the log of every project that has ended since the last call.
show_finished() {
  local name rc secs
  for name in "${names[@]}"; do
    if [[ -f "$OUT/$name.rc" && -z "${shown[$name]:-}" ]]; then
      shown[$name]=1
      read -r rc secs <"$OUT/$name.rc"
      echo "===== $name (exit code $rc, ${secs}s) ====="
      cat "$OUT/$name.log"
    fi
  done
}

running() { jobs -rp | wc -l; }

echo "test: running ${#names[@]} test project(s), $JOBS at a time: ${names[*]:-none}"
for name in "${names[@]}"; do
  while (($(running) >= JOBS)); do
    wait -n || true
    show_finished
  done
  echo "test: started $name"
  start_project "$name"
done
while (($(running) > 0)); do
  wait -n || true
  show_finished
done
wait || true
show_finished
trap - INT TERM

# Reads attribute $2 of the <Counters> element of TRX file $1 (0 when absent).
counter() {
  local value
  value=$(tr '\n' ' ' <"$1" | grep -o '<Counters [^>]*>' | head -n 1 |
    grep -o "[[:space:]]$2=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || true)
  echo "${value:-0}"
}

total_passed=0 total_failed=0 total_skipped=0
problems=()
echo "===== Summary ====="
for name in "${names[@]}"; do
  rc=1
  if [[ -f "$OUT/$name.rc" ]]; then read -r rc _ <"$OUT/$name.rc"; fi
  trx="$OUT/$name/$name.trx"
  passed=0 failed=0 skipped=0
  if [[ -f "$trx" ]]; then
    total=$(counter "$trx" total)
    passed=$(counter "$trx" passed)
    failed=$(($(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted)))
    skipped=$((total - passed - failed))
    if ((skipped < 0)); then skipped=0; fi
  fi

  problem=""
  log="$OUT/$name.log"
  if grep -qiE 'test host process crashed|test run was aborted' "$log" 2>/dev/null; then
    problem="test host crashed or was aborted (exit code $rc)"
    if grep -q 'The specified inactivity time' "$log"; then
      problem="a test ran longer than TEST_HANG_TIMEOUT=$HANG_TIMEOUT and its test host was killed"
    fi
    culprit=$(sed -n '/The test running when the crash occurred/,/^[[:space:]]*$/p' "$log" |
      sed '1d;/^[[:space:]]*$/d' | paste -sd, - || true)
    if [[ -n "$culprit" ]]; then problem="$problem; test running then: $culprit"; fi
  elif [[ ! -f "$trx" ]]; then
    problem="no TRX file was written (exit code $rc)"
  elif ((rc != 0 && failed == 0)); then
    problem="dotnet test exited with code $rc"
  fi
  if [[ -n "$problem" ]]; then
    problems+=("$name: $problem; see artifacts/test-results/$name.log")
    if ((failed == 0)); then failed=1; fi
  elif ((failed > 0)); then
    problems+=("$name: $failed test(s) failed")
  fi

  echo "$name: $passed passed, $failed failed, $skipped skipped"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped))
done

status=0
if ((${#problems[@]} > 0)); then
  status=1
  echo "FAILED:"
  for p in "${problems[@]}"; do echo "  $p"; done
fi
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
exit "$status"
