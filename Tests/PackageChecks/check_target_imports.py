#!/usr/bin/env python3
"""Package.swift declares exactly the modules each Swift target imports.

For every target of `swift package dump-package` with Swift sources, compares the modules its files import
(`import X`, `@_exported import X`, `@testable import X`) with its declared dependencies (targets by name,
products by their module name). Reports a module imported but not declared (it builds today only because another
dependency drags it in) and a dependency declared but never imported. Toolchain modules are not dependencies.
Run by `make test`; exits 1 with one line per problem.
"""
import json
import pathlib
import re
import subprocess
import sys

TOOLCHAIN = {"Foundation", "FoundationEssentials", "FoundationNetworking", "FoundationXML", "Testing", "XCTest", "Dispatch", "Glibc",
             "Musl", "Darwin", "Synchronization", "RegexBuilder", "_Concurrency", "os"}
IMPORT = re.compile(r"^\s*(?:@_exported\s+|@testable\s+|@preconcurrency\s+|@_spi\(\w+\)\s+|public\s+|package\s+|internal\s+)*import\s+(?:(?:struct|class|enum|protocol|func|var|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)", re.M)


def declared(target):
    names = set()
    for dependency in target["dependencies"]:
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                names.add(dependency[kind][0])
    return names


def imported(directory, excluded):
    modules = set()
    for file in directory.rglob("*.swift"):
        if any(part in excluded for part in file.relative_to(directory).parts):
            continue
        modules |= set(IMPORT.findall(file.read_text(encoding="utf-8")))
    return modules - TOOLCHAIN


def problems(name, imports, dependencies):
    found = [f"{name} imports {module} but Package.swift does not declare it" for module in sorted(imports - dependencies)]
    found += [f"{name} declares {module} but never imports it" for module in sorted(dependencies - imports)]
    return found


def self_test():
    """The comparison finds both kinds of problem (so that a silent check cannot pass for a clean package)."""
    assert problems("X", {"A", "B"}, {"B", "C"}) == ["X imports A but Package.swift does not declare it",
                                                    "X declares C but never imports it"]
    assert problems("X", {"A"}, {"A"}) == []
    assert IMPORT.findall("@_exported import Matching\n@testable import Planning\nimport struct Foo.Bar\n") == \
        ["Matching", "Planning", "Foo"]
    # swift-openapi-generator's output: `@_spi(Generated) package import OpenAPIRuntime`.
    assert IMPORT.findall("@_spi(Generated) package import OpenAPIRuntime\npackage import struct Foundation.Data\n") == \
        ["OpenAPIRuntime", "Foundation"]


def main():
    self_test()
    root = pathlib.Path(__file__).resolve().parents[2]
    dump = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=root, check=True,
                                     capture_output=True, text=True).stdout)
    found = []
    for target in dump["targets"]:
        if target["type"] == "system":
            continue
        base = "Tests" if target["type"] == "test" else "Sources"
        directory = root / (target.get("path") or f"{base}/{target['name']}")
        if not any(directory.rglob("*.swift")):
            continue  # C and C++ targets: their includes are checked by the compiler
        found += problems(target["name"], imported(directory, set(target.get("exclude", []))), declared(target))
    for line in found:
        print(f"Package.swift: {line}")
    if found:
        sys.exit(1)
    print(f"Package.swift: every Swift target declares exactly what it imports ({len(dump['targets'])} targets)")


if __name__ == "__main__":
    main()
