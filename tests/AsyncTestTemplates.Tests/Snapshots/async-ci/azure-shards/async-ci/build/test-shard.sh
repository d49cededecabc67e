#!/usr/bin/env bash
# Runs shard I of N of this repository's tests: the same command on a CI agent and on your machine.
#
#   bash build/test-shard.sh --shard 2 --shards 4      reproduce what CI's shard 2 of 4 ran
#   bash build/test-shard.sh --shards 4 --list         show which test classes each shard runs
#   bash build/test-shard.sh --build-only              restore and build the test projects once
#
# How the partition is made (the same on every agent, whatever ran before):
#   1. The test projects are found when this runs, by their test capability: every project file
#      that git knows (or find sees, outside bin/ and obj/) whose evaluated IsTestProject (VSTest)
#      or IsTestingPlatformApplication (Microsoft.Testing.Platform) is true.
#   2. Each xunit v3 project lists its test classes itself (its test executable, '-automated -list
#      classes': no test runs). Any other test project (xunit v2, NUnit, MSTest) is one unit as a whole.
#   3. The units are sorted by a stable hash of their names (POSIX cksum, the same on every OS), then
#      dealt out in turn: unit k goes to shard (k mod N) + 1. Every unit is in exactly one shard, and
#      shard sizes differ by at most one unit.
#   4. Each project runs through plain 'dotnet test', so its runner (VSTest or Microsoft.Testing.Platform,
#      chosen by the nearest global.json), runsettings/testconfig.json, timeouts, hang guard and coverage
#      stay as the project set them. Only a class filter, a TRX logger, the results folder and
#      coverage (-p:AsyncTestCoverage=true, which collects it in a project made by the pack) are added.
#      A shard with nothing to run succeeds; a unit listed for a shard that runs no test fails it.
#   5. Each shard writes the units it was given to <results>/test-shard-units.tsv; build/test-report.sh
#      compares them with the classes that ran, and fails on a difference.
# Results land in <results>/<project>/ (TRX, Cobertura coverage, hang and crash reports).
set -euo pipefail

usage() {
  cat <<'TEXT'
usage: bash build/test-shard.sh [--shard I --shards N | --shards N --list | --build-only] [options]
  --shard I                 the shard to run, 1..N
  --shards N                how many shards the tests are split into (1 or more)
  --list                    print "shard<TAB>project<TAB>class" for every shard and run nothing
  --build-only              restore and build the test projects, run nothing
  --no-build                use the existing build (CI builds once, then every shard runs with this)
  --no-restore              skip the restore (a fresh CI agent needs it: the test capability comes from packages)
  -c, --configuration C     the build configuration (default: Release)
  --results-directory DIR   where each project's results go (default: TestResults/shard-I)
TEXT
}

fail() { echo "test-shard: $*" >&2; exit 2; }

shard="" shards="" list=false build=true restore=true build_only=false configuration=Release results=""
while [ $# -gt 0 ]; do
  case "$1" in
    --shard) shard=${2:-}; shift 2 || fail "--shard needs a value" ;;
    --shards) shards=${2:-}; shift 2 || fail "--shards needs a value" ;;
    --list) list=true; shift ;;
    --build-only) build_only=true; shift ;;
    --no-build) build=false; shift ;;
    --no-restore) restore=false; shift ;;
    -c|--configuration) configuration=${2:-}; shift 2 || fail "--configuration needs a value" ;;
    --results-directory) results=${2:-}; shift 2 || fail "--results-directory needs a value" ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; fail "unknown argument '$1'" ;;
  esac
done

is_count() { [[ $1 =~ ^[1-9][0-9]*$ ]]; }
if ! $build_only; then
  is_count "$shards" || fail "--shards must be a whole number of 1 or more (got '$shards')"
  if ! $list; then
    is_count "$shard" && [ "$shard" -le "$shards" ] || fail "--shard must be a whole number from 1 to $shards (got '$shard')"
  fi
fi
[ -n "$configuration" ] || fail "--configuration must not be empty"

# Paths below are relative to the repository root, whatever folder this is started from.
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel 2>/dev/null || (cd "$(dirname "$0")/.." && pwd))
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

candidates() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files --cached --others --exclude-standard -- '*.csproj' '*.fsproj' '*.vbproj'
  else
    find . \( -name bin -o -name obj -o -name .git \) -prune -o -type f \( -name '*.csproj' -o -name '*.fsproj' -o -name '*.vbproj' \) -print | sed 's:^\./::'
  fi | LC_ALL=C sort
}

