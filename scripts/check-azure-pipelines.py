#!/usr/bin/env python3
"""Validate an Azure Pipelines YAML file against the public pipeline schema.

usage: check-azure-pipelines.py SCHEMA PIPELINE

SCHEMA is a copy of the schema the Azure Pipelines editor uses (service-schema.json of
microsoft/azure-pipelines-vscode). Azure Pipelines reads every scalar as text, and the schema
types only booleans as such, so numbers are checked as text. A step whose task the schema copy
does not know (a task version newer than the copy) is not an error of the pipeline: it is
listed as "unknown task: NAME@V" and left out; every other step and key is validated.
Prints one line per problem and "N problems"; exits 0 when there are none, 1 otherwise,
3 when Python lacks the yaml or jsonschema module (nothing checked).
"""
import json, re, sys

try:
    import jsonschema, yaml
except ImportError as missing:
    print(f"check-azure-pipelines: python3 module missing ({missing.name}); nothing checked")
    sys.exit(3)


def as_text(node):
    if isinstance(node, dict):
        return {key: as_text(value) for key, value in node.items()}
    if isinstance(node, list):
        return [as_text(value) for value in node]
    if isinstance(node, (int, float)) and not isinstance(node, bool):
        return str(node)
    return node


def known_task_patterns(schema):
    patterns = []

    def walk(node):
        if isinstance(node, dict):
            task = node.get("properties", {}).get("task")
            if isinstance(task, dict) and isinstance(task.get("pattern"), str):
                patterns.append(re.compile(task["pattern"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return patterns


def all_causes(error):
    yield error
    for cause in error.context or []:
        yield from all_causes(cause)


def main(schema_path, pipeline_path):
    with open(schema_path, encoding="utf-8-sig") as f:
        schema = json.load(f)
    with open(pipeline_path, encoding="utf-8") as f:
        pipeline = as_text(yaml.safe_load(f))

    patterns = known_task_patterns(schema)
    unknown = []
    for job in pipeline.get("jobs", []):
        steps = job.get("steps", [])
        kept = []
        for step in steps:
            task = step.get("task") if isinstance(step, dict) else None
            if task is not None and not any(p.match(task) for p in patterns):
                unknown.append(task)
            else:
                kept.append(step)
        job["steps"] = kept

    validator = jsonschema.validators.validator_for(schema)(schema)
    problems = []
    for error in validator.iter_errors(pipeline):
        # The schema's oneOf hides the real cause: report the deepest one.
        deepest = max(all_causes(error), key=lambda e: len(list(e.absolute_path)))
        problems.append(f"{pipeline_path}: {'/'.join(map(str, deepest.absolute_path))}: {deepest.message[:300]}")
    for task in unknown:
        print(f"unknown task: {task}")
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2])
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
