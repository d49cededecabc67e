#!/usr/bin/env bash
#
# Benchmark: the async-tests project template against the SDK's stock `dotnet new xunit`.
#
# Run by hand, never by CI; it never passes or fails on the figures (it exits non-zero only when
# a step itself fails, e.g. a test run that is not green). Everything happens in a fresh temporary
# folder that is deleted at the end; the repository is only read (and packed: `dotnet pack` writes
# its usual bin/ and obj/ output).
#
# Rows, each measured for ours and for stock, interleaved within every iteration:
#   1. `dotnet new` alone (instantiate, --no-restore);
#   2. `dotnet new` -> green `dotnet test` in a fresh folder, package cache already warm;
#   3. warm `dotnet test --no-build` under the default runner (VSTest, no global.json);
#   4. warm `dotnet test --no-build` under Microsoft.Testing.Platform (a global.json selecting it).
#
# Usage: build/benchmark.sh [-n N | --iterations N] [--keep] [-h | --help]

set -euo pipefail

usage() {
  cat <<'EOF'
Usage: build/benchmark.sh [-n N | --iterations N] [--keep] [-h | --help]

Compares the async-tests template with the SDK's stock `dotnet new xunit` project and prints,
per row, the median (min-max) seconds of each and the ratio ours/stock.

  -n, --iterations N   timed iterations per row and side (default 5; N=3 takes a few minutes)
      --keep           keep the temporary work folder (logs, generated projects) for inspection
  -h, --help           show this help

The report goes to stdout, progress to stderr: `build/benchmark.sh -n 3 > report.md`.
Environment: BENCH_STEP_TIMEOUT  seconds any single dotnet step may take (default 900).
EOF
}

iterations=5
keep=false
while (($#)); do
  case "$1" in
    -n | --iterations)
      [[ $# -ge 2 ]] || { echo "error: $1 needs a value" >&2; exit 2; }
      iterations=$2
      shift 2
      ;;
    --iterations=*) iterations=${1#*=}; shift ;;
    --keep) keep=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "error: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
if ! [[ $iterations =~ ^[1-9][0-9]*$ ]]; then
  echo "error: the iteration count must be a positive integer, got '$iterations'" >&2
  exit 2
fi

for tool in dotnet python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: '$tool' is not on PATH" >&2; exit 2; }
done

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ -f $repo_root/AsyncTestTemplates.csproj ]] || {
  echo "error: AsyncTestTemplates.csproj not found in $repo_root" >&2
  exit 2
}

