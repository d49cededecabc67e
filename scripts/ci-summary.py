#!/usr/bin/env python3
"""The closing summary of .ci/run, read from the run's TRX and Cobertura files under TestResults/.

Neither VSTest nor Microsoft.Testing.Platform prints a plain "N passed, N failed" line: this prints
one (last), after the wall time of each phase, the summed test time per category, and the runtime
library's line and branch coverage from its own tests.

usage: ci-summary.py <test status> <soak status> <soak s> <postgres s> <test s> <total s>
"""
import glob
import sys
import xml.etree.ElementTree as ET

status, soak_status = int(sys.argv[1]), int(sys.argv[2])
phases = {"short soak (scripts/soak.sh -n 5)": sys.argv[3], "PostgreSQL server": sys.argv[4], "dotnet test --solution": sys.argv[5], "all of .ci/run": sys.argv[6]}
passed = failed = skipped = 0
files = glob.glob("TestResults/**/*.trx", recursive=True)
for f in files:
    counters = next(e for e in ET.parse(f).iter() if e.tag.endswith("Counters"))
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
def seconds(duration):
    h, m, sec = (duration or "0:0:0").split(":")
    return int(h) * 3600 + int(m) * 60 + float(sec)

def category(name):
    if name.startswith("AsyncTestTemplates.Testing.Analyzers.Tests."):
        return "analyzers (rules and code fix, in memory)"
    if name.startswith("AsyncTestTemplates.Testing.Tests."):
        return "runtime library and the guide's claims"
    if ".EndToEnd." in name:
        return "end-to-end (generated projects restored, built, run)"
    if name.startswith("AsyncTestTemplates.Authoring.Tests."):
        return "fast: authoring tool, repository layout and docs (no pack)"
    if ".Authoring." in name:
        return "pack validation (a broken template fails dotnet pack)"
    if "SnapshotTests." in name:
        return "snapshots (generated files)"
    return "checks (versions, schemas, supply chain, verifier)"

categories = {}
for f in files:
    for result in ET.parse(f).iter():
        if result.tag.endswith("UnitTestResult"):
            name, took = result.get("testName", ""), seconds(result.get("duration"))
            count, total, slowest = categories.get(category(name), (0, 0.0, ("", 0.0)))
            categories[category(name)] = (count + 1, total + took, max(slowest, (name, took), key=lambda pair: pair[1]))

print("\nTiming (wall seconds per phase; test seconds summed per category, tests run in parallel):")
for phase, took in phases.items():
    print(f"  {phase:<58} {int(took):>5} s")
for name, (count, total, slowest) in sorted(categories.items()):
    print(f"  {name:<58} {total:>7.0f} s in {count:>3} tests; slowest {slowest[1]:.0f} s: {slowest[0].split('(')[0].rsplit('.', 1)[-1]}")

# The runtime libraries' coverage, from their own tests (coverlet.MTP writes a Cobertura report).
LIBRARIES = ("AsyncTestTemplates.Testing", "AsyncTestTemplates.Testing.Hosting", "AsyncTestTemplates.Testing.AspNetCore")
for report in sorted(glob.glob("TestResults/**/*.cobertura*.xml", recursive=True)):
    for package in ET.parse(report).iter("package"):
        if package.get("name") in LIBRARIES:
            print(f"  {package.get('name')} coverage (its own tests): lines {float(package.get('line-rate', 0)):.0%}, "
                  f"branches {float(package.get('branch-rate', 0)):.0%}")
print()
if not files:
    print("ci: no TRX results were written")
if status != 0 and failed == 0:
    # The run failed outside any test (build error, crash, time limit): count it as a failure.
    failed = 1
if soak_status != 0:
    print("ci: the soak check failed (see its table above)")
    failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(0 if status == 0 and soak_status == 0 and failed == 0 and passed > 0 else 1)
