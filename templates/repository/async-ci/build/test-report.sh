#!/usr/bin/env bash
# Merges the results of every shard (build/test-shard.sh) into one report, and fails when a test failed.
#
#   bash build/test-report.sh --results-directory TestResults --output TestResults/report
#
# Reads every TRX file, Cobertura coverage file and hang or crash report under the results folder
# (each shard's results in its own subfolder, in any layout). Writes to the output folder:
#   summary.md     test counts, the names of the failed tests, hang/crash reports, coverage summary
#   Cobertura.xml  the coverage of all shards and projects merged into one file
#   index.html     the merged coverage report (with ReportGenerator's other HTML files)
# On GitHub Actions the summary is also appended to the job summary ($GITHUB_STEP_SUMMARY).
# ReportGenerator must be on PATH as 'reportgenerator'
# (dotnet tool install dotnet-reportgenerator-globaltool --tool-path <folder>).
# Where the shards left their lists of units (test-shard-units.tsv), a unit listed that ran no test, a
# class that ran but was listed for no shard, or a shard that left no list fails the report.
# Exit codes: 0 all tests passed, 1 a test failed, no test result was found, or listed and ran differ;
# 2 bad usage.
set -euo pipefail

fail() { echo "test-report: $*" >&2; exit 2; }

results=TestResults output=""
while [ $# -gt 0 ]; do
  case "$1" in
    --results-directory) results=${2:-}; shift 2 || fail "--results-directory needs a value" ;;
    --output) output=${2:-}; shift 2 || fail "--output needs a value" ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown argument '$1' (usage: --results-directory DIR --output DIR)" ;;
  esac
done
[ -d "$results" ] || fail "no results folder '$results'"
output=${output:-$results/report}
mkdir -p "$output"
summary="$output/summary.md"

# Every test result of every TRX file: "outcome<TAB>test name" (XML entities decoded).
outcomes=$(find "$results" -name '*.trx' -type f -print0 | xargs -0r cat |
  grep -o '<UnitTestResult [^>]*>' |
  sed -n 's/.* outcome="\([^"]*\)".*/\1\t&/p' | sed -n 's/\t.* testName="\([^"]*\)".*/\t\1/p' |
  sed 's/&quot;/"/g; s/&apos;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g' || true)
count() { grep -c "^$1"$'\t' <<< "$outcomes" || true; }
trx_files=$(find "$results" -name '*.trx' -type f | wc -l)
passed=$(count Passed) failed=$(count Failed) skipped=$(count NotExecuted)
others=$(grep -vc -e '^Passed' -e '^Failed' -e '^NotExecuted' -e '^$' <<< "$outcomes" || true)

# Listed against ran: every shard (build/test-shard.sh) wrote the units it was given to
# test-shard-units.tsv ("shard<TAB>project<TAB>class", class '*' for a whole project, after a
# "# shard I of N" line). Each listed class must have a result; each class with a result must have been
# listed; every shard of the run must have left its list.
differences=""
lists=$(find "$results" -name 'test-shard-units.tsv' -type f | LC_ALL=C sort)
if [ -n "$lists" ]; then
  listed=$(while IFS= read -r list; do cat "$list"; done <<< "$lists" | grep -v '^#' | sed '/^$/d' || true)
  shards_seen=$(while IFS= read -r list; do cat "$list"; done <<< "$lists" | sed -n 's/^# shard \([0-9]*\) of \([0-9]*\)$/\1 \2/p' | LC_ALL=C sort -u)
  while read -r count; do
    for ((i = 1; i <= count; i++)); do
      grep -qx "$i $count" <<< "$shards_seen" || differences+="- shard $i of $count left no list of its units (test-shard-units.tsv): did it run?"$'\n'
    done
  done < <(cut -d' ' -f2 <<< "$shards_seen" | LC_ALL=C sort -u)
  # The classes with a result, each with the TRX file it came from.
  ran=$(find "$results" -name '*.trx' -type f | while IFS= read -r trx; do
      grep -o '<TestMethod [^>]*>' "$trx" | sed -n 's/.* className="\([^"]*\)".*/\1/p' | sed "s|\$|\t$trx|"
    done | sed 's/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g' | LC_ALL=C sort -u || true)
  ran_classes=$(cut -f1 <<< "$ran" | sed '/^$/d' | LC_ALL=C sort -u)
  # A whole-project unit ('*'): its results are in a folder named after the project.
  whole=$(awk -F'\t' '$3 == "*" { n = $2; sub(/.*\//, "", n); sub(/\.[^.]*$/, "", n); print n }' <<< "$listed" | LC_ALL=C sort -u)
  exempt=""
  while IFS= read -r name; do
    [ -n "$name" ] || continue
    mine=$(awk -F'\t' -v n="/$name/" 'index($2, n) > 0 { print $1 }' <<< "$ran")
    [ -n "$mine" ] || differences+="- $name was listed as a whole project and ran no test"$'\n'
    exempt+="$mine"$'\n'
  done <<< "$whole"
  listed_classes=$(awk -F'\t' '$3 != "*" { print $3 }' <<< "$listed" | LC_ALL=C sort -u)
  while IFS= read -r class; do
    [ -n "$class" ] && differences+="- $class was listed and ran no test"$'\n'
  done < <(LC_ALL=C comm -23 <(printf '%s\n' "$listed_classes") <(printf '%s\n' "$ran_classes") | sed '/^$/d')
  while IFS= read -r class; do
    [ -n "$class" ] && differences+="- $class ran but was listed for no shard"$'\n'
  done < <(LC_ALL=C comm -13 <(printf '%s\n' "$listed_classes" "$exempt" | sed '/^$/d' | LC_ALL=C sort -u) <(printf '%s\n' "$ran_classes") | sed '/^$/d')
