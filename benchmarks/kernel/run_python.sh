#!/usr/bin/env bash
# Python side of the shared kernel benchmark (benchmarks/kernel/SPEC.md).
#
#   bash benchmarks/kernel/run_python.sh [--mesa-steps T] [--seed S] [--check]
#
# Creates (or reuses) the venv benchmarks/.venv, installs requirements.txt into it, then runs
# NumPy at 10,000 and 100,000 firms and Mesa at 10,000 and 100,000 firms, 100 steps each, one
# after another (never in parallel), and prints one JSON line per run on stdout.
#
#   --mesa-steps T  run the Mesa model for T < 100 steps only (if 100 steps take too long); the
#                   JSON line then has "steps": T (what actually ran), ns_per_firm_step measured
#                   on those T steps, and "extrapolated_seconds" for 100 steps.
#   --seed S        RNG seed for every run (default 1).
#   --check         first run crosscheck.py (exact + statistical agreement, SPEC.md section 5).
#
# Environment: PYTHON (default python3) is the interpreter the venv is made from.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/../.venv"
steps=100
mesa_steps=100
seed=1
check=0
while [ $# -gt 0 ]; do
  case "$1" in
    --mesa-steps) mesa_steps="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --check) check=1; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "run_python.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [ ! -x "$venv/bin/python" ]; then
  "${PYTHON:-python3}" -m venv "$venv" || {
    echo "run_python.sh: could not create $venv (on Debian: apt-get install python3-venv)" >&2
    exit 1
  }
fi
# Reinstall only when requirements.txt changed since the last successful install.
stamp="$venv/.kernel-requirements.sha256"
want="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt" >&2
  echo "$want" > "$stamp"
fi
py="$venv/bin/python"

{
  echo "# python: $("$py" --version 2>&1); nproc: $(nproc); $(lscpu | grep 'Model name' | tr -s ' ')"
} >&2

cd "$here"
if [ "$check" = 1 ]; then
  "$py" crosscheck.py >&2
fi
for n in 10000 100000; do
  "$py" numpy_kernel.py --firms "$n" --steps "$steps" --seed "$seed"
done
for n in 10000 100000; do
  "$py" mesa_kernel.py --firms "$n" --steps "$mesa_steps" --seed "$seed" --report-steps "$steps"
done