step_timeout=${BENCH_STEP_TIMEOUT:-900}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/att-benchmark.XXXXXX")
cleanup() {
  if [[ $keep == true ]]; then
    echo "Work folder kept: $work" >&2
  else
    rm -rf -- "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

case "$work/" in
  "$repo_root"/*) echo "error: the work folder $work is inside the repository; set TMPDIR elsewhere" >&2; exit 2 ;;
esac
# A global.json above the work folder would pick the runner (or SDK) for the "default runner" rows.
dir=$work
while [[ $dir != / && -n $dir ]]; do
  dir=$(dirname "$dir")
  if [[ -f $dir/global.json ]]; then
    echo "error: $dir/global.json is above the work folder and would change the test runner; set TMPDIR elsewhere" >&2
    exit 2
  fi
done

logs=$work/logs
hive=$work/hive
results=$work/times.tsv
mkdir -p "$logs"
: >"$results"

progress() { echo "[benchmark] $*" >&2; }

# fail LOG MESSAGE: report a failed step with the end of its log and stop.
fail() {
  local log=$1
  shift
  echo "error: $*" >&2
  if [[ -s $log ]]; then
    echo "---- last lines of the step's output ----" >&2
    tail -n 40 "$log" >&2
    echo "-----------------------------------------" >&2
  fi
  exit 1
}

# dn ARGS...: dotnet, with a time limit on each invocation when `timeout` is available.
if command -v timeout >/dev/null 2>&1; then
  dn() { timeout --foreground "$step_timeout" dotnet "$@"; }
else
  dn() { dotnet "$@"; }
fi

# run LOG CMD...: run a command or function, its output to LOG; its exit status is returned.
run() {
  local log=$1
  shift
  "$@" >>"$log" 2>&1
}

# step NAME CMD...: an untimed step that must succeed.
step_no=0
step() {
  local name=$1
  shift
  step_no=$((step_no + 1))
  local log=$logs/$(printf '%03d' "$step_no")-$name.log
  run "$log" "$@" || fail "$log" "step '$name' failed (exit $?): $*"
}

now() {
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    REPLY=${EPOCHREALTIME/,/.}
  else
    REPLY=$(date +%s.%N)
  fi
}

# measure ROW SIDE ITERATION CMD...: time a command that must succeed; record the seconds.
measure() {
  local row=$1 side=$2 iter=$3
  shift 3
  local log=$logs/iter$iter-$row-$side.log t0 t1 rc=0 secs
  now; t0=$REPLY
  run "$log" "$@" || rc=$?
  now; t1=$REPLY
  ((rc == 0)) || fail "$log" "iteration $iter, row '$row', $side: command failed (exit $rc): $*"
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  printf '%s\t%s\t%s\t%s\n' "$row" "$side" "$iter" "$secs" >>"$results"
  progress "iteration $iter/$iterations  $(printf '%-7s %-5s %8ss' "$row" "$side" "$secs")"
}

# --- the two sides ------------------------------------------------------------------------------

new_ours() { # DIR [extra template options]
  local dir=$1
  shift
  dn new async-tests -o "$dir" --no-restore --no-update-check --debug:custom-hive "$hive" "$@"
}

# The stock csproj pins xunit.runner.visualstudio 3.1.4, which the configured package source does
# not serve; 3.1.5 is the nearest served version.
fix_stock_pin() { # DIR
  local csproj
  csproj=$(find "$1" -maxdepth 1 -name '*.csproj' | head -n 1)
  [[ -n $csproj ]] || { echo "no csproj in $1" >&2; return 1; }
  if grep -q '"xunit.runner.visualstudio" Version="3.1.4"' "$csproj"; then
    sed -e 's/"xunit.runner.visualstudio" Version="3\.1\.4"/"xunit.runner.visualstudio" Version="3.1.5"/' \
      "$csproj" >"$csproj.tmp" && mv "$csproj.tmp" "$csproj"
  fi
}

new_stock() { # DIR
  dn new xunit -o "$1" --no-restore --no-update-check && fix_stock_pin "$1"
}

e2e_ours() { new_ours "$1" && dn test "$1"; }
e2e_stock() { new_stock "$1" && dn test "$1"; }

# Under MTP, `dotnet test` reads the runner from the global.json above the current folder.
mtp_test() { # PROJECTDIR (inside $mtp_root)
  (cd "$mtp_root" && dn test --project "$1" --no-build)
}

# --- setup --------------------------------------------------------------------------------------

# Everything but the pack runs from the work folder: `dotnet` reads global.json (SDK and test
# runner) from the current folder upwards, and the repository's own global.json selects MTP.
cd "$work"
load_start=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown)
progress "work folder: $work"
progress "packing the template package"
pack() { (cd "$repo_root" && dn pack AsyncTestTemplates.csproj -c Release -o "$work/pkg"); }
step pack pack
shopt -s nullglob
nupkgs=("$work"/pkg/AsyncTestTemplates.*.nupkg)
shopt -u nullglob
((${#nupkgs[@]} == 1)) || fail /dev/null "expected one AsyncTestTemplates.*.nupkg in the pack output, found ${#nupkgs[@]}"
nupkg=${nupkgs[0]}
package_version=$(basename "$nupkg" .nupkg)
package_version=${package_version#AsyncTestTemplates.}
step install dn new install "$nupkg" --debug:custom-hive "$hive"

# Stock pin check, once, on a throw-away instantiation (so the report can say what was done).
step probe-stock dn new xunit -o "$work/probe-stock" --no-restore --no-update-check
stock_pin_rewritten=false
if grep -q '"xunit.runner.visualstudio" Version="3.1.4"' "$work"/probe-stock/*.csproj; then
  stock_pin_rewritten=true
fi
rm -rf -- "$work/probe-stock"

# Default runner (VSTest): warm-up restore of each (this warms the package cache for row 2 too),
# build, and one untimed test run.
vstest_root=$work/vstest
mkdir -p "$vstest_root"
progress "warm-up: default runner (VSTest) projects"
step new-vstest-ours new_ours "$vstest_root/ours"
step new-vstest-stock new_stock "$vstest_root/stock"
for side in ours stock; do
  step "restore-vstest-$side" dn restore "$vstest_root/$side"
  step "build-vstest-$side" dn build "$vstest_root/$side" --no-restore
  step "test-vstest-$side" dn test "$vstest_root/$side" --no-build
done

# Microsoft.Testing.Platform: a folder whose global.json selects it.
mtp_root=$work/mtp
mkdir -p "$mtp_root"
printf '{"test":{"runner":"Microsoft.Testing.Platform"}}\n' >"$mtp_root/global.json"
progress "warm-up: Microsoft.Testing.Platform projects"
step new-mtp-ours new_ours "$mtp_root/ours" --runner auto
step restore-mtp-ours dn restore "$mtp_root/ours"
step build-mtp-ours dn build "$mtp_root/ours" --no-restore
step test-mtp-ours mtp_test ours

# The SDK's stock `xunit` template is xunit v2, which is VSTest-only: under a global.json that
# selects MTP, the .NET 10 SDK refuses to run it. The stock xunit v3 template (`xunit3`, from the
# xunit.v3.templates package) could stand in for it, but is only used when already installed.
mtp_stock=false
mtp_stock_note=
# (`dotnet new NAME -h` exits 0 even for an unknown NAME; a dry run exits non-zero.)
if dn new xunit3 --dry-run -o "$work/xunit3-probe" --no-update-check >/dev/null 2>&1; then
  progress "warm-up: stock xunit3 project under MTP"
  log=$logs/mtp-stock-xunit3.log
  if run "$log" dn new xunit3 -o "$mtp_root/stock" --no-restore --no-update-check &&
    run "$log" dn restore "$mtp_root/stock" &&
    run "$log" dn build "$mtp_root/stock" --no-restore &&
    run "$log" mtp_test stock; then
    mtp_stock=true
    mtp_stock_note="stock side of the MTP row: \`dotnet new xunit3\` (xunit v3), not \`xunit\` (xunit v2, VSTest-only)."
  else
    progress "the stock xunit3 project did not go green under MTP; its MTP row is n/a. Last lines:"
    tail -n 15 "$log" >&2
    mtp_stock_note="stock MTP row n/a: the installed \`xunit3\` template's project did not go green under MTP (run with --keep and see logs/mtp-stock-xunit3.log)."
  fi
else
  mtp_stock_note="stock MTP row n/a: the stock \`xunit\` template is xunit v2, which is VSTest-only (with a global.json selecting MTP, the .NET 10 SDK stops with \"All projects must use that test runner\"), and the xunit v3 template \`xunit3\` is not installed."
fi

# --- measurement --------------------------------------------------------------------------------

for ((i = 1; i <= iterations; i++)); do
  # Alternate which side goes first, so neither always runs on the warmer (or busier) machine.
  if ((i % 2)); then order=(ours stock); else order=(stock ours); fi
  iter_root=$work/iter$i
  mkdir -p "$iter_root/new" "$iter_root/e2e"

  for side in "${order[@]}"; do
    measure new "$side" "$i" "new_$side" "$iter_root/new/$side"
  done
  for side in "${order[@]}"; do
    measure e2e "$side" "$i" "e2e_$side" "$iter_root/e2e/$side"
  done
  for side in "${order[@]}"; do
    measure vstest "$side" "$i" dn test "$vstest_root/$side" --no-build
  done
  for side in "${order[@]}"; do
    if [[ $side == stock && $mtp_stock != true ]]; then continue; fi
    measure mtp "$side" "$i" mtp_test "$side"
  done
  # The iteration's fresh projects are not needed any more.
  rm -rf -- "$iter_root"
done

# --- report -------------------------------------------------------------------------------------

load_end=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown)
mem_total=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
[[ -n $mem_total ]] || mem_total=unknown
cpu_model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)

export BENCH_RESULTS=$results BENCH_ITERATIONS=$iterations BENCH_MTP_STOCK=$mtp_stock
python3 - >"$work/table.md" <<'PY'
import csv, os, statistics

rows = [
    ("new", "1. `dotnet new` alone (instantiate, `--no-restore`)"),
    ("e2e", "2. `dotnet new` -> green `dotnet test`, warm package cache"),
    ("vstest", "3. warm `dotnet test --no-build`, default runner (VSTest)"),
    ("mtp", "4. warm `dotnet test --no-build`, Microsoft.Testing.Platform"),
]
times = {}
with open(os.environ["BENCH_RESULTS"], newline="") as f:
    for row, side, it, secs in csv.reader(f, delimiter="\t"):
        times.setdefault((row, side), []).append((int(it), float(secs)))

def cell(key):
    values = [s for _, s in times.get(key, [])]
    if not values:
        return "n/a", None
    med = statistics.median(values)
    return f"{med:.2f} s ({min(values):.2f}–{max(values):.2f})", med

print("| Row | ours: median (min–max) | stock: median (min–max) | ours/stock |")
print("|---|---|---|---|")
for key, label in rows:
    ours, m_ours = cell((key, "ours"))
    stock, m_stock = cell((key, "stock"))
    ratio = f"{m_ours / m_stock:.2f}" if m_ours is not None and m_stock else "n/a"
    print(f"| {label} | {ours} | {stock} | {ratio} |")

print()
print("Seconds per iteration, in order:")
print()
for key, _ in rows:
    for side in ("ours", "stock"):
        values = sorted(times.get((key, side), []))
        if values:
            print(f"- {key} {side}: " + ", ".join(f"{s:.2f}" for _, s in values))
PY

{
  echo "# async-tests vs stock \`dotnet new xunit\`: benchmark"
  echo
  echo "Timings on a shared machine are noisy: ours and stock are interleaved within each iteration"
  echo "(the side that goes first alternates) and compared as ratios. Read the ratios, not the"
  echo "absolute seconds. This is a measurement, not a test: nothing here passes or fails."
  echo
  echo "- Iterations: $iterations per row and side; median (min–max) in seconds; ratio = median ours / median stock."
  echo "- Ours: async-tests $package_version, default options (runner auto, samples on, coverage on);"
  echo "  under VSTest a plain \`dotnet test\` also writes TRX, Cobertura coverage and runs the blame hang"
  echo "  collector. Stock: the SDK's \`dotnet new xunit\` (xunit v2), which collects nothing by default."
  if [[ $stock_pin_rewritten == true ]]; then
    echo "- Stock csproj: xunit.runner.visualstudio 3.1.4 rewritten to 3.1.5 with sed before restoring"
    echo "  (3.1.4 is not served by the configured package source)."
  else
    echo "- Stock csproj: no xunit.runner.visualstudio 3.1.4 pin found; left unchanged."
  fi
  echo "- Row 2: \`dotnet new --no-restore\`, then \`dotnet test\` (implicit restore + build + run) in a fresh"
  echo "  folder, after an untimed warm-up restore of each project."
  echo "- Rows 3-4: the same already-built project each time, after one untimed warm-up run."
  echo "  Row 4 runs under a global.json with {\"test\":{\"runner\":\"Microsoft.Testing.Platform\"}};"
  echo "  ours is created with \`--runner auto\` and follows it."
  echo "- $mtp_stock_note"
  echo "- Machine: nproc $(nproc 2>/dev/null || echo '?'), memory $mem_total${cpu_model:+, CPU $cpu_model},"
  echo "  $(uname -s) $(uname -m), dotnet $(dotnet --version), $(date -u '+%Y-%m-%d');"
  echo "  load average (1/5/15 min) $load_start at the start, $load_end at the end."
  echo
  cat "$work/table.md"
}
