#!/usr/bin/env bash
# Adds every public symbol the build reports as undeclared (RS0016) to PublicAPI.Unshipped.txt of
# the runtime library: run it after a deliberate API change, then review the diff.
set -euo pipefail
project="$(dirname "$0")/../src/AsyncTestTemplates.Testing"
unshipped="$project/PublicAPI.Unshipped.txt"
symbols=$(dotnet build "$project" -nologo 2>&1 | grep -o "RS0016: Symbol '[^']*'" | sed "s/RS0016: Symbol '//;s/'\$//" | sort -u || true)
[ -n "$symbols" ] || { echo "no undeclared public API"; exit 0; }
{ cat "$unshipped"; printf '%s\n' "$symbols"; } | awk 'NR==1 && /^#nullable/ {print; next} {print}' | { read -r first; echo "$first"; sort -u; } > "$unshipped.new"
mv "$unshipped.new" "$unshipped"
echo "added $(printf '%s\n' "$symbols" | wc -l) symbols to $unshipped"