# Evaluates a project once: "IsTest<TAB>XunitTestProject<TAB>TargetPath<TAB>TargetFrameworks". A project
# is a test project when VSTest's IsTestProject or Microsoft.Testing.Platform's
# IsTestingPlatformApplication is true (xunit.v3's MTP flavour sets only the second).
evaluate() {
  dotnet msbuild "$1" -nologo "-p:Configuration=$configuration" "${@:2}" -getProperty:IsTestProject \
      -getProperty:IsTestingPlatformApplication -getProperty:XunitTestProject -getProperty:TargetPath \
      -getProperty:TargetFrameworks | tr -d '\r' |
    sed -n 's/^ *"\([A-Za-z]*\)": "\(.*\)",\{0,1\}$/\1\t\2/p' |
    awk -F'\t' '{ v[$1] = $2 }
      END {
        test = (v["IsTestProject"] == "true" || v["IsTestingPlatformApplication"] == "true") ? "true" : "false"
        printf "%s\t%s\t%s\t%s\n", test, v["XunitTestProject"], v["TargetPath"], v["TargetFrameworks"]
      }'
}

# test projects: "project<TAB>IsTestProject<TAB>XunitTestProject<TAB>TargetPath<TAB>TargetFrameworks"
test_projects=()
evaluations=""
while IFS= read -r project; do
  [ -f "$project" ] || continue
  if $restore; then
    # IsTestProject comes from the test packages' build files: evaluate after a restore (on a fresh
    # agent that unpacked the build, this fills the package cache; elsewhere it is a quick no-op).
    dotnet restore "$project" -nologo -v q >&2 || fail "restore failed for $project"
  fi
  if ! evaluation=$(evaluate "$project"); then
    echo "test-shard: $project does not evaluate (dotnet msbuild $project -getProperty:IsTestProject shows why); it is left out" >&2
    continue
  fi
  if [ "${evaluation%%$'\t'*}" = true ]; then
    test_projects+=("$project")
    evaluations+="$project"$'\t'"$evaluation"$'\n'
  fi
