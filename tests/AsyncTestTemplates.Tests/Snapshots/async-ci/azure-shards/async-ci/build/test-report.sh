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
# Exit codes: 0 all tests passed, 1 a test failed or no test result was found, 2 bad usage.
set -euo pipefail

fail() { echo "test-report: $*" >&2; exit 2; }

results=TestResults output=""
while [ $# -gt 0 ]; do
  case "$1" in
    --results-directory) results=${2:-}; shift 2 || fail "--results-directory needs a value" ;;
    --output) output=${2:-}; shift 2 || fail "--output needs a value" ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
  hangs=$(find "$results" -type f \( -name '*_hang.log' -o -name 'Sequence_*.xml' -o -name '*.dmp' -o -name '*_crash*' \) | LC_ALL=C sort)
  if [ -n "$hangs" ]; then
    echo
    echo "### Hang and crash reports"
    echo
    sed 's/^/- /' <<< "$hangs"
  fi
} > "$summary"

# VSTest copies each coverage file into an In/ folder beside the original: merge the originals only.
reports=$(find "$results" -type f -name 'coverage.cobertura*.xml' -not -path '*/In/*' -not -path "$output/*" | LC_ALL=C sort | paste -sd';' -)
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
