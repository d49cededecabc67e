#!/usr/bin/env bash
# Hand-run soak of the --sut first tests: async-hosted-tests' first test against the SDK's worker and
# async-integration-tests' against the SDK's webapi, each RUNS times in a row (default 100) and BUSY
# times with both cores busy (default 20), as `dotnet test --no-build` (VSTest, the default runner).
# Usage: scripts/soak-sut.sh [RUNS] [BUSY]. A failing run's output is printed.
set -uo pipefail
runs=${1:-100}; busy=${2:-20}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/att-soak-sut.XXXXXX")
pids=(); version=""
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
mkdir -p src tests
(cd src && dotnet new worker -n Acme.Worker -o Acme.Worker >/dev/null && dotnet new webapi -n Acme.Api -o Acme.Api >/dev/null)
cd tests
dotnet new async-hosted-tests -n Acme.Worker.Tests -o Acme.Worker.Tests --samples false --sut ../../src/Acme.Worker/Acme.Worker.csproj --debug:custom-hive "$hive" >/dev/null
dotnet new async-integration-tests -n Acme.Api.Tests -o Acme.Api.Tests --samples false --database none --sut ../../src/Acme.Api/Acme.Api.csproj --debug:custom-hive "$hive" >/dev/null
# NU1603: the SDK's webapi references an OpenApi version this registry does not serve exactly (its warning, not ours).
for p in Acme.Worker.Tests Acme.Api.Tests; do (cd $p && dotnet build -nologo -v q -p:NoWarn=NU1603 >/dev/null) || { echo "build failed: $p"; exit 1; }; done
run() { # project phase count
  local fail=0
  for i in $(seq "$3"); do
    (cd "$1" && timeout 300 dotnet test --no-build -nologo >"$work/last.log" 2>&1) || { fail=$((fail+1)); cat "$work/last.log"; }
  done
  echo "$1 $2: $3 runs, $fail failures"
}
for p in Acme.Worker.Tests Acme.Api.Tests; do run $p quiet "$runs"; done
for c in 1 2; do (while :; do :; done) & pids+=($!); done
for p in Acme.Worker.Tests Acme.Api.Tests; do run $p busy "$busy"; done
