#!/usr/bin/env bash
# coc-lint benchmark: builds the workspace, generates a seeded corpus under
# bench/corpus/ (only when missing or when its parameters changed), then
# measures coc-lint against a serde_json parse-only baseline and checks its
# findings against the corpus manifest. See bench/README.md.
#
# Usage: bash bench/run.sh
# Environment: FILES (10000) RUNS (5) SEED (20240601) NDJSON_MB (200)
#              NDJSON_RUNS (5) STARTUP_RUNS (200) CHECK_NDJSON_MB (5)
#              CG_FILES (2000) CALLGRIND=0 (skip the callgrind figure)
#              COC_LINT (the coc-lint binary; default target/release/coc-lint)
#              BENCH_NO_INSTALL=1 (never apt-get install hyperfine / time)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

FILES=${FILES:-10000}
RUNS=${RUNS:-5}
SEED=${SEED:-20240601}
NDJSON_MB=${NDJSON_MB:-200}
NDJSON_RUNS=${NDJSON_RUNS:-5}
STARTUP_RUNS=${STARTUP_RUNS:-200}
CHECK_NDJSON_MB=${CHECK_NDJSON_MB:-5}
CG_FILES=${CG_FILES:-2000}
CORPUS=$ROOT/bench/corpus
BIN=$ROOT/target/release
GEN=$BIN/gen-corpus
PARSE=$BIN/parse-only
COC=${COC_LINT:-$BIN/coc-lint}

mkdir -p "$CORPUS"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/coc-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
ERRLOG=$CORPUS/last-run.stderr
: >"$ERRLOG"

say() { printf '%s\n' "$*"; }
section() { printf '\n== %s\n' "$*"; }
skip() { printf '  %s: skipped (%s)\n' "$1" "$2"; }

