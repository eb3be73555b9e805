#!/usr/bin/env bash
# Runs the performance suite (docs/performance.md); arguments go to the bench, e.g. `scripts/bench.sh bookmark sqlite`.
cd "$(dirname "$0")/.." && exec dotnet run -c Release --project bench/Automation.Bench -- "$@"
