#!/usr/bin/env bash
# Packs this checkout's packages (the templates and the runtime packages: settings, core library,
# hosting, ASP.NET Core; docs/packages.md) with a version of their own into <folder>/packages, and writes
# <folder>/nuget.config naming that folder as a package source beside the machine's own, so every
# project created under <folder> restores the runtime packages as packed here.
# The version is unique per call: the global package cache keeps the first copy of a version, so a
# library repacked under the same version would never reach a restore. Prints the version.
# Used by scripts/soak.sh and scripts/benchmark.py.
set -euo pipefail
folder=${1:?usage: scripts/pack-local.sh <folder>}
repo=$(cd "$(dirname "$0")/.." && pwd)
base=$(dotnet run --project "$repo/tools/TemplateAuthoring" -c Release -v q -- versions "$repo/build/Versions.props" AsyncTestTemplatesVersion)
version="$base-local.$(date -u +%Y%m%d%H%M%S).$$"
mkdir -p "$folder/packages"
dotnet pack "$repo/AsyncTestTemplates.csproj" -c Release -o "$folder/packages" -nologo -v q \
  "-p:AsyncTestTemplatesVersion=$version" >&2
cat > "$folder/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="AsyncTestTemplates (packed by scripts/pack-local.sh)" value="packages" />
  </packageSources>
</configuration>
XML
echo "$version"
