#!/usr/bin/env python3
"""The pack's test-project templates, found from their template.json: tags.type "project" and the
"Test" classification (item templates and any non-test project template are left out), in name order.
scripts/soak.sh and scripts/benchmark.py use it, so a new project template needs no edit there.
Run on its own, it prints one short name per line."""
import json
import sys
from pathlib import Path

TEMPLATES_ROOT = Path(__file__).resolve().parent.parent / "templates"


def project_templates(root=TEMPLATES_ROOT):
    found = []
    for config in sorted(root.glob("*/.template.config/template.json")):
        template = json.loads(config.read_text(encoding="utf-8"))
        if template.get("tags", {}).get("type") == "project" and "Test" in template.get("classifications", []):
            found.append(template["shortName"])
    return sorted(found)


if __name__ == "__main__":
    names = project_templates()
    if not names:
        sys.exit(f"error: no project template under {TEMPLATES_ROOT}")
    print("\n".join(names))
