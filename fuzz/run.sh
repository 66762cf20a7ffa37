#!/usr/bin/env bash
# Run every fuzz target for SECONDS each (default 60), seeded from fixtures/.
# Usage: bash fuzz/run.sh [SECONDS] [TARGET...]
# Needs cargo-fuzz (`cargo install cargo-fuzz`). cargo fuzz passes nightly
# flags (-Zsanitizer); on a stable toolchain RUSTC_BOOTSTRAP=1 allows them.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load lint report fix)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  # Seed corpus: every fixture (the lint target reads its first byte as options).
  find ../fixtures -type f -name '*.json' | while read -r f; do
    cp "$f" "corpus/$target/seed-$(basename "$f")"
  done
  echo "== $target for ${seconds}s"
  cargo fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 2>&1 \
    | tee "fuzz-$target.log" | grep -E '^#[0-9]+.*(DONE|pulse)|ERROR|panicked|SUMMARY' || true
  grep -E 'stat::number_of_executed_units|Done [0-9]+ runs' "fuzz-$target.log" | tail -1 || true
done
