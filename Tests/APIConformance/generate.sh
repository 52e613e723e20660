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
sha256sum Sources/MentorMatchAPI/openapi.yaml | cut -d' ' -f1 > Sources/MentorMatchAPI/Generated/openapi.yaml.sha256
