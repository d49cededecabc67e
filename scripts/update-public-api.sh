#!/usr/bin/env bash
# Adds every public symbol the build reports as undeclared (RS0016) to PublicAPI.Unshipped.txt of
# each runtime library package (AsyncTestTemplates.Testing, .Hosting, .AspNetCore; or only the ones
# named: scripts/update-public-api.sh AsyncTestTemplates.Testing.Hosting): run it after a deliberate
# API change, then review the diff.
set -euo pipefail
src="$(dirname "$0")/../src"
if [ $# -gt 0 ]; then
  packages=("$@")
else
  packages=()
  for project in "$src"/*/PublicAPI.Unshipped.txt; do packages+=("$(basename "$(dirname "$project")")"); done
fi
for package in "${packages[@]}"; do
  project="$src/$package"
  unshipped="$project/PublicAPI.Unshipped.txt"
  [ -f "$unshipped" ] || { echo "$package: no $unshipped" >&2; exit 1; }
  # RS0016 repeats per target framework: the symbols are the same, sort -u keeps one.
  symbols=$(dotnet build "$project" -nologo 2>&1 | grep -o "RS0016: Symbol '[^']*'" | sed "s/RS0016: Symbol '//;s/'\$//" | sort -u || true)
  if [ -z "$symbols" ]; then
    echo "$package: no undeclared public API"
    continue
  fi
  { cat "$unshipped"; printf '%s\n' "$symbols"; } | { read -r first; echo "$first"; sort -u; } > "$unshipped.new"
  mv "$unshipped.new" "$unshipped"
  echo "$package: added $(printf '%s\n' "$symbols" | wc -l) symbols to $unshipped"
done