# ------------------------------------------------------------------ tools
maybe_install() { # maybe_install COMMAND DEBIAN_PACKAGE
    command -v "$1" >/dev/null 2>&1 && return 0
    [[ ${BENCH_NO_INSTALL:-0} == 1 || $(id -u) != 0 ]] && return 0
    command -v apt-get >/dev/null 2>&1 || return 0
    say "installing $2 (Debian package; set BENCH_NO_INSTALL=1 to avoid this)"
    apt-get install -y -qq "$2" >/dev/null 2>&1 ||
        { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$2" >/dev/null 2>&1; } ||
        say "  could not install $2; continuing without it"
}
maybe_install hyperfine hyperfine
[[ -x /usr/bin/time ]] || maybe_install /usr/bin/time time
HAVE_TIME=0
[[ -x /usr/bin/time ]] && HAVE_TIME=1

# ------------------------------------------------------------------ build
section "build"
COC_NOTE=""
if cargo build --release --workspace 2>"$TMP/build.log"; then
    say "cargo build --release --workspace: ok"
else
    say "cargo build --release --workspace FAILED (last lines below); building the bench tools alone"
    tail -n 15 "$TMP/build.log" | sed 's/^/  | /'
    cargo build --release -p coc-lint-bench
    if [[ -x $COC ]]; then
        COC_NOTE="(STALE: the workspace did not build; these figures are for the coc-lint binary left by an earlier build, $(date -r "$COC" '+%F %T'))"
        say "WARNING: $COC_NOTE"
    fi
fi
HAVE_COC=0
if [[ -x $COC ]]; then
    HAVE_COC=1
else
    say "${COC#"$ROOT"/} is missing: every coc-lint measurement below is skipped"
fi

# ---------------------------------------------------------------- helpers
# timed CMD...: runs CMD once through bench/measure.py (stdout discarded,
# stderr appended to the error log). Sets LAST_NS (wall time), LAST_CPU_NS
# (user + system), LAST_RSS_KB (peak resident set size, from wait4) and
# LAST_RC (exit status).
timed() {
    read -r LAST_NS LAST_CPU_NS LAST_RSS_KB LAST_RC < <(python3 "$ROOT/bench/measure.py" --stderr "$ERRLOG" -- "$@")
}

# timed_v CMD...: timed, under `/usr/bin/time -v` when it exists, and
# LAST_RSS_KB is then its "Maximum resident set size".
timed_v() {
    if ((HAVE_TIME)); then
        timed /usr/bin/time -v -o "$TMP/time.txt" "$@"
        LAST_RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$TMP/time.txt")
    else
        timed "$@"
    fi
}

# median of integers on the command line
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
ms() { awk -v ns="$1" 'BEGIN {printf "%.1f ms", ns/1e6}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2fx", a/b; else print "n/a"}'; }
row() { printf '  %-44s %11s %11s   %s\n' "$1" "$2" "${3:-}" "${4:-}"; }
info() { printf '  %-14s %s\n' "$1" "$2"; }

# A coc-lint exit status of 0 (clean) or 1 (errors found) is a successful run.
coc_ok() {
    if ((LAST_RC > 1)); then
        say "  WARNING: coc-lint exited with status $LAST_RC (usage or I/O problem); see $ERRLOG"
    fi
}

src_hash() { cat bench/Cargo.toml bench/src/*.rs bench/src/bin/gen-corpus.rs | cksum | cut -d' ' -f1; }
GEN_HASH=$(src_hash)

# fresh STAMPFILE CONTENT: true when the stamp matches (artifact up to date).
fresh() { [[ -f $1 ]] && [[ $(cat "$1") == "$2" ]]; }

# ----------------------------------------------------------------- corpus
section "corpus (seed $SEED) in bench/corpus/"
DIR=$CORPUS/dir
STAMP="files=$FILES seed=$SEED gen=$GEN_HASH"
if fresh "$CORPUS/dir.stamp" "$STAMP" && [[ -f $DIR/manifest.json ]]; then
    say "directory corpus up to date"
else
    rm -rf "$DIR" "$CORPUS/dir.stamp"
    "$GEN" dir --out "$DIR" --files "$FILES" --seed "$SEED"
    printf '%s' "$STAMP" >"$CORPUS/dir.stamp"
fi

NDJSON=$CORPUS/export-${NDJSON_MB}mb.ndjson
STAMP="mb=$NDJSON_MB seed=$SEED gen=$GEN_HASH"
if fresh "$NDJSON.stamp" "$STAMP" && [[ -f $NDJSON.manifest.json ]]; then
    say "NDJSON export up to date"
else
    rm -f "$CORPUS"/export-*mb.ndjson*
    "$GEN" ndjson --out "$NDJSON" --bytes "${NDJSON_MB}M" --seed "$SEED"
    printf '%s' "$STAMP" >"$NDJSON.stamp"
fi

CHECK_NDJSON=$CORPUS/check-${CHECK_NDJSON_MB}mb.ndjson
STAMP="mb=$CHECK_NDJSON_MB seed=$((SEED + 1)) gen=$GEN_HASH"
if fresh "$CHECK_NDJSON.stamp" "$STAMP" && [[ -f $CHECK_NDJSON.manifest.json ]]; then
    say "NDJSON correctness sample up to date"
else
    rm -f "$CORPUS"/check-*mb.ndjson*
    "$GEN" ndjson --out "$CHECK_NDJSON" --bytes "${CHECK_NDJSON_MB}M" --seed "$((SEED + 1))"
    printf '%s' "$STAMP" >"$CHECK_NDJSON.stamp"
fi

BIG=$CORPUS/big-params.json
STAMP="count=10000 seed=$SEED gen=$GEN_HASH"
if fresh "$BIG.stamp" "$STAMP" && [[ -f $BIG.manifest.json ]]; then
    say "big-params document up to date"
else
    "$GEN" big-params --out "$BIG" --count 10000 --seed "$SEED"
    printf '%s' "$STAMP" >"$BIG.stamp"
fi

# The smallest valid execute-param file: the start-up probe.
SMALL=$DIR/$(python3 - "$DIR/manifest.json" "$DIR" <<'EOF'
import json, os, sys
files = json.load(open(sys.argv[1]))["files"]
valid = [f["path"] for f in files if not f["violations"] and f["kind"] == "execute-param"]
print(min(valid, key=lambda p: os.path.getsize(os.path.join(sys.argv[2], p))))
EOF
)

# -------------------------------------------------------- capabilities
COC_J=0
COC_NDJSON=0
COC_SCHEMA=0
if ((HAVE_COC)); then
    if "$COC" check --help 2>/dev/null | grep -qE -- '(^|[ ,])-j\b|--jobs'; then COC_J=1; fi
    printf '%s\n%s\n' \
        '{"timeout":300,"execute_user":"root","success_rate":100}' \
        '{"timeout":1,"execute_user":"root","success_rate":100}' >"$TMP/probe.ndjson"
    rc=0
    "$COC" check --format json "$TMP/probe.ndjson" >"$TMP/probe.json" 2>/dev/null || rc=$?
    if ((rc <= 1)) && python3 - "$TMP/probe.json" <<'EOF'; then COC_NDJSON=1; fi
import json, sys
d = json.load(open(sys.argv[1]))["diagnostics"]
names = {(x.get("name"), x.get("line")) for x in d}
sys.exit(0 if ("timeout-out-of-range", 2) in names and not any(n == "json-syntax-error" for n, _ in names) else 1)
EOF
    if "$COC" schema --help >/dev/null 2>&1; then COC_SCHEMA=1; fi
fi

# ---------------------------------------------------------------- machine
section "machine"
info "date" "$(date '+%F %T %Z')"
info "cores (nproc)" "$(nproc)"
info "CPU" "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
info "load" "$(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
info "memory" "$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
info "rustc" "$(rustc --version | cut -d' ' -f2)"
info "commit" "$(git rev-parse --short HEAD 2>/dev/null || echo none)$(git diff --quiet HEAD -- 2>/dev/null || echo ' (+ uncommitted changes)')"
if ((HAVE_COC)); then info "coc-lint" "$("$COC" --version 2>/dev/null || echo '?') $COC_NOTE"; fi

# CPU use by other processes right now (the load average still counts the
# build above): sample /proc/stat over one second.
cpu_busy_pct() {
    local a b
    a=$(awk '/^cpu / {print $2+$3+$4+$7+$8+$9, $5+$6; exit}' /proc/stat)
    sleep 1
    b=$(awk '/^cpu / {print $2+$3+$4+$7+$8+$9, $5+$6; exit}' /proc/stat)
    awk -v a="$a" -v b="$b" 'BEGIN {split(a, x, " "); split(b, y, " "); busy = y[1] - x[1]; total = busy + y[2] - x[2]; printf "%d", (total > 0) ? 100 * busy / total : 0}'
}
BUSY=$(cpu_busy_pct)
info "busy" "${BUSY}% of the CPUs used by other processes (1 s sample before measuring)"
if ((BUSY > 10)); then
    say "  WARNING: the machine is busy; other processes skew the timings (the cpu columns less so)"
fi

# ------------------------------------------------------------ directory
DIR_BYTES=$(find "$DIR" -name '*.json' ! -name manifest.json -printf '%s\n' | awk '{s+=$1} END {print s}')
section "directory: $FILES files, $(awk -v b="$DIR_BYTES" 'BEGIN {printf "%.1f MB", b/1e6}') (median of $RUNS runs, alternating, after one warm-up run each)"
# name -> space-separated wall and CPU times of the timed runs
declare -A WALL CPU
dir_run() { # dir_run NAME CMD...
    local name=$1
    shift
    timed "$@"
    [[ $name == coc-lint* ]] && coc_ok
    ((r)) || return 0 # warm-up run
    WALL[$name]+=" $LAST_NS"
    CPU[$name]+=" $LAST_CPU_NS"
}
DIR_CMDS=("parse-only -j1" "parse-only -j2")
((HAVE_COC)) && DIR_CMDS+=("coc-lint")
((HAVE_COC && COC_J)) && DIR_CMDS+=("coc-lint -j1" "coc-lint -j2")
for ((r = 0; r <= RUNS; r++)); do
    dir_run "parse-only -j1" "$PARSE" -j1 "$DIR"
    dir_run "parse-only -j2" "$PARSE" -j2 "$DIR"
    if ((HAVE_COC)); then
        dir_run "coc-lint" "$COC" check --format json "$DIR"
        if ((COC_J)); then
            dir_run "coc-lint -j1" "$COC" check --format json -j 1 "$DIR"
            dir_run "coc-lint -j2" "$COC" check --format json -j 2 "$DIR"
        fi
    fi
done
declare -A MW MCPU
row "command" "wall" "cpu" "(medians; cpu = user + system)"
for name in "${DIR_CMDS[@]}"; do
    # shellcheck disable=SC2086 # the lists are space-separated on purpose
    MW[$name]=$(median ${WALL[$name]})
    # shellcheck disable=SC2086
    MCPU[$name]=$(median ${CPU[$name]})
    label=$name
    [[ $name == coc-lint* ]] && label="coc-lint check --format json${name#coc-lint}"
    [[ $name == coc-lint ]] && label+=" (default jobs)"
    row "$label" "$(ms "${MW[$name]}")" "$(ms "${MCPU[$name]}")"
done
cpu_ratio() { ratio "${MCPU[$1]}" "${MCPU[$2]}"; }
MP1=${MW["parse-only -j1"]}
MP2=${MW["parse-only -j2"]}
if ((HAVE_COC)); then
    MC0=${MW["coc-lint"]}
    row "ratio coc-lint / parse-only -j1" "$(ratio "$MC0" "$MP1")" "$(cpu_ratio "coc-lint" "parse-only -j1")"
    row "ratio coc-lint / parse-only -j2" "$(ratio "$MC0" "$MP2")" "$(cpu_ratio "coc-lint" "parse-only -j2")"
    if ((COC_J)); then
        row "ratio coc-lint -j1 / parse-only -j1" "$(ratio "${MW["coc-lint -j1"]}" "$MP1")" \
            "$(cpu_ratio "coc-lint -j1" "parse-only -j1")"
        row "coc-lint speed-up -j1 -> -j2" "$(ratio "${MW["coc-lint -j1"]}" "${MW["coc-lint -j2"]}")"
    else
        skip "coc-lint -j1 / -j2" "coc-lint check has no -j option yet"
    fi
else
    skip "coc-lint" "${COC#"$ROOT"/} missing"
fi
row "parse-only speed-up -j1 -> -j2" "$(ratio "$MP1" "$MP2")"

# -------------------------------------------------------------- start-up
section "start-up: one small file ($(stat -c %s "$SMALL") bytes, ${SMALL#"$ROOT"/})"
if command -v hyperfine >/dev/null 2>&1; then
    cmds=("$PARSE $SMALL")
    ((HAVE_COC)) && cmds+=("$COC check $SMALL")
    hyperfine -N -i --warmup 20 --runs "$STARTUP_RUNS" --export-json "$TMP/startup.json" \
        "${cmds[@]}" >/dev/null 2>>"$ERRLOG"
    mapfile -t SU < <(python3 - "$TMP/startup.json" <<'EOF'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(int(r["median"] * 1e9))
EOF
    )
    method="median of $STARTUP_RUNS runs (hyperfine -N)"
else
    # Fallback: mean over a loop (one date call per loop, not per run).
    SU=()
    progs=("$PARSE")
    ((HAVE_COC)) && progs+=("$COC check")
    for prog in "${progs[@]}"; do
        start=$(date +%s%N)
        for ((i = 0; i < STARTUP_RUNS; i++)); do $prog "$SMALL" >/dev/null 2>&1 || true; done
        end=$(date +%s%N)
        SU+=($(((end - start) / STARTUP_RUNS)))
    done
    method="mean of $STARTUP_RUNS runs (shell loop; hyperfine not installed)"
fi
row "parse-only FILE" "$(ms "${SU[0]}")" "" "$method"
if ((HAVE_COC)); then
    row "coc-lint check FILE" "$(ms "${SU[1]}")"
    row "ratio coc-lint / parse-only" "$(ratio "${SU[1]}" "${SU[0]}")"
else
    skip "coc-lint check FILE" "${COC#"$ROOT"/} missing"
fi

# ---------------------------------------------------------------- NDJSON
NDJSON_BYTES=$(stat -c %s "$NDJSON")
NDJSON_LINES=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["lines"])' "$NDJSON.manifest.json")
section "NDJSON export: $(awk -v b="$NDJSON_BYTES" 'BEGIN {printf "%.1f MB", b/1e6}'), $NDJSON_LINES documents (median of $NDJSON_RUNS runs; MB = 10^6 bytes)"
((HAVE_TIME)) || say "  (/usr/bin/time missing: peak RSS taken from wait4 instead of time -v)"
P=() C=() PC=() CC=()
P_RSS=0 C_RSS=0
for ((r = 0; r < NDJSON_RUNS; r++)); do
    timed_v "$PARSE" --ndjson "$NDJSON"
    P+=("$LAST_NS")
    PC+=("$LAST_CPU_NS")
    ((${LAST_RSS_KB:-0} > P_RSS)) && P_RSS=$LAST_RSS_KB
    if ((HAVE_COC && COC_NDJSON)); then
        timed_v "$COC" check --format json "$NDJSON"
        coc_ok
        C+=("$LAST_NS")
        CC+=("$LAST_CPU_NS")
        ((${LAST_RSS_KB:-0} > C_RSS)) && C_RSS=$LAST_RSS_KB
    fi
done
mbps() { awk -v b="$NDJSON_BYTES" -v ns="$1" 'BEGIN {printf "%.0f MB/s", b/1e6/(ns/1e9)}'; }
rss() { awk -v kb="$1" 'BEGIN {printf "%.1f MiB", kb/1024}'; }
cpu_ms() { ms "$(median "$@")"; }
MP=$(median "${P[@]}")
row "command" "wall" "cpu" "(medians; cpu = user + system)"
row "parse-only --ndjson" "$(ms "$MP")" "$(cpu_ms "${PC[@]}")" "$(mbps "$MP"), max RSS $(rss "$P_RSS")"
if ((HAVE_COC && COC_NDJSON)); then
    MC=$(median "${C[@]}")
    row "coc-lint check --format json FILE.ndjson" "$(ms "$MC")" "$(cpu_ms "${CC[@]}")" "$(mbps "$MC"), max RSS $(rss "$C_RSS")"
    row "ratio coc-lint / parse-only" "$(ratio "$MC" "$MP")" "$(ratio "$(median "${CC[@]}")" "$(median "${PC[@]}")")"
elif ((HAVE_COC)); then
    skip "coc-lint on NDJSON" "coc-lint does not read .ndjson one document per line yet"
else
    skip "coc-lint on NDJSON" "${COC#"$ROOT"/} missing"
fi

# ------------------------------------------------------------ big params
section "one ScriptExecuteParam with 10,000 script_params ($(awk -v b="$(stat -c %s "$BIG")" 'BEGIN {printf "%.0f KB", b/1e3}'))"
BP=() BPC=() BC=() BCC=()
for ((r = 0; r < RUNS; r++)); do
    timed "$PARSE" "$BIG"
    BP+=("$LAST_NS") BPC+=("$LAST_CPU_NS")
    if ((HAVE_COC)); then
        timed "$COC" check --format json "$BIG"
        coc_ok
        BC+=("$LAST_NS") BCC+=("$LAST_CPU_NS")
    fi
done
row "command" "wall" "cpu" "(medians of $RUNS runs)"
row "parse-only" "$(ms "$(median "${BP[@]}")")" "$(cpu_ms "${BPC[@]}")"
if ((HAVE_COC)); then
    row "coc-lint check --format json" "$(ms "$(median "${BC[@]}")")" "$(cpu_ms "${BCC[@]}")" "max RSS $(rss "$LAST_RSS_KB")"
    "$COC" check --format json "$BIG" >"$TMP/big.json" 2>>"$ERRLOG" || true
    python3 "$ROOT/bench/compare.py" single "$BIG.manifest.json" "$TMP/big.json" "$BIG" || true
else
    skip "coc-lint" "${COC#"$ROOT"/} missing"
fi

# ----------------------------------------------------------- correctness
section "correctness against the manifests"
if ((HAVE_COC)); then
    say "directory ($FILES files):"
    "$COC" check --format json "$DIR" >"$TMP/dir.json" 2>>"$ERRLOG" || true
    python3 "$ROOT/bench/compare.py" dir "$DIR/manifest.json" "$TMP/dir.json" "$DIR" || true
    if ((COC_NDJSON)); then
        say "NDJSON sample ($CHECK_NDJSON_MB MB, one document per line):"
        "$COC" check --format json "$CHECK_NDJSON" >"$TMP/ndjson.json" 2>>"$ERRLOG" || true
        python3 "$ROOT/bench/compare.py" ndjson "$CHECK_NDJSON.manifest.json" "$TMP/ndjson.json" "$CHECK_NDJSON" || true
    else
        skip "NDJSON correctness" "coc-lint does not read .ndjson one document per line yet"
    fi
else
    skip "correctness" "${COC#"$ROOT"/} missing"
fi

# ------------------------------------------------------------- callgrind
# Instructions executed (callgrind's Ir) do not depend on the load of the
# machine: a second figure beside the timings. CALLGRIND=0 skips it.
section "instructions (callgrind): ${CG_FILES} files, -j1, seed $SEED"
if [[ ${CALLGRIND:-1} == 0 ]]; then
    skip "callgrind" "CALLGRIND=0"
elif ! command -v valgrind >/dev/null 2>&1; then
    skip "callgrind" "valgrind not installed"
else
    CG_DIR=$CORPUS/cg-dir
    STAMP="files=$CG_FILES seed=$SEED gen=$GEN_HASH"
    if ! fresh "$CORPUS/cg-dir.stamp" "$STAMP" || [[ ! -f $CG_DIR/manifest.json ]]; then
        rm -rf "$CG_DIR" "$CORPUS/cg-dir.stamp"
        "$GEN" dir --out "$CG_DIR" --files "$CG_FILES" --seed "$SEED" >/dev/null
        printf '%s' "$STAMP" >"$CORPUS/cg-dir.stamp"
    fi
    # instructions CMD...: Ir of the whole process, from callgrind's summary.
    instructions() {
        valgrind --tool=callgrind --callgrind-out-file="$TMP/callgrind.out" "$@" \
            >/dev/null 2>"$TMP/callgrind.err" || true
        awk '/Collected :/ {print $NF}' "$TMP/callgrind.err"
    }
    IP=$(instructions "$PARSE" -j1 "$CG_DIR")
    row "parse-only -j1 DIR" "$(awk -v n="$IP" 'BEGIN {printf "%.1f M", n/1e6}')" "" "instructions"
    if ((HAVE_COC)); then
        IC=$(instructions "$COC" check --format json -j 1 "$CG_DIR")
        row "coc-lint check --format json -j 1 DIR" "$(awk -v n="$IC" 'BEGIN {printf "%.1f M", n/1e6}')"
        row "ratio coc-lint / parse-only" "$(ratio "$IC" "$IP")"
    else
        skip "coc-lint" "${COC#"$ROOT"/} missing"
    fi
fi

# ------------------------------------------------------------ jsonschema
section "jsonschema-cli"
# The Rust CLI installs as `jsonschema` (cargo install) or `jsonschema-cli`
# (release tarballs); Python's jsonschema package also has a `jsonschema`.
JS=$(command -v jsonschema-cli || command -v jsonschema || true)
if [[ -z $JS ]]; then
    skip "jsonschema-cli" "not installed"
elif [[ $(head -c 4 "$JS" | tr -d '\0') != $'\x7fELF' ]]; then
    skip "jsonschema-cli" "not installed; the jsonschema on PATH ($JS) is the Python jsonschema CLI, not jsonschema-cli"
elif ((!HAVE_COC)); then
    skip "jsonschema-cli" "${COC#"$ROOT"/} missing"
elif ((!COC_SCHEMA)); then
    skip "jsonschema-cli" "coc-lint has no schema command yet"
else
    "$COC" schema >"$TMP/schema.json"
    mapfile -t instances < <(find "$DIR" -name '*.json' ! -name manifest.json | sort)
    args=()
    for f in "${instances[@]}"; do args+=(-i "$f"); done
    js=("$JS")
    "$JS" validate --help >/dev/null 2>&1 && js+=(validate)
    T=()
    for ((r = 0; r < RUNS; r++)); do
        timed "${js[@]}" "$TMP/schema.json" "${args[@]}"
        T+=("$LAST_NS")
    done
    MJ=$(median "${T[@]}")
    row "jsonschema-cli with coc-lint schema ($FILES files)" "$(ms "$MJ")"
    ((HAVE_COC)) && row "ratio jsonschema-cli / coc-lint" "$(ratio "$MJ" "$MC0")"
fi

say ""
say "load at the end: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
[[ -s $ERRLOG ]] && say "(stderr of the measured commands: ${ERRLOG#"$ROOT"/})"
say "done in ${SECONDS}s"