fi

{
  echo "## Tests: $passed passed, $failed failed, $skipped skipped"
  echo
  echo "From $trx_files TRX files under \`$results\`."
  [ "$others" -eq 0 ] || echo "$others results have another outcome (timeout, aborted, ...): see the TRX files."
  if [ "$failed" -gt 0 ]; then
    echo
    echo "### Failed tests"
    echo
    grep "^Failed"$'\t' <<< "$outcomes" | cut -f2 | LC_ALL=C sort | sed 's/^/- /'
  fi
  if [ -n "$differences" ]; then
    echo
    echo "### Listed and ran differ"
    echo
    printf '%s' "$differences"
  fi
  hangs=$(find "$results" -type f \( -name '*_hang.log' -o -name 'Sequence_*.xml' -o -name '*.dmp' -o -name '*_crash*' \) | LC_ALL=C sort)
  if [ -n "$hangs" ]; then
    echo
    echo "### Hang and crash reports"
    echo
    sed 's/^/- /' <<< "$hangs"
  fi
} > "$summary"

# VSTest copies each coverage file into an In/ folder beside the original, and the pack's build copies
# it again to coverage.cobertura.xml in the project's results folder: merge the originals only.
is_copy() {
  local file=$1 original
  [ "$(basename "$file")" = coverage.cobertura.xml ] || return 1
  for original in "$(dirname "$file")"/*/coverage.cobertura.xml; do
    [ -f "$original" ] && cmp -s "$file" "$original" && return 0
  done
  return 1
}
reports=$(find "$results" -type f -name 'coverage.cobertura*.xml' -not -path '*/In/*' -not -path "$output/*" | LC_ALL=C sort |
  while IFS= read -r file; do is_copy "$file" || printf '%s\n' "$file"; done | paste -sd';' -)
if [ -n "$reports" ]; then
  command -v reportgenerator >/dev/null ||
    fail "reportgenerator is not on PATH (dotnet tool install dotnet-reportgenerator-globaltool --tool-path <folder>)"
  reportgenerator "-reports:$reports" "-targetdir:$output" "-reporttypes:Html;Cobertura;MarkdownSummaryGithub" -verbosity:Warning
  { echo; cat "$output/SummaryGithub.md"; } >> "$summary"
else
  printf '\nNo coverage files were found.\n' >> "$summary"
fi

cat "$summary"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$summary" >> "$GITHUB_STEP_SUMMARY"
fi

if [ "$trx_files" -eq 0 ] || [ -z "$outcomes" ]; then
  echo "test-report: no test results were found under $results" >&2
  exit 1
fi
[ "$failed" -eq 0 ] || { echo "test-report: $failed tests failed" >&2; exit 1; }
[ -z "$differences" ] || { echo "test-report: what the shards listed and what ran differ (see 'Listed and ran differ' above)" >&2; exit 1; }
