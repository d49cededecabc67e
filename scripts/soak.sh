#!/usr/bin/env bash
# Soak check (a script, not a pass/fail timing test): every project template's generated sample
# suite is run N times in a row and N/5 times while every core is busy with other work, under
# both test runners, each run as `dotnet test` runs it (hang guard and coverage on). Prints runs, failures and the slowest test per template and runner, and the
# real time a simulated day takes. Then the fault matrix: tests/Subjects/Faults/FaultyTests.cs in a project
# of each template, under each runner, where every faulty run must end by itself within two
# minutes, fail, and name its culprit. With --own-suite, last, the pack's own library suite
# (tests/AsyncTestTemplates.Testing.Tests) from several checkout paths (xunit's default order follows
# the test assembly's path), each class with all its tests started at once (--max-threads unlimited),
# and the whole suite with every core busy. Exits non-zero on any failure.
#
# usage: scripts/soak.sh [-n N] [-t TEMPLATE]... [--no-faults] [--own-suite | --own-suite-only]
#        (defaults: N=100, every project template, with the fault matrix; the own suite runs
#         max(1, N/20) times per checkout path; --own-suite-only skips templates and faults)
set -euo pipefail

runs=100
templates=()
faults=true
own_suite=false
templates_phase=true
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--runs) runs="$2"; shift 2 ;;
    -t|--template) templates+=("$2"); shift 2 ;;
    --no-faults) faults=false; shift ;;
    --own-suite) own_suite=true; shift ;;
    --own-suite-only) own_suite=true; templates_phase=false; faults=false; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "soak: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "soak: -n needs a positive whole number" >&2; exit 2; }
