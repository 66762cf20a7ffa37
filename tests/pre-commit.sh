#!/usr/bin/env bash
# The pre-commit hook of .pre-commit-hooks.yaml, tried with the real
# pre-commit (from PyPI, in a throw-away virtual environment) the way a team
# uses it: a git repository with a .pre-commit-config.yaml that points at
# this checkout, one bad and one good execution-parameter file. Checks that
# the hook fails on the bad file with its diagnostic and passes on the good
# one, through `pre-commit run` and `git commit` (a config with `repo:` and
# `rev:`), and through `pre-commit try-repo` (the working tree, with its
# uncommitted changes to tracked files).
#
# Usage: tests/pre-commit.sh   (from anywhere; needs python3, git, cargo)
# PRE_COMMIT: a pre-commit executable to use instead of installing one.
# CARGO_TARGET_DIR: where pre-commit's `cargo install` builds (default:
# target/pre-commit of this checkout, so that a second run reuses the build).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$repo/target/pre-commit}
# pre-commit keeps its clones and built hooks here: a clean slate each run.
export PRE_COMMIT_HOME=$work/cache

fail() {
  echo "pre-commit test FAILED: $*" >&2
  exit 1
}

if [ -n "${PRE_COMMIT:-}" ]; then
  pre_commit=$PRE_COMMIT
else
  echo "-- installing pre-commit from PyPI into a virtual environment"
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
  pre_commit=$work/venv/bin/pre-commit
fi
"$pre_commit" --version

# The hook is pinned to a commit: this checkout's HEAD.
rev=$(git -C "$repo" rev-parse HEAD)

project=$work/project
mkdir -p "$project/params"
cd "$project"
git init --quiet
git config user.email ci@example.invalid
git config user.name ci
git config commit.gpgsign false
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: coc-lint
YAML
cat > params/good.json <<'JSON'
{"timeout": 300, "success_rate": 99.5, "execute_user": "root"}
JSON
cat > params/bad.json <<'JSON'
{"timeout": 3000, "success_rate": 99.5, "execute_user": "root"}
JSON
git add .pre-commit-config.yaml
git commit --quiet -m config

# `run`: the good file alone passes.
git add params/good.json
echo "-- pre-commit run on the good file (the first run builds the hook)"
if ! out=$("$pre_commit" run 2>&1); then
  echo "$out"
  fail "the hook failed on a good file"
fi
echo "$out"
grep -q '^coc-lint.*Passed$' <<<"$out" || fail "no 'Passed' line for coc-lint"
git commit --quiet -m good || fail "git commit of the good file was refused"

# `run`: the bad file fails with its diagnostic, and blocks the commit.
git add params/bad.json
echo "-- pre-commit run on the bad file"
set +e
out=$("$pre_commit" run 2>&1)
status=$?
set -e
echo "$out"
[ "$status" -eq 1 ] || fail "pre-commit exited with $status on a bad file, not 1"
grep -q '^coc-lint.*Failed$' <<<"$out" || fail "no 'Failed' line for coc-lint"
grep -q 'exit code: 1' <<<"$out" || fail "the hook's exit code is not shown as 1"
grep -q 'params/bad.json:1:13' <<<"$out" || fail "the diagnostic does not point at params/bad.json:1:13"
grep -q 'COC202(timeout-out-of-range)' <<<"$out" || fail "the diagnostic's rule is not named"
grep -q 'Found 1 error, 0 warnings in 1 file.' <<<"$out" || fail "no one-line summary"
if grep -q 'good.json' <<<"$out"; then fail "the good file was reported"; fi
"$pre_commit" install --install-hooks >/dev/null
if git commit --quiet -m bad >/dev/null 2>&1; then
  fail "git commit went through with a bad file staged"
fi

# `try-repo`: the working tree of this checkout, on every file.
echo "-- pre-commit try-repo on all files"
set +e
out=$("$pre_commit" try-repo "$repo" coc-lint --all-files 2>&1)
status=$?
set -e
echo "$out"
[ "$status" -eq 1 ] || fail "try-repo exited with $status on a bad file, not 1"
grep -q 'params/bad.json:1:13' <<<"$out" || fail "try-repo: no diagnostic for params/bad.json"
grep -q 'Found 1 error, 0 warnings in 2 files.' <<<"$out" || fail "try-repo: not one summary for both files"

# Fixed: the commit goes through (the hook built for the config is reused).
sed -i 's/3000/300/' params/bad.json
git add params/bad.json
echo "-- git commit once the bad file is fixed"
out=$(git commit -m fixed 2>&1) || { echo "$out"; fail "git commit of the fixed file was refused"; }
echo "$out"
grep -q '^coc-lint.*Passed$' <<<"$out" || fail "the hook did not run on the commit"

echo "pre-commit test passed"
