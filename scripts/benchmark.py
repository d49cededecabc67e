#!/usr/bin/env python3
"""Benchmark: every project template of the pack against the SDK's stock `dotnet new xunit` and the floors.

Run by hand, never by CI: it prints figures and ratios and never passes or fails on them (it exits
non-zero only when a step itself fails, such as a test run that is not green). Everything happens in
a fresh temporary folder that is deleted at the end; the repository is only read (and packed).

Rows, each measured for every side within every iteration, the side that goes first rotating:
  new     `dotnet new` alone (instantiate, --no-restore)
  e2e     `dotnet new` -> green `dotnet test` in a fresh folder, package cache already warm
  vstest  warm `dotnet test --no-build` under the default runner (VSTest, no global.json)
  mtp     warm `dotnet test --no-build` under Microsoft.Testing.Platform (a global.json selecting it;
          ours only: the stock template is xunit v2, which runs on VSTest alone)
  suite   the sample suite's own execution time, as the runner reports it (the `Duration:` of the
          VSTest summary line), without the runner's start-up and collectors
  fake    simulated seconds per real millisecond in the template's fake-time sample (ours only)
  bare    where the VSTest gap goes: ours under `dotnet test --no-build` with a runsettings holding
          only its hang guard (no coverage collector, no TRX logger); vstest minus bare is their cost
  exe     the floor: ours' test executable run directly, no `dotnet test`, no collector, no TRX
  nocov   ours under Microsoft.Testing.Platform generated with `--coverage false` (the hang guard and
          TRX stay): mtp minus nocov is what coverage costs there
  floor   what no template can go below: a minimal xunit v3 project (one empty test, nothing else)
          under `dotnet test --no-build`, on VSTest (xunit.v3.mtp-off + xunit.runner.visualstudio)
          and on MTP (xunit.v3), against the stock project on VSTest
  ci      ours under VSTest with CI=true, as on a CI agent: coverage collected and summarised
  cimtp   ours under Microsoft.Testing.Platform with CI=true (coverage collected)
  nosamples  ours under Microsoft.Testing.Platform generated with `--samples false`: mtp minus
          nosamples is what the samples cost
  machinery  as nosamples, with the pack's run-time parts off (AsyncTestRunGuard=false, which takes
          the hang guard with it; report-xunit-trx false; no session timeout; AsyncTestNoTestsAsError=false,
          which drops the zero-test explainer): nosamples minus machinery is what those parts cost, and
          machinery minus the floor what the project SDK and the packages cost by being there
  cinone  as ci, with the coverage filter matching no assembly (test.runsettings' Include): coverlet's data
          collector runs and instruments nothing, so ci minus cinone is the instrumenting and the report,
          and cinone minus vstest what the collector costs by running
  cimtpnone  as cimtp, with the coverage filter matching no assembly (testconfig.json's coverlet-include):
          likewise for coverlet.MTP and its second process
  eval    `dotnet msbuild -getProperty:TargetPath` on ours (under Microsoft.Testing.Platform) and on the
          MTP floor: the project's evaluation alone, which every `dotnet test` pays first
Each of ours' `dotnet test` rows is also given against the floor of the runner it uses (VSTest rows
against the VSTest floor, MTP rows against the MTP floor), measured in the same iterations.
Every command runs without the CI variables (CI, TF_BUILD, GITHUB_ACTIONS, …), as on a developer's
machine, except the ci rows.
Every timed row also records the CPU seconds (user + system) of the command's whole process tree:
on a machine shared with other work, wall-clock times swing with the load while CPU time hardly does,
so the CPU table is the one to compare runs by there.
The report also gives the MTP row against the stock project under VSTest (the SDK's default runner),
and `--rows vstest,mtp,bare,exe` measures only those rows (the quick inner-loop check).

Ours run with their defaults: runner auto, samples on, coverage on (collected only in the ci rows), TRX and the hang guard armed.
The report (markdown) goes to stdout, progress to stderr: scripts/benchmark.py -n 3 > report.md
"""