done < <(candidates)
[ ${#test_projects[@]} -gt 0 ] || echo "test-shard: warning: no test projects found under $root (were they restored?)" >&2

if $build; then
  for project in "${test_projects[@]}"; do
    dotnet build "$project" -c "$configuration" --no-restore -nologo >&2 || fail "build failed for $project"
  done
fi
$build_only && { printf 'test-shard: built %s\n' "${test_projects[@]}" >&2; exit 0; }

# The runner of a project: the global.json nearest to it decides, as for `dotnet test` run in its folder.
runner_of() {
  local dir
  dir=$(cd "$(dirname "$1")" && pwd)
  while :; do
    if [ -f "$dir/global.json" ]; then
      grep -q 'Microsoft.Testing.Platform' "$dir/global.json" && echo mtp || echo vstest
      return
    fi
    [ "$dir" = / ] && { echo vstest; return; }
    dir=$(dirname "$dir")
  done
}

# The built test assembly of an xunit v3 project ('' for any other test project).
xunit_target() {
  local project=$1 row target frameworks
  row=$(printf '%s' "$evaluations" | awk -F'\t' -v p="$project" '$1 == p')
  [ "$(cut -f3 <<< "$row")" = true ] || return 0
  target=$(cut -f4 <<< "$row")
  frameworks=$(cut -f5 <<< "$row")
  if [ -z "$target" ] && [ -n "$frameworks" ]; then
    # A multi-targeted project has the same classes in every framework: list the first one's build.
    target=$(evaluate "$project" "-p:TargetFramework=${frameworks%%;*}" | cut -f3)
  fi
  [ -f "$target" ] || fail "$project is not built ($target is missing): run without --no-build, or build it first"
  printf '%s' "$target"
}

# units: "hash<TAB>project<TAB>class" (class '*' = the whole project)
units=""
for project in "${test_projects[@]}"; do
  target=$(xunit_target "$project") || exit
  if [ -n "$target" ]; then
    # The executable lists its classes (xunit v3's own command line, both runner flavours); no test runs.
    classes=$(dotnet exec "$target" -automated -list classes) || fail "$project could not list its test classes"
    while IFS= read -r class; do
      [ -n "$class" ] && units+="$(printf '%s' "$class" | cksum | cut -d' ' -f1)"$'\t'"$project"$'\t'"$class"$'\n'
    done < <(tr -d '\r[]"' <<< "$classes" | tr ',' '\n')
  else
    units+="$(printf '%s' "$project" | cksum | cut -d' ' -f1)"$'\t'"$project"$'\t*\n'
  fi
done
units=$(printf '%s' "$units" | LC_ALL=C sort -t$'\t' -k1,1n -k3,3 -k2,2)

# plan: "shard<TAB>project<TAB>class", dealt out in hash order.
plan=$(printf '%s\n' "$units" | sed '/^$/d' | awk -F'\t' -v n="$shards" '{ printf "%d\t%s\t%s\n", (NR - 1) % n + 1, $2, $3 }')

if $list; then
  printf '%s\n' "$plan" | sed '/^$/d'
  exit 0
fi

mine=$(printf '%s\n' "$plan" | awk -F'\t' -v s="$shard" '$1 == s')
results=${results:-TestResults/shard-$shard}
mkdir -p "$results"
results=$(cd "$results" && pwd)
# What this shard was given, beside its results: build/test-report.sh compares it with what ran.
{ printf '# shard %s of %s\n' "$shard" "$shards"; printf '%s\n' "$mine" | sed '/^$/d'; } > "$results/test-shard-units.tsv"
if [ -z "$mine" ]; then
  echo "test-shard: shard $shard of $shards has no test classes (there are fewer classes than shards): nothing to run"
  exit 0
fi

# VSTest's filter for some classes of a project: FullyQualifiedName contains "<class>.". A test of
# another class of the project whose name holds the same text (A.Orders.Tests vs Orders.Tests) is
# excluded by its own class name, so no test runs in two shards.
vstest_filter() {
  local project=$1 selected=$2
  ALL=$(printf '%s\n' "$units" | awk -F'\t' -v p="$project" '$2 == p { print $3 }') \
    awk 'BEGIN { n = split(ENVIRON["ALL"], all, "\n") }
      {
        term = "FullyQualifiedName~" $0 "."
        for (i = 1; i <= n; i++)
          if (all[i] != $0 && index(all[i] ".", $0 ".") > 0) term = term "&FullyQualifiedName!~" all[i] "."
        print (term ~ /&/ ? "(" term ")" : term)
      }' <<< "$selected" | paste -sd'|' -
}

# The test classes that have a result in the TRX files under a folder (className of each test run).
ran_classes() {
  find "$1" -name '*.trx' -type f -print0 2>/dev/null | xargs -0r cat | grep -o '<TestMethod [^>]*>' |
    sed -n 's/.* className="\([^"]*\)".*/\1/p' | sed 's/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g' | LC_ALL=C sort -u || true
}

status=0
while IFS= read -r project; do
  name=$(basename "$project"); name=${name%.*}
  selected=$(printf '%s\n' "$mine" | awk -F'\t' -v p="$project" '$2 == p { print $3 }')
  runner=$(runner_of "$project")
  file=$(basename "$project")
  if [ "$runner" = mtp ]; then
    args=(--project "$file")
  else
    # A TRX file for every project (one that already writes TRX still writes one file).
    args=("$file" --logger trx)
  fi
  # Coverage on every shard, on a CI agent or here (a local dotnet test of a project made by the pack
  # collects none unless asked); build/test-report.sh merges it.
  args+=(-c "$configuration" --no-build --results-directory "$results/$name" -p:AsyncTestCoverage=true)
  if [ "$selected" != '*' ]; then
    if [ "$runner" = mtp ]; then
      # xunit v3's own filter (exact class names) and its TRX report.
      args+=(--report-xunit-trx)
      while IFS= read -r class; do args+=(--filter-class "$class"); done <<< "$selected"
    else
      args+=(--filter "$(vstest_filter "$project" "$selected")")
    fi
  fi
  echo "test-shard: shard $shard of $shards runs $project: $(printf '%s\n' "$selected" | sed 's/^\*$/all its tests/' | paste -sd' ' -)"
  code=0
  # Only this run's results count below (a local re-run finds the folder of the last one).
  rm -rf "${results:?}/$name"
  # From the project's folder, so that `dotnet test` reads the global.json nearest to the project.
  (cd "$(dirname "$project")" && dotnet test "${args[@]}") || code=$?
  # A unit given to this shard that ran no test fails it, named: no shard is green with zero tests.
  ran=$(ran_classes "$results/$name")
  if [ "$selected" = '*' ]; then
    missing=$([ -n "$ran" ] || echo "any test of the project")
  else
    missing=$(LC_ALL=C comm -23 <(printf '%s\n' "$selected" | LC_ALL=C sort -u) <(printf '%s\n' "$ran"))
  fi
  if [ -n "$missing" ]; then
    echo "test-shard: $project ran no test of $(printf '%s\n' "$missing" | paste -sd' ' -), listed for shard $shard of $shards (no result in its TRX files under $results/$name): a filter that matches nothing, a class without tests, or a runner that cannot see them (dotnet test's output above says which)" >&2
    status=1
  elif [ "$code" -ne 0 ]; then
    echo "test-shard: $project failed (exit $code); results in $results/$name" >&2
    status=1
  fi
done < <(printf '%s\n' "$mine" | cut -f2 | LC_ALL=C sort -u)

if [ "$status" -ne 0 ]; then
  echo "test-shard: shard $shard of $shards failed. Reproduce it with: bash build/test-shard.sh --shard $shard --shards $shards" >&2
fi
exit $status
