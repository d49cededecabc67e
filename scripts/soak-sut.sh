#!/usr/bin/env bash
# Hand-run soak of the --sut first tests: async-hosted-tests' first test against the SDK's worker and
# async-integration-tests' against the SDK's webapi, each RUNS times in a row (default 100) and BUSY
# times with both cores busy (default 20), as a user's `dotnet test --no-build` runs them, under each
# runner: VSTest, and Microsoft.Testing.Platform in a folder whose global.json selects it.
# Usage: scripts/soak-sut.sh [RUNS] [BUSY] [--hosted-only]. A failing run's output is printed; the
# last line counts the failures, and the exit code is non-zero when there was one.
set -uo pipefail
runs=100; busy=20; hosted_only=false; numbers=()
for argument in "$@"; do
  case "$argument" in
    --hosted-only) hosted_only=true ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) [[ "$argument" =~ ^[0-9]+$ ]] || { echo "soak-sut: '$argument' is not a number of runs (see --help)" >&2; exit 2; }; numbers+=("$argument") ;;
  esac
done
[ ${#numbers[@]} -le 2 ] || { echo "soak-sut: at most two numbers, RUNS and BUSY (see --help)" >&2; exit 2; }
[ ${#numbers[@]} -lt 1 ] || runs=${numbers[0]}
[ ${#numbers[@]} -lt 2 ] || busy=${numbers[1]}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/att-soak-sut.XXXXXX")
pids=(); version=""; failures=0
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
  # The global package cache keeps every version it restored: remove this run's.
  [ -z "$version" ] || for p in asynctesttemplates.testing asynctesttemplates.testing.settings asynctesttemplates.testing.hosting asynctesttemplates.testing.aspnetcore; do rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/$p/$version"; done
}
trap cleanup EXIT
cd "$work"
version=$(bash "$repo/scripts/pack-local.sh" "$work")
hive="$work/hive"
dotnet new install "$work/packages/AsyncTestTemplates.$version.nupkg" --debug:custom-hive "$hive" >/dev/null
mkdir -p src vstest mtp
(cd src && dotnet new worker -n Acme.Worker -o Acme.Worker >/dev/null && dotnet new webapi -n Acme.Api -o Acme.Api >/dev/null)
# dotnet test takes the runner from the nearest global.json: one folder per runner.
printf '{\n  "test": {\n    "runner": "Microsoft.Testing.Platform"\n  }\n}\n' > mtp/global.json
projects=()
for runner in vstest mtp; do
  (cd $runner && dotnet new async-hosted-tests -n Acme.Worker.Tests -o Acme.Worker.Tests --runner $runner --samples false --sut ../../src/Acme.Worker/Acme.Worker.csproj --debug:custom-hive "$hive" >/dev/null) || { echo "dotnet new failed: $runner/Acme.Worker.Tests"; exit 1; }
  projects+=("$runner/Acme.Worker.Tests")
  if [ "$hosted_only" = false ]; then
    (cd $runner && dotnet new async-integration-tests -n Acme.Api.Tests -o Acme.Api.Tests --runner $runner --samples false --database none --sut ../../src/Acme.Api/Acme.Api.csproj --debug:custom-hive "$hive" >/dev/null) || { echo "dotnet new failed: $runner/Acme.Api.Tests"; exit 1; }
    projects+=("$runner/Acme.Api.Tests")
  fi
done
# NU1603: the SDK's webapi references an OpenApi version this registry does not serve exactly (its warning, not ours).
for p in "${projects[@]}"; do (cd "$p" && dotnet build -nologo -v q -p:NoWarn=NU1603 >/dev/null) || { echo "build failed: $p"; exit 1; }; done
run() { # project phase count
  local fail=0
  for i in $(seq "$3"); do
    (cd "$1" && timeout 300 dotnet test --no-build >"$work/last.log" 2>&1) || { fail=$((fail+1)); cat "$work/last.log"; }
  done
  failures=$((failures+fail))
  echo "$1 $2: $3 runs, $fail failures"
}
for p in "${projects[@]}"; do run "$p" quiet "$runs"; done
for c in 1 2; do (while :; do :; done) & pids+=($!); done
for p in "${projects[@]}"; do run "$p" busy "$busy"; done
echo "soak-sut: $failures failures"
[ "$failures" -eq 0 ]