import argparse
import os
import platform
import resource
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def authoring_tool(*arguments):
    """What the repository's authoring tool prints: the one reader of the template catalogue and of build/Versions.props."""
    result = subprocess.run(["dotnet", "run", "--project", str(REPO / "tools" / "TemplateAuthoring"), "-c", "Release", "-v", "q", "--", *arguments],
                            capture_output=True, text=True, check=True)
    return result.stdout.split()


TEMPLATES = authoring_tool("templates", str(REPO / "templates"), "--kind", "test-project")
STOCK = "stock"
# The fake-time sample of each template and the span of fake time it simulates, in seconds.
FAKE_TIME_SAMPLES = {
    "async-tests": ("The_loop_sweeps_once_an_hour_for_a_whole_day", 24 * 3600),
    "async-hosted-tests": ("Cleans_up_once_an_hour_over_a_simulated_day", 24 * 3600),
    "async-integration-tests": ("A_pending_order_expires_when_its_payment_window_has_passed", 30 * 60),
}
ROWS = [
    ("new", "`dotnet new` alone"),
    ("e2e", "`dotnet new` → green `dotnet test`, warm package cache"),
    ("vstest", "warm `dotnet test --no-build`, VSTest (default runner)"),
    ("mtp", "warm `dotnet test --no-build`, Microsoft.Testing.Platform"),
    ("suite", "sample suite execution (runner-reported)"),
    ("fake", "simulated seconds per real millisecond (fake-time sample)"),
    ("bare", "warm `dotnet test --no-build`, VSTest, hang guard only (no coverage, no TRX)"),
    ("exe", "the test executable run directly (no `dotnet test`, no coverage, no TRX)"),
    ("nocov", "warm `dotnet test --no-build`, Microsoft.Testing.Platform, `--coverage false`"),
    ("floor", "a minimal xunit v3 project, warm `dotnet test --no-build`"),
    ("ci", "warm `dotnet test --no-build`, VSTest, CI=true (coverage)"),
    ("cimtp", "warm `dotnet test --no-build`, Microsoft.Testing.Platform, CI=true (coverage)"),
    ("nosamples", "warm `dotnet test --no-build`, Microsoft.Testing.Platform, `--samples false`"),
    ("machinery", "warm `dotnet test --no-build`, Microsoft.Testing.Platform, `--samples false`, run-time parts off"),
    ("cinone", "warm `dotnet test --no-build`, VSTest, CI=true, coverage filter matching no assembly"),
    ("cimtpnone", "warm `dotnet test --no-build`, Microsoft.Testing.Platform, CI=true, coverage filter matching no assembly"),
    ("eval", "evaluating the project alone (`dotnet msbuild -getProperty:TargetPath`), MTP"),
]
# The pack's run-time parts, switched off for the machinery row: the run guard (and with it the hang
# guard), the session timeout and the zero-test explainer (its pipeline startup) by property; TRX in testconfig.json.
MACHINERY_OFF = ("<AsyncTestRunGuard>false</AsyncTestRunGuard><AsyncTestSessionTimeoutMinutes></AsyncTestSessionTimeoutMinutes>"
                 "<AsyncTestNoTestsAsError>false</AsyncTestNoTestsAsError>")
# The floor each row of ours is compared with: the minimal project on the same runner.
FLOOR_ROW_FOR = {"vstest": "VSTest", "bare": "VSTest", "ci": "VSTest", "mtp": "MTP", "nocov": "MTP", "cimtp": "MTP",
                 "nosamples": "MTP", "machinery": "MTP", "eval": "MTP evaluation", "cinone": "VSTest", "cimtpnone": "MTP"}
# The variables CI systems set (AsyncTestTemplates.Testing.Settings collects coverage where one is set).
CI_VARIABLES = ("CI", "TF_BUILD", "BUILD_BUILDID", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION",
                "BUILDKITE", "CIRCLECI", "TRAVIS", "APPVEYOR", "BITBUCKET_BUILD_NUMBER", "CODEBUILD_BUILD_ID")
FLOOR = "minimal-xunit-v3"
# Rows compared with another row of the stock side: the MTP row against stock under VSTest.
STOCK_ROW_FOR = {"mtp": "vstest", "bare": "vstest", "exe": "vstest", "nocov": "vstest", "ci": "vstest", "cimtp": "vstest",
                 "nosamples": "vstest", "machinery": "vstest", "cinone": "vstest", "cimtpnone": "vstest"}