# The test-project templates, from the authoring tool's catalogue (a new one needs no edit here).
[ ${#templates[@]} -gt 0 ] || mapfile -t templates < <(dotnet run --project "$(dirname "$0")/../tools/TemplateAuthoring" -c Release -v q -- templates "$(dirname "$0")/../templates" --kind test-project)
[ ${#templates[@]} -gt 0 ] || { echo "soak: no project templates found under templates/" >&2; exit 2; }
busy_runs=$(( runs / 5 > 0 ? runs / 5 : 1 ))

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/att-soak.XXXXXX")
busy_pids=()
version=""
cleanup() {
  for pid in "${busy_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
  # The packages of this soak's own version are of no use to a later restore.
  if [ -n "$version" ]; then
    rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/asynctesttemplates.testing{,.settings,.hosting,.aspnetcore}/"$version"
  fi
}
trap cleanup EXIT

say() { echo "[soak] $*" >&2; }

if [ "$templates_phase" = true ] || [ "$faults" = true ]; then
  say "packing and installing the templates into an isolated hive"
  version=$(bash "$repo/scripts/pack-local.sh" "$work" 2>/dev/null)
  dotnet new install "$work/packages/AsyncTestTemplates.$version.nupkg" --debug:custom-hive "$work/hive" >/dev/null
else
  templates=()
fi
# Each run as a CI agent's `dotnet test` runs it, with the project's own settings (hang guard, coverage,
# TRX): VSTest through `dotnet test` (-p:AsyncTestCoverage=true collects coverage on any machine, as CI
# does); under MTP `dotnet test` only starts the test executable with its testconfig.json, so the
# executable is started directly, with coverlet's --coverlet (no global.json here selects MTP).
run_suite() { # <project dir> <runner> <results dir>
  if [ "$2" = mtp ]; then
    timeout 300 "$1/bin/Release/net10.0/Soak.Tests" --no-progress \
      --coverlet --report-xunit-trx --report-xunit-trx-filename run.trx --results-directory "$3" >/dev/null 2>&1
  else
    (cd "$1" && timeout 300 dotnet test --no-build -c Release --results-directory "$3" --logger "trx;LogFileName=run.trx" -p:AsyncTestCoverage=true >/dev/null 2>&1)
  fi
}

for template in "${templates[@]}"; do
  for runner in vstest mtp; do
    project="$work/$template-$runner"
    say "$template / $runner: generating and building"
    (cd "$work" && dotnet new "$template" -o "$template-$runner" -n Soak.Tests --runner "$runner" --no-restore \
      --debug:custom-hive "$work/hive" --no-update-check >/dev/null 2>&1)
    dotnet build "$project" -c Release -nologo -v q -warnaserror >/dev/null
    mkdir -p "$project/soak/quiet" "$project/soak/busy"

    say "$template / $runner: $runs runs in a row"
    for i in $(seq 1 "$runs"); do
      run_suite "$project" "$runner" "$project/soak/quiet/$i" || echo "$i" >> "$project/soak/quiet/exit-failures"
    done

    say "$template / $runner: $busy_runs runs with all $(nproc) cores busy"
    for _ in $(seq 1 "$(nproc)"); do (while :; do :; done) & busy_pids+=($!); done
    for i in $(seq 1 "$busy_runs"); do
      run_suite "$project" "$runner" "$project/soak/busy/$i" || echo "$i" >> "$project/soak/busy/exit-failures"
    done
    for pid in "${busy_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    busy_pids=()
  done
done

# --- the fault matrix -----------------------------------------------------------------------------
# Each entry: the fault classes run together, then what the output must name ('|' between names).
fault_runs=(
  "AwaitsForever BlocksForever;[hung test?] 'Fault.Tests.AwaitsForever.Awaits_forever'|[hung test?] 'Fault.Tests.BlocksForever.Blocks_forever'"
  "SetupHangs;[hung fixture?]|HangingSetupFixture (SetupHangs)"
  "FireAndForget ForegroundThread TeardownThrows;[unobserved task exception]|at Fault.Tests.FireAndForget.|[thread left running?]|'Fault.Tests.ForegroundThread.Leaves_a_foreground_thread_running'|Cleanup Failure (Fault.Tests.TeardownThrows"
)
fault_failures=0
if [ "$faults" = true ]; then
  mkdir -p "$work/faults-mtp"
  echo '{ "test": { "runner": "Microsoft.Testing.Platform" } }' > "$work/faults-mtp/global.json"
  echo
  echo "| template | runner | faults | seconds | exit | culprits named |"
  echo "|---|---|---|---|---|---|"
  for template in "${templates[@]}"; do
    for runner in vstest mtp; do
      parent="$work/faults-$runner"
      mkdir -p "$parent"
      project="$parent/$template"
      say "fault matrix: $template / $runner"
      (cd "$parent" && dotnet new "$template" -o "$template" -n Fault.Tests --runner "$runner" --samples false --hang-timeout 20 \
        --no-restore --debug:custom-hive "$work/hive" --no-update-check >/dev/null 2>&1)
      cp "$repo/tests/Subjects/Faults/FaultyTests.cs" "$project/"
      dotnet build "$project" -nologo -v q -warnaserror >/dev/null
      for entry in "${fault_runs[@]}"; do
        classes=${entry%%;*}
        filter=()
        for class in $classes; do
          if [ "$runner" = mtp ]; then filter+=(--filter-class "Fault.Tests.$class"); else filter+=("FullyQualifiedName~Fault.Tests.$class."); fi
        done
        if [ "$runner" = vstest ]; then filter=(--filter "$(IFS='|'; echo "${filter[*]}")"); fi
        started=$(date +%s)
        set +e
        output=$(cd "$project" && timeout 240 dotnet test --no-build "${filter[@]}" 2>&1)
        code=$?
        set -e
        seconds=$(( $(date +%s) - started ))
        missing=()
        IFS='|' read -r -a culprits <<< "${entry#*;}"
        for culprit in "${culprits[@]}"; do
          grep -qF -- "$culprit" <<< "$output" || missing+=("$culprit")
        done
        verdict=yes
        if [ "$code" -eq 0 ] || [ "$seconds" -ge 120 ] || [ ${#missing[@]} -gt 0 ]; then
          verdict="NO (missing: ${missing[*]:-none})"
          fault_failures=$((fault_failures + 1))
          echo "$output" | tail -n 30 >&2
        fi
        echo "| $template | $runner | $classes | $seconds | $code | $verdict |"
      done
    done
  done
  echo
  echo "fault matrix: $fault_failures failures"
fi

# --- the pack's own library suite, from several checkout paths -----------------------------------
# A test whose outcome depends on the order tests run in, or on how long another test holds a lock,
# fails in one of these: the order follows the checkout's path, a class's tests started at once
# contend for whatever they share, and busy cores stretch every wait.
suite_failures=0
if [ "$own_suite" = true ]; then
  suite_runs=$(( runs / 20 > 0 ? runs / 20 : 1 ))
  suite=tests/AsyncTestTemplates.Testing.Tests
  mapfile -t classes < <(grep -hoE '^public sealed class [A-Za-z0-9_]+Tests\b' "$repo/$suite"/*/*.cs | awk '{print $4}' | sort -u)
  echo
  echo "| checkout path | run | failures |"
  echo "|---|---|---|"
  for path in a checkout-with-a-longer-name nested/x/AsyncTestTemplates; do
    checkout="$work/checkouts/$path"
    mkdir -p "$checkout"
    say "own suite: copying the working tree to checkouts/$path and building"
    (cd "$repo" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$checkout" 2>/dev/null || true)
    dotnet build "$checkout/$suite" -c Release -nologo -v q >/dev/null
    exe="$checkout/$suite/bin/Release/net10.0/AsyncTestTemplates.Testing.Tests"
    own_run() { # <label> <arguments…>
      local label=$1; shift
      if timeout 600 "$exe" --no-progress "$@" >"$work/own-run.log" 2>&1; then
        echo "| $path | $label | 0 |"
      else
        suite_failures=$((suite_failures + 1))
        echo "| $path | $label | FAILED |"
        tail -n 30 "$work/own-run.log" >&2
      fi
    }
    for i in $(seq 1 "$suite_runs"); do
      own_run "whole suite #$i"
      for class in "${classes[@]}"; do
        own_run "$class, all at once #$i" --filter-class "*.$class" --max-threads unlimited
      done
    done
    for _ in $(seq 1 "$(nproc)"); do (while :; do :; done) & busy_pids+=($!); done
    for i in $(seq 1 "$suite_runs"); do
      own_run "whole suite, cores busy #$i" --max-threads unlimited
    done
    for pid in "${busy_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    busy_pids=()
  done
  echo
  echo "own suite: $suite_failures failures"
fi

python3 - "$work" "$(( fault_failures + suite_failures ))" "${templates[@]}" <<'PY'
import glob, os, statistics, sys, xml.etree.ElementTree as ET
work, fault_failures, templates = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def seconds(d):
    h, m, s = d.split(":"); return int(h) * 3600 + int(m) * 60 + float(s)
failed_total = 0
if templates:
    print("| template | runner | phase | runs | failures | slowest test (s) | simulated day, real ms (median) |")
    print("|---|---|---|---|---|---|---|")
for template in templates:
    for runner in ("vstest", "mtp"):
        for phase in ("quiet", "busy"):
            folder = os.path.join(work, f"{template}-{runner}", "soak", phase)
            trx = glob.glob(os.path.join(folder, "**", "*.trx"), recursive=True)
            exit_failures = open(os.path.join(folder, "exit-failures")).read().split() if os.path.exists(os.path.join(folder, "exit-failures")) else []
            failures, slowest, day = len(exit_failures), ("", 0.0), []
            for f in trx:
                for r in ET.parse(f).iter():
                    if not r.tag.endswith("UnitTestResult"):
                        continue
                    name, outcome, d = r.get("testName"), r.get("outcome"), seconds(r.get("duration", "0:0:0"))
                    if outcome != "Passed":
                        failures += 1
                        print(f"  FAILED in {os.path.relpath(f, work)}: {name}", file=sys.stderr)
                    if d > slowest[1]:
                        slowest = (name, d)
                    if "simulated_day" in name or "whole_day" in name:
                        day.append(d * 1000)
            failures = max(failures, len(exit_failures))
            failed_total += failures
            day_text = f"{statistics.median(day):.0f}" if day else "n/a"
            print(f"| {template} | {runner} | {phase} | {len(trx)} | {failures} | {slowest[0].rsplit('.', 1)[-1]} {slowest[1]:.2f} | {day_text} |")
print(f"\nsoak: {failed_total} failures")
sys.exit(1 if failed_total or fault_failures else 0)
PY
