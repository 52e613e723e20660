#!/usr/bin/env bash
# Regenerates Sources/MentorMatchAPI/Generated from openapi.yaml with swift-openapi-generator's CLI, built once in the
# scratch folder .build-openapi (git-ignored). Run it after editing the document and commit the result; the build
# and CI never run the generator; `make api-test` fails when openapi.yaml changed after the last generation (the
# document's SHA-256, recorded in Generated/openapi.yaml.sha256).
set -euo pipefail
cd "$(dirname "$0")/../.."
GENERATOR_VERSION=1.14.3
SOURCE=.build-openapi/swift-openapi-generator
if [ ! -d "$SOURCE" ]; then
    git clone -q --branch "$GENERATOR_VERSION" https://github.com/apple/swift-openapi-generator "$SOURCE"
fi
swift build --package-path "$SOURCE" --product swift-openapi-generator >&2
rm -rf Sources/MentorMatchAPI/Generated
"$SOURCE/.build/debug/swift-openapi-generator" generate \
    --config Sources/MentorMatchAPI/openapi-generator-config.yaml \
    --output-directory Sources/MentorMatchAPI/Generated \
    Sources/MentorMatchAPI/openapi.yaml >&2
# The generator splits the types into eight files, each with the same imports; below Swift 6.4 (which honours the
# generator's @diagnose guards) a file that uses no Date warns that its import is unused. One file uses them all.
GENERATED=Sources/MentorMatchAPI/Generated
HEADER_LINES=$(grep -n '^package import struct Foundation.Date$' "$GENERATED/Types.swift" | cut -d: -f1)
for part in Components Operations Components+Schemas Components+Parameters Components+RequestBodies \
    Components+Responses Components+Headers; do
    tail -n "+$((HEADER_LINES + 1))" "$GENERATED/Types+$part.swift" >> "$GENERATED/Types.swift"
    rm "$GENERATED/Types+$part.swift"
done
sha256sum Sources/MentorMatchAPI/openapi.yaml | cut -d' ' -f1 > Sources/MentorMatchAPI/Generated/openapi.yaml.sha256
