"""Validates MentorMatch's JSON files against the schemas in Sources/MentorMatchFormats/Schemas.

usage: check_schemas.py SCHEMA_DIR README_DOCUMENT TEST_OUTPUT_DIR

- every schema is itself a valid JSON Schema (draft 2020-12);
- the README's example input document satisfies input.schema.json;
- every result.json, plan.json and sessions.json that the CLI end-to-end tests wrote (copied under TEST_OUTPUT_DIR by
  Tests/MentorMatchCLITests/CLIRunner.swift) satisfies its schema, and there is at least one of each, so that the
  check cannot pass on nothing;
- every key in those files is snake_case (the schemas close every object, so this also holds for keys they name);
- deliberately broken copies (a camelCase key, a missing key, a number as text) are rejected, so that the check
  itself is known to fail when a schema is violated.
"""
import copy
import json
import pathlib
import re
import sys

from jsonschema import Draft202012Validator

SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")
KINDS = {"result.json": "result.schema.json", "plan.json": "plan.schema.json", "sessions.json": "sessions.schema.json"}


def validator(schema_dir: pathlib.Path, name: str) -> Draft202012Validator:
    schema = json.loads((schema_dir / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def problems(checker: Draft202012Validator, document) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}"
            for error in sorted(checker.iter_errors(document), key=lambda error: list(map(str, error.absolute_path)))]


def non_snake_keys(value, path="") -> list[str]:
    found = []
    if isinstance(value, dict):
        for key, child in value.items():
            if not SNAKE.match(key):
                found.append(f"{path}.{key}")
            found += non_snake_keys(child, f"{path}.{key}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += non_snake_keys(child, f"{path}[{index}]")
    return found


def must_reject(checker: Draft202012Validator, document, what: str) -> None:
    if not problems(checker, document):
        sys.exit(f"check_schemas.py: the schema accepted a broken document ({what}); the check would not catch it")


def main() -> None:
    schema_dir, readme_document, test_output = (pathlib.Path(argument) for argument in sys.argv[1:4])
    failures = []
    input_checker = validator(schema_dir, "input.schema.json")
    document = json.loads(readme_document.read_text(encoding="utf-8"))
    failures += [f"{readme_document}: {problem}" for problem in problems(input_checker, document)]

    counts = {kind: 0 for kind in KINDS}
    checkers = {kind: validator(schema_dir, schema) for kind, schema in KINDS.items()}
    samples = {}
    for kind in KINDS:
        for path in sorted(test_output.rglob(kind)):
            counts[kind] += 1
            content = json.loads(path.read_text(encoding="utf-8"))
            samples.setdefault(kind, content)
            failures += [f"{path}: {problem}" for problem in problems(checkers[kind], content)]
            failures += [f"{path}: key {key} is not snake_case" for key in non_snake_keys(content)]
    missing = [kind for kind, count in counts.items() if count == 0]
    if missing:
        failures.append(f"{test_output}: the end-to-end tests wrote no {', '.join(missing)} (run swift test first)")

    # The check must fail on violations: broken copies of real files must be rejected.
    broken = copy.deepcopy(document)
    broken["mentors"][0]["capacity"] = "two"
    must_reject(input_checker, broken, "a mentor's capacity as text")
    broken = copy.deepcopy(document)
    broken["mentees"][0]["maxTravelKm"] = 5
    must_reject(input_checker, broken, "an unknown camelCase key in a mentee")
    if "result.json" in samples:
        broken = copy.deepcopy(samples["result.json"])
        broken["summary"]["idleMentors"] = broken["summary"].pop("idle_mentors")
        must_reject(checkers["result.json"], broken, "result.json with summary.idleMentors")
    if "plan.json" in samples:
        broken = copy.deepcopy(samples["plan.json"])
        broken["variants"][0]["unmatched_by_place"] = {"Ogre": 1}
        must_reject(checkers["plan.json"], broken, "plan.json with a map keyed by place")
    if "sessions.json" in samples:
        broken = copy.deepcopy(samples["sessions.json"])
        del broken["programme"]
        must_reject(checkers["sessions.json"], broken, "sessions.json without programme")

    if failures:
        print("\n".join(failures[:50]), file=sys.stderr)
        sys.exit(f"check_schemas.py: {len(failures)} problem(s)")
    print(f"schemas: README input document valid; {counts['result.json']} result.json, {counts['plan.json']} plan.json, "
          f"{counts['sessions.json']} sessions.json from the end-to-end tests valid; broken copies rejected")


if __name__ == "__main__":
    main()