STOCK_RUNNER_PIN = ('"xunit.runner.visualstudio" Version="3.1.4"', '"xunit.runner.visualstudio" Version="3.1.5"')


def progress(message):
    print(f"[benchmark] {message}", file=sys.stderr, flush=True)


class Bench:
    def __init__(self, work, repo, step_timeout):
        self.work, self.repo, self.step_timeout = work, repo, step_timeout
        self.hive = work / "hive"
        self.logs = work / "logs"
        self.logs.mkdir(parents=True)
        self.times = {}  # (row, side) -> [values]
        self.cpu = {}  # (row, side) -> [CPU seconds of the process tree]
        self.last_cpu = 0.0
        self.env = {name: value for name, value in os.environ.items() if name not in CI_VARIABLES}
        self.env.update(DOTNET_NOLOGO="1", DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_CLI_UI_LANGUAGE="en")
        self.log_count = 0

    def run(self, name, args, cwd, ci=False):
        """Runs dotnet ARGS in CWD (with CI=true when CI); returns (seconds, output); stops the benchmark if it fails."""
        self.log_count += 1
        log = self.logs / f"{self.log_count:04d}-{name}.log"
        started, cpu = time.perf_counter(), children_cpu()
        env = dict(self.env, CI="true") if ci else self.env
        result = subprocess.run(["dotnet", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=self.step_timeout)
        seconds = time.perf_counter() - started
        self.last_cpu = children_cpu() - cpu
        log.write_text(f"$ dotnet {' '.join(args)}  (in {cwd})\n{result.stdout}\n{result.stderr}")
        if result.returncode != 0:
            sys.exit(f"error: step '{name}' failed (exit {result.returncode}); last lines of {log}:\n"
                     + "\n".join((result.stdout + result.stderr).splitlines()[-30:]))
        return seconds, result.stdout

    def record(self, row, side, value, cpu=None):
        self.times.setdefault((row, side), []).append(value)
        if cpu is not None:
            self.cpu.setdefault((row, side), []).append(cpu)
        progress(f"{row:<7} {side:<24} {value:8.3f}" + ("" if cpu is None else f"  cpu {cpu:7.3f}"))

    def new(self, side, folder, *options):
        """`dotnet new` of a side into FOLDER (which must not exist)."""
        folder.parent.mkdir(parents=True, exist_ok=True)
        if side == STOCK:
            seconds, _ = self.run("new-stock", ["new", "xunit", "-o", folder.name, "--no-restore", "--no-update-check"], folder.parent)
            project = next(folder.glob("*.csproj"))
            project.write_text(project.read_text().replace(*STOCK_RUNNER_PIN))
        else:
            seconds, _ = self.run(f"new-{side}", ["new", side, "-o", folder.name, "-n", "Bench.Tests", "--no-restore", "--no-update-check",
                                                  "--debug:custom-hive", str(self.hive), *options], folder.parent)
        return seconds

    def exe(self, side, project):
        """Seconds for the test executable of PROJECT run directly (xunit v3 projects are their own runner)."""
        executable = next(project.glob("bin/Debug/*/Bench.Tests"))
        started, cpu = time.perf_counter(), children_cpu()
        result = subprocess.run([str(executable)], cwd=executable.parent, env=self.env, capture_output=True, text=True, timeout=self.step_timeout)
        seconds = time.perf_counter() - started
        self.last_cpu = children_cpu() - cpu
        if result.returncode != 0:
            sys.exit(f"error: {executable} failed (exit {result.returncode}):\n{result.stdout[-3000:]}{result.stderr[-2000:]}")
        return seconds


def minimal_xunit3(folder, repo, testing_platform):
    """A minimal xunit v3 test project in FOLDER at the pack's versions: one empty test, no settings files."""
    versions = dict(line.split("=", 1) for line in authoring_tool("versions", str(repo / "build" / "Versions.props")))
    version = lambda name: versions[name]
    packages = ([("xunit.v3", version("XunitV3Version"))] if testing_platform else
                [("xunit.v3.mtp-off", version("XunitV3Version")), ("xunit.runner.visualstudio", version("XunitRunnerVisualStudioVersion")),
                 ("Microsoft.NET.Test.Sdk", version("MicrosoftNETTestSdkVersion"))])
    references = "".join(f'<PackageReference Include="{name}" Version="{number}" />' for name, number in packages)
    folder.mkdir(parents=True)
    (folder / "Bench.Tests.csproj").write_text(
        '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Exe</OutputType>'
        '<ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable><IsPackable>false</IsPackable></PropertyGroup>'
        f'<ItemGroup>{references}</ItemGroup><ItemGroup><Using Include="Xunit" /></ItemGroup></Project>\n')
    (folder / "EmptyTests.cs").write_text("namespace Bench.Tests;\n\npublic class EmptyTests\n{\n    [Fact]\n    public void Passes() { }\n}\n")


# The project's evaluation alone: what `dotnet test` does before it starts the test application.
EVALUATE = ["msbuild", "-getProperty:TargetPath", "-nologo"]


def machinery_off(project):
    """Switches the pack's run-time parts off in PROJECT (see MACHINERY_OFF), for the machinery row."""
    (project / "Directory.Build.props").write_text(f"<Project><PropertyGroup>{MACHINERY_OFF}</PropertyGroup></Project>\n")
    config = project / "testconfig.json"
    text = config.read_text()
    if '"report-xunit-trx": true' not in text:
        sys.exit(f"error: {config} no longer switches TRX on as the machinery row expects")
    config.write_text(text.replace('"report-xunit-trx": true', '"report-xunit-trx": false'))


# An assembly filter no assembly matches: coverlet then instruments nothing.
NO_ASSEMBLY = "[NoSuchAssembly]*"


def coverage_of_nothing(project):
    """Points PROJECT's coverage filter (whichever runner file it has) at no assembly, for the cinone and cimtpnone rows."""
    settings, config = project / "test.runsettings", project / "testconfig.json"
    if settings.exists():
        text = settings.read_text()
        text = (re.sub(r"<Include>.*?</Include>", f"<Include>{NO_ASSEMBLY}</Include>", text) if "<Include>" in text
                else text.replace("<Format>cobertura</Format>", f"<Format>cobertura</Format><Include>{NO_ASSEMBLY}</Include>"))
        settings.write_text(text)
    if config.exists():
        text = config.read_text()
        text = (re.sub(r'"coverlet-include": "[^"]*"', f'"coverlet-include": "{NO_ASSEMBLY}"', text) if '"coverlet-include"' in text
                else text.replace('"coverlet-output-format": "cobertura",', f'"coverlet-output-format": "cobertura", "coverlet-include": "{NO_ASSEMBLY}",'))
        config.write_text(text)
    if NO_ASSEMBLY not in (settings.read_text() if settings.exists() else "") + (config.read_text() if config.exists() else ""):
        sys.exit(f"error: found no coverage filter to change in {project}")


def children_cpu():
    """User + system CPU seconds of every finished child process (and the descendants they waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bare_runsettings(project):
    """A copy of PROJECT's test.runsettings without its data collectors and loggers: the hang guard alone."""
    text = (project / "test.runsettings").read_text()
    text = re.sub(r"\s*<DataCollectionRunSettings>.*?</DataCollectionRunSettings>", "", text, flags=re.S)
    text = re.sub(r"\s*<LoggerRunSettings>.*?</LoggerRunSettings>", "", text, flags=re.S)
    bare = project / "bare.runsettings"
    bare.write_text(text)
    return bare


def parse_duration(output):
    """Seconds from VSTest's summary line: `Duration: 706 ms`, `Duration: 1 s`, `Duration: 1 m 2 s`."""
    match = re.search(r"Duration: ((?:\d+ m )?(?:\d+ s )?(?:\d+ ms)?)\s", output)
    if not match:
        return None
    total = 0.0
    for amount, unit in re.findall(r"(\d+) (ms|m|s)\b", match.group(1)):
        total += int(amount) * {"ms": 0.001, "s": 1, "m": 60}[unit]
    return total


def fake_time_rate(project, template):
    """Simulated seconds per real millisecond in the newest TRX file of PROJECT."""
    name, simulated = FAKE_TIME_SAMPLES[template]
    trx = max((project / "TestResults").rglob("*.trx"), key=lambda f: f.stat().st_mtime)
    for result in ET.parse(trx).iter():
        if result.tag.endswith("UnitTestResult") and result.get("testName", "").endswith("." + name):
            hours, minutes, seconds = result.get("duration").split(":")
            real_ms = (int(hours) * 3600 + int(minutes) * 60 + float(seconds)) * 1000
            return simulated / max(real_ms, 0.001)
    sys.exit(f"error: no result for {name} in {trx}")


def cell(values):
    if not values:
        return "n/a", None
    median = statistics.median(values)
    return f"{median:.2f} ({min(values):.2f}–{max(values):.2f})", median


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--iterations", type=int, default=5, help="timed iterations per row and side (default 5)")
    parser.add_argument("-t", "--template", action="append", choices=TEMPLATES, help="only this template (repeatable)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs, projects)")
    parser.add_argument("--rows", default=",".join(row for row, _ in ROWS),
                        help="comma-separated rows to measure (default all): " + ", ".join(row for row, _ in ROWS))
    arguments = parser.parse_args()
    rows = set(arguments.rows.split(","))
    if unknown := rows - {row for row, _ in ROWS}:
        parser.error(f"unknown rows: {', '.join(sorted(unknown))}")
    if arguments.iterations < 1:
        parser.error("the iteration count must be at least 1")
    templates = arguments.template or TEMPLATES
    sides = templates + [STOCK]

    repo = Path(__file__).resolve().parent.parent
    work = Path(tempfile.mkdtemp(prefix="att-benchmark-"))
    for parent in work.parents:
        if (parent / "global.json").exists():
            sys.exit(f"error: {parent / 'global.json'} is above the work folder and would pick the runner; set TMPDIR elsewhere")
    bench = Bench(work, repo, int(os.environ.get("BENCH_STEP_TIMEOUT", "900")))
    load_start = os.getloadavg()
    version = ""
    try:
        progress(f"work folder: {work}")
        # The packages, with a version of their own, into work/packages, which work/nuget.config names.
        version = subprocess.run(["bash", str(repo / "scripts" / "pack-local.sh"), str(work)], check=True,
                                 capture_output=True, text=True).stdout.strip()
        package = work / "packages" / f"AsyncTestTemplates.{version}.nupkg"
        bench.run("install", ["new", "install", str(package), "--debug:custom-hive", str(bench.hive)], work)

        # Warm-up, untimed: restore (this warms the package cache for the e2e row), build, one run.
        vstest_root, mtp_root = work / "vstest", work / "mtp"
        mtp_root.mkdir()
        (mtp_root / "global.json").write_text('{ "test": { "runner": "Microsoft.Testing.Platform" } }\n')
        for side in sides:
            progress(f"warm-up: {side}")
            bench.new(side, vstest_root / side)
            bench.run(f"warm-vstest-{side}", ["test", str(vstest_root / side)], work)
            if side != STOCK:
                bench.new(side, mtp_root / side)
                bench.run(f"warm-mtp-{side}", ["test", "--project", side], mtp_root)
            if side != STOCK and "nocov" in rows:
                bench.new(side, mtp_root / f"{side}-nocov", "--coverage", "false")
                bench.run(f"warm-nocov-{side}", ["test", "--project", f"{side}-nocov"], mtp_root)
            if side != STOCK and "cinone" in rows:
                bench.new(side, vstest_root / f"{side}-cinone")
                coverage_of_nothing(vstest_root / f"{side}-cinone")
                bench.run(f"warm-cinone-{side}", ["test", str(vstest_root / f"{side}-cinone")], work, ci=True)
            if side != STOCK and "cimtpnone" in rows:
                bench.new(side, mtp_root / f"{side}-cimtpnone")
                coverage_of_nothing(mtp_root / f"{side}-cimtpnone")
                bench.run(f"warm-cimtpnone-{side}", ["test", "--project", f"{side}-cimtpnone"], mtp_root, ci=True)
            if side != STOCK and "nosamples" in rows:
                bench.new(side, mtp_root / f"{side}-nosamples", "--samples", "false")
                bench.run(f"warm-nosamples-{side}", ["test", "--project", f"{side}-nosamples"], mtp_root)
            if side != STOCK and "machinery" in rows:
                bench.new(side, mtp_root / f"{side}-machinery", "--samples", "false")
                machinery_off(mtp_root / f"{side}-machinery")
                bench.run(f"warm-machinery-{side}", ["test", "--project", f"{side}-machinery"], mtp_root)
        if rows & {"floor", "eval"}:
            progress("warm-up: minimal xunit v3 projects")
            minimal_xunit3(vstest_root / FLOOR, repo, testing_platform=False)
            bench.run("warm-floor-vstest", ["test", str(vstest_root / FLOOR)], work)
            minimal_xunit3(mtp_root / FLOOR, repo, testing_platform=True)
            bench.run("warm-floor-mtp", ["test", "--project", FLOOR], mtp_root)

        for iteration in range(1, arguments.iterations + 1):
            shift = iteration % len(sides)
            order = sides[shift:] + sides[:shift]
            fresh = work / f"iteration{iteration}"
            for side in order if "new" in rows else []:
                bench.record("new", side, bench.new(side, fresh / "new" / side))
            for side in order if "e2e" in rows else []:
                started = time.perf_counter()
                bench.new(side, fresh / "e2e" / side)
                bench.run(f"e2e-{side}", ["test", str(fresh / "e2e" / side)], work)
                bench.record("e2e", side, time.perf_counter() - started)
            for side in order if rows & {"vstest", "suite", "fake"} else []:
                seconds, output = bench.run(f"vstest-{side}", ["test", str(vstest_root / side), "--no-build"], work)
                bench.record("vstest", side, seconds, bench.last_cpu)
                if (suite := parse_duration(output)) is not None:
                    bench.record("suite", side, suite)
                if side != STOCK and "fake" in rows:
                    bench.record("fake", side, fake_time_rate(vstest_root / side, side))
            for side in order:
                if side == STOCK:
                    continue
                if "mtp" in rows:
                    bench.record("mtp", side, bench.run(f"mtp-{side}", ["test", "--project", side, "--no-build"], mtp_root)[0], bench.last_cpu)
                if "bare" in rows:
                    settings = bare_runsettings(vstest_root / side)
                    bench.record("bare", side, bench.run(f"bare-{side}", ["test", str(vstest_root / side), "--no-build", "--settings", str(settings)], work)[0], bench.last_cpu)
                if "exe" in rows:
                    bench.record("exe", side, bench.exe(side, vstest_root / side), bench.last_cpu)
                if "nocov" in rows:
                    bench.record("nocov", side, bench.run(f"nocov-{side}", ["test", "--project", f"{side}-nocov", "--no-build"], mtp_root)[0], bench.last_cpu)
                if "ci" in rows:
                    bench.record("ci", side, bench.run(f"ci-{side}", ["test", str(vstest_root / side), "--no-build"], work, ci=True)[0], bench.last_cpu)
                if "cimtp" in rows:
                    bench.record("cimtp", side, bench.run(f"cimtp-{side}", ["test", "--project", side, "--no-build"], mtp_root, ci=True)[0], bench.last_cpu)
                if "cinone" in rows:
                    bench.record("cinone", side, bench.run(f"cinone-{side}", ["test", str(vstest_root / f"{side}-cinone"), "--no-build"], work, ci=True)[0], bench.last_cpu)
                if "cimtpnone" in rows:
                    bench.record("cimtpnone", side, bench.run(f"cimtpnone-{side}", ["test", "--project", f"{side}-cimtpnone", "--no-build"], mtp_root, ci=True)[0], bench.last_cpu)
                if "nosamples" in rows:
                    bench.record("nosamples", side, bench.run(f"nosamples-{side}", ["test", "--project", f"{side}-nosamples", "--no-build"], mtp_root)[0], bench.last_cpu)
                if "machinery" in rows:
                    bench.record("machinery", side, bench.run(f"machinery-{side}", ["test", "--project", f"{side}-machinery", "--no-build"], mtp_root)[0], bench.last_cpu)
                if "eval" in rows:
                    bench.record("eval", side, bench.run(f"eval-{side}", EVALUATE + [side], mtp_root)[0], bench.last_cpu)
            if "eval" in rows:
                bench.record("floor", "MTP evaluation", bench.run("eval-floor", EVALUATE + [FLOOR], mtp_root)[0], bench.last_cpu)
            if "floor" in rows:
                bench.record("floor", "VSTest", bench.run("floor-vstest", ["test", str(vstest_root / FLOOR), "--no-build"], work)[0], bench.last_cpu)
                bench.record("floor", "MTP", bench.run("floor-mtp", ["test", "--project", FLOOR, "--no-build"], mtp_root)[0], bench.last_cpu)
                if "vstest" not in rows:
                    bench.record("vstest", STOCK, bench.run("vstest-stock", ["test", str(vstest_root / STOCK), "--no-build"], work)[0], bench.last_cpu)
            shutil.rmtree(fresh, ignore_errors=True)
    finally:
        if arguments.keep:
            progress(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
        # The packages of this run's own version are of no use to a later restore.
        cache = Path(os.environ.get("NUGET_PACKAGES") or Path.home() / ".nuget" / "packages")
        for package in ("asynctesttemplates.sdk", "asynctesttemplates.testing", "asynctesttemplates.testing.settings",
                        "asynctesttemplates.testing.hosting", "asynctesttemplates.testing.aspnetcore"):
            if version:
                shutil.rmtree(cache / package / version, ignore_errors=True)

    load_end = os.getloadavg()
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "unknown")
    memory = next((int(line.split()[1]) / 1048576 for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal:")), 0)
    sdk = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"# Benchmark: the pack's project templates against the SDK's stock `dotnet new xunit` and the floor of each runner\n")
    print(f"`scripts/benchmark.py -n {arguments.iterations}` on {os.cpu_count()} cores, {memory:.0f} GiB, {cpu}, "
          f"{platform.system()} {platform.machine()}, .NET SDK {sdk}; load average {load_start[0]:.2f} at the start, {load_end[0]:.2f} at the end.")
    print("Medians (min–max) in seconds, over the iterations; ratio = median ours / median stock, measured side by side in "
          "each iteration (the side that goes first rotates). Timings on a shared machine are noisy: read the ratios.\n")
    print("Ours: default options (runner auto, samples on, coverage on): a plain `dotnet test` also writes TRX and Cobertura "
          "coverage and arms the hang guard. Stock: `dotnet new xunit` (xunit v2, one empty test, collects nothing), its "
          "xunit.runner.visualstudio pin moved from 3.1.4 (not served here) to 3.1.5. The stock project cannot run under "
          "Microsoft.Testing.Platform, and has no fake-time sample.\n")
    if "floor" in rows:
        print("## The floor: a minimal xunit v3 project\n")
        print("One empty test, no settings, coverage, TRX or hang guard: no project template can run faster under `dotnet test`.\n")
        print("| measurement | minimal xunit v3 | stock (VSTest) | ratio | CPU ratio |")
        print("| --- | --- | --- | --- | --- |")
        stock, stock_median = cell(bench.times.get(("vstest", STOCK), []))
        _, stock_cpu = cell(bench.cpu.get(("vstest", STOCK), []))
        for runner in ("VSTest", "MTP"):
            floor, floor_median = cell(bench.times.get(("floor", runner), []))
            _, floor_cpu = cell(bench.cpu.get(("floor", runner), []))
            ratio = f"{floor_median / stock_median:.2f}" if floor_median and stock_median else "—"
            cpu_ratio = f"{floor_cpu / stock_cpu:.2f}" if floor_cpu and stock_cpu else "—"
            print(f"| warm `dotnet test --no-build`, {runner} | {floor} | {stock} | {ratio} | {cpu_ratio} |")
        print()
    for template in templates:
        print(f"## {template}\n")
        print("| measurement | ours | stock | ours/stock | floor of the runner | ours/floor |")
        print("| --- | --- | --- | --- | --- | --- |")
        for row, label in ROWS:
            if row not in rows or row == "floor":
                continue
            ours, ours_median = cell(bench.times.get((row, template), []))
            stock, stock_median = cell(bench.times.get((STOCK_ROW_FOR.get(row, row), STOCK), []))
            ratio = f"{ours_median / stock_median:.2f}" if ours_median is not None and stock_median else "—"
            if row in STOCK_ROW_FOR and stock_median:
                stock += " (VSTest)"
            floor, floor_median = cell(bench.times.get(("floor", FLOOR_ROW_FOR.get(row, "")), []))
            floor_ratio = f"{ours_median / floor_median:.2f}" if ours_median is not None and floor_median else "—"
            if floor_median:
                floor += f" ({FLOOR_ROW_FOR[row]})"
            else:
                floor = "—"
            if row == "fake":
                name, simulated = FAKE_TIME_SAMPLES[template]
                label += f": `{name}`, {simulated // 60} simulated minutes"
            print(f"| {label} | {ours} | {stock} | {ratio} | {floor} | {floor_ratio} |")
        print()
        split = {row: cell(bench.times.get((row, template), []))[1] for row in ("mtp", "nosamples", "machinery", "eval")}
        floors = {name: cell(bench.times.get(("floor", name), []))[1] for name in ("MTP", "MTP evaluation")}
        if None not in split.values() and None not in floors.values():
            print("Where the time above the Microsoft.Testing.Platform floor goes (differences of the medians above, seconds):\n")
            print(f"- the samples (mtp − nosamples): {split['mtp'] - split['nosamples']:+.3f}")
            print(f"- the run-time parts: run and hang guards, TRX, session timeout, zero-test explainer (nosamples − machinery): "
                  f"{split['nosamples'] - split['machinery']:+.3f}")
            print(f"- the project SDK and the packages by being there (machinery − floor): {split['machinery'] - floors['MTP']:+.3f}, "
                  f"of which evaluating the project (eval − the floor's): {split['eval'] - floors['MTP evaluation']:+.3f}")
            print()
        ci = {row: cell(bench.times.get((row, template), []))[1] for row in ("vstest", "ci", "cinone", "mtp", "cimtp", "cimtpnone")}
        if None not in ci.values():
            print("What coverage in CI costs (differences of the medians above, seconds):\n")
            print(f"- VSTest: {ci['ci'] - ci['vstest']:+.3f} in all: coverlet's data collector running and instrumenting nothing "
                  f"(cinone − vstest) {ci['cinone'] - ci['vstest']:+.3f}, instrumenting and the report (ci − cinone) {ci['ci'] - ci['cinone']:+.3f}")
            print(f"- Microsoft.Testing.Platform: {ci['cimtp'] - ci['mtp']:+.3f} in all: coverlet.MTP's second process instrumenting nothing "
                  f"(cimtpnone − mtp) {ci['cimtpnone'] - ci['mtp']:+.3f}, instrumenting and the report (cimtp − cimtpnone) {ci['cimtp'] - ci['cimtpnone']:+.3f}")
            print()
        cpu_rows = [(row, label) for row, label in ROWS if row in rows and (row, template) in bench.cpu]
        if cpu_rows:
            print("CPU seconds (user + system, whole process tree) of the same runs:\n")
            print("| measurement | ours | stock | ours/stock | ours/floor of the runner |")
            print("| --- | --- | --- | --- | --- |")
            for row, label in cpu_rows:
                ours, ours_median = cell(bench.cpu.get((row, template), []))
                stock, stock_median = cell(bench.cpu.get((STOCK_ROW_FOR.get(row, row), STOCK), []))
                ratio = f"{ours_median / stock_median:.2f}" if ours_median is not None and stock_median else "—"
                if row in STOCK_ROW_FOR and stock_median:
                    stock += " (VSTest)"
                _, floor_median = cell(bench.cpu.get(("floor", FLOOR_ROW_FOR.get(row, "")), []))
                floor_ratio = f"{ours_median / floor_median:.2f} ({FLOOR_ROW_FOR[row]})" if ours_median is not None and floor_median else "—"
                print(f"| {label} | {ours} | {stock} | {ratio} | {floor_ratio} |")
            print()


if __name__ == "__main__":
    main()
