#!/usr/bin/env bash
# Fetches ONNX's per-operator backend tests (the "node" tests) for nn/tests/onnx_node.rs.
#
#   nn/tests/fetch-onnx-node-tests.sh DEST
#
# onnx 1.22.0 is the last release whose wheels still carry the generated test data
# (onnx/backend/test/data/node/test_*/{model.onnx,test_data_set_*/*.pb}); the data is the same in
# every wheel, so the smallest one is taken. It comes from PyPI without pip: the release's file
# list and sha256 digests from PyPI's JSON API, the wheel with curl, the folder extracted with
# python3's zipfile. Writes DEST/onnx/backend/test/data/node/. Does nothing when DEST already
# holds the tests.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 DEST" >&2
    exit 2
fi
dest=$1
version=1.22.0
node="$dest/onnx/backend/test/data/node"

if [ -f "$node/.complete" ]; then
    echo "ONNX $version node tests already in $node"
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The release's JSON; some PyPI mirrors serve only the project's, which lists every release (and
# may give file addresses relative to it).
json_url="https://pypi.org/pypi/onnx/$version/json"
if ! curl -fsL --retry 3 "$json_url" -o "$work/release.json"; then
    json_url="https://pypi.org/pypi/onnx/json"
    curl -fsSL --retry 3 "$json_url" -o "$work/release.json"
fi
read -r url sha256 < <(python3 - "$work/release.json" "$version" "$json_url" <<'EOF'
import json, sys, urllib.parse
data = json.load(open(sys.argv[1]))
files = data["releases"][sys.argv[2]] if "releases" in data else data["urls"]
wheels = [f for f in files if f["filename"].endswith(".whl")]
if not wheels:
    sys.exit("no wheel of onnx " + sys.argv[2] + " on PyPI")
best = min(wheels, key=lambda f: f["size"])
print(urllib.parse.urljoin(sys.argv[3], best["url"]), best["digests"]["sha256"])
EOF
)

echo "downloading $url"
curl -fsSL --retry 3 "$url" -o "$work/onnx.whl"
echo "$sha256  $work/onnx.whl" | sha256sum -c --quiet -

mkdir -p "$dest"
python3 - "$work/onnx.whl" "$dest" <<'EOF'
import sys, zipfile
prefix = "onnx/backend/test/data/node/"
with zipfile.ZipFile(sys.argv[1]) as z:
    names = [n for n in z.namelist() if n.startswith(prefix)]
    if not names:
        sys.exit("the wheel holds no " + prefix)
    for n in names:
        z.extract(n, sys.argv[2])
EOF
touch "$node/.complete"
echo "ONNX $version node tests: $(find "$node" -mindepth 1 -maxdepth 1 -name 'test_*' -type d | wc -l) in $node"
