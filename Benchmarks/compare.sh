#!/usr/bin/env bash
# Times MentorMatch against OR-Tools, HiGHS and GLPK on the minimum-cost flow problems it exports, and checks that
# every solver finds MentorMatch's optimum. Prepares the machine (GNU time, the release build, a Python virtual
# environment), then hands over to compare.py. See --help.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: Benchmarks/compare.sh [options]

For each size and density: `mentormatch generate --mentees N --mentors M --seed 2024`, `mentormatch match ...` under
/usr/bin/time -v, a second untimed run with `--export-flow`, then every exported stage solved by OR-Tools, HiGHS and
GLPK, whose objectives must equal MentorMatch's. Prints a markdown table and writes it to WORK/compare-DATE.md; exits 1 if an objective differs.

Options:
  --sizes LIST       young people per run, comma-separated (default 1000,10000,50000,200000; 1000 with --ci)
  --density LIST     candidate mentors per young person, comma-separated (default 50, the generator's own mix;
                     100 generates twice the mentors): every size runs at every density
  --time-limit S     seconds per HiGHS or GLPK solve and per stable matching (default 120)
  --solvers LIST     some of ortools,highs,glpk (default: all three)
  --work DIR         inputs, outputs, the virtual environment and reports (default .build/benchmarks)
  --no-build         use the existing .build/release/mentormatch instead of building it
  --mm PATH          use this mentormatch binary (implies --no-build)
  --ci               quick and strict: size 1000 unless --sizes is given, and every solve must finish in time
  -h, --help         this text
EOF
}

die() {
    echo "compare.sh: $*" >&2
    exit 1
}

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# The command line for the report, quoted only where a shell needs it.
quote() {
    if [[ "$1" =~ ^[A-Za-z0-9_./,=:+-]+$ ]]; then printf '%s' "$1"; else printf '%q' "$1"; fi
}
COMMAND="$(quote "$0")"
for argument in "$@"; do COMMAND+=" $(quote "$argument")"; done
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES=""
DENSITIES=50
TIME_LIMIT=120
SOLVERS=ortools,highs,glpk
WORK="$ROOT/.build/benchmarks"
BUILD=yes
MM="$ROOT/.build/release/mentormatch"
STRICT=()

while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) SIZES="${2:?--sizes needs a list such as 1000,10000}"; shift 2 ;;
        --density) DENSITIES="${2:?--density needs a list such as 50,100}"; shift 2 ;;
        --time-limit) TIME_LIMIT="${2:?--time-limit needs seconds}"; shift 2 ;;
        --solvers) SOLVERS="${2:?--solvers needs a list such as ortools,highs}"; shift 2 ;;
        --work) WORK="${2:?--work needs a directory}"; shift 2 ;;
        --no-build) BUILD=no; shift ;;
        --mm) MM="${2:?--mm needs a path}"; BUILD=no; shift 2 ;;
        --ci) STRICT=(--strict); shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; die "unknown option '$1'" ;;
    esac
done
if [ -z "$SIZES" ]; then
    if [ ${#STRICT[@]} -gt 0 ]; then SIZES=1000; else SIZES=1000,10000,50000,200000; fi
fi
[[ "$SIZES" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--sizes takes numbers separated by commas, such as 1000,10000"
[[ "$DENSITIES" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--density takes numbers separated by commas, such as 50,100"

if [ ! -x /usr/bin/time ]; then
    echo "Installing Debian's time package for /usr/bin/time" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi

if [ "$BUILD" = yes ]; then
    echo "Building the release mentormatch" >&2
    make -C "$ROOT" --no-print-directory deps  # GLPK's headers, which the build needs
    (cd "$ROOT" && swift build -c release --product mentormatch)
fi
[ -x "$MM" ] || die "no mentormatch binary at $MM (build it, or drop --no-build)"
MM="$(cd "$(dirname "$MM")" && pwd)/$(basename "$MM")"

mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
VENV="$WORK/venv"
REQUIREMENTS="$ROOT/Benchmarks/requirements.txt"
"$ROOT/Tests/Support/python_venv.sh" "$VENV" "$REQUIREMENTS" || die "the Python environment in $VENV could not be set up"

exec "$VENV/bin/python" "$ROOT/Benchmarks/compare.py" run --mm "$MM" --work "$WORK" --sizes "$SIZES" --densities "$DENSITIES" \
    --time-limit "$TIME_LIMIT" --solvers "$SOLVERS" "${STRICT[@]}" --command "$COMMAND"
