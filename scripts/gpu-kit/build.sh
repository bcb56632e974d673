#!/usr/bin/env bash
# Builds the real-GPU kit: everything a run on a bare x86-64 Linux machine with an NVIDIA driver
# (and no Rust, no Vulkan loader, no network) needs, in one folder under 64 MiB.
#
#   scripts/gpu-kit/build.sh [--profile NAME] [OUTDIR]     (default: release, target/gpu-kit)
#
# The folder holds the stripped release binaries of `wasi-parallel`, `prk-bench` and `nn-bench`
# (xz-compressed), the PRK and nn guests (wasm32-wasip1), the model fixtures, the Vulkan loader's
# Debian packages (and the few libraries the NVIDIA ICD may need), the PyTorch baseline and
# `run.sh`. Run it there with `run.sh REPORT_DIR`, or here with `run.sh --dry-run REPORT_DIR`
# (see README.md, "Running on a real GPU"). Keep OUTDIR in an ignored path (target/ is).
#
# Environment: WASI_PARALLEL_MODELS (the fixtures; default ../shared/models beside the
# repository), KIT_SKIP_DEBS=1 (no packages: a kit for machines that have a Vulkan loader).
# `--profile dev` reuses what `cargo test --workspace` built (CI's dry run does this: the
# dependencies are optimised in the dev profile too); a kit for a GPU machine is `release`.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
profile=release
out=
while [ $# -gt 0 ]; do
    case "$1" in
        --profile) [ $# -ge 2 ] || { echo "usage: $0 [--profile NAME] [OUTDIR]" >&2; exit 2; }; profile=$2; shift ;;
        --profile=*) profile=${1#--profile=} ;;
        -*) echo "usage: $0 [--profile NAME] [OUTDIR]" >&2; exit 2 ;;
        *) [ -z "$out" ] || { echo "usage: $0 [--profile NAME] [OUTDIR]" >&2; exit 2; }; out=$1 ;;
    esac
    shift
done
out=${out:-$repo/target/gpu-kit}
limit_mib=64

say() { printf 'gpu-kit: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

[ "$(uname -m)" = x86_64 ] || die "the GPU machines are x86-64; build the kit on an x86-64 machine (this is $(uname -m))"
for tool in cargo strip xz; do
    command -v "$tool" >/dev/null || die "$tool is missing"
done

mkdir -p "$out"
out=$(cd "$out" && pwd)
case "$out" in
    "$repo") die "OUTDIR must not be the repository itself" ;;
esac
if git -C "$repo" rev-parse --git-dir >/dev/null 2>&1 && [[ "$out" == "$repo"/* ]]; then
    rel=${out#"$repo"/}
    git -C "$repo" check-ignore -q "$rel" ||
        die "$rel is not ignored by git: choose a folder under target/ or add it to .git/info/exclude"
fi

# The kit is rebuilt from scratch, except the downloaded packages (kept to save a download); a
# folder holding anything else than a kit is left alone.
for entry in "$out"/* "$out"/.[!.]*; do
    [ -e "$entry" ] || continue
    case "${entry##*/}" in
        bin | guests | models | debs | run.sh | torch_baseline.py | compare.py | MANIFEST) ;;
        *) die "$out holds ${entry##*/}, which is no part of a kit: choose an empty or new folder" ;;
    esac
done
find "$out" -mindepth 1 -maxdepth 1 ! -name debs -exec rm -rf {} +

# 1. Host binaries, release, stripped, compressed.
say "building wasi-parallel, prk-bench and nn-bench (profile $profile)"
(cd "$repo" && cargo build --profile "$profile" --bin wasi-parallel --bin prk-bench --bin nn-bench)
target_dir=$(cd "$repo" && cargo metadata --format-version 1 --no-deps |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
[ -n "$target_dir" ] || target_dir=$repo/target
case "$profile" in dev | test) profile_dir=debug ;; bench) profile_dir=release ;; *) profile_dir=$profile ;; esac
mkdir -p "$out/bin"
for bin in wasi-parallel prk-bench nn-bench; do
    strip -o "$out/bin/$bin" "$target_dir/$profile_dir/$bin"
    xz -T0 -6 -f "$out/bin/$bin"
done

# The native PRK baselines prk-bench compares with: built for x86-64-v3 (AVX2, FMA), not for
# this machine's CPU, which the GPU machine's may not match; the report says so.
say "building the native PRK baselines (prk-native, target-cpu=x86-64-v3)"
(cd "$repo/prk-bench/native" && env -u CARGO_TARGET_DIR -u CARGO_ENCODED_RUSTFLAGS \
    RUSTFLAGS="-C target-cpu=x86-64-v3" cargo build --release --target-dir target/x86-64-v3)
strip -o "$out/bin/prk-native" "$repo/prk-bench/native/target/x86-64-v3/release/prk-native"
xz -T0 -6 -f "$out/bin/prk-native"

# 2. Guests: the PRK kernels, the launch-overhead and probe guests, the wasi-nn examples.
say "building the guests (wasm32-wasip1, release)"
(cd "$repo/kernels" && env -u CARGO_TARGET_DIR cargo build --release --target wasm32-wasip1)
mkdir -p "$out/guests"
cp "$repo"/kernels/target/wasm32-wasip1/release/*.wasm "$out/guests/"
for g in nstream transpose stencil dgemm p2p sparse random reduce launches mnist-by-name mnist-from-bytes; do
    [ -f "$out/guests/$g.wasm" ] || die "guest $g.wasm was not built"
done

# 3. The model fixtures, found as CI finds them.
models=${WASI_PARALLEL_MODELS:-}
if [ -z "$models" ]; then
    for candidate in "$repo/../shared/models" "$(git -C "$repo" remote get-url origin 2>/dev/null || true)/../shared/models"; do
        if [ -d "$candidate" ]; then models=$candidate; break; fi
    done
fi
[ -n "$models" ] && [ -d "$models" ] || die "no model fixtures: set WASI_PARALLEL_MODELS or put them in ../shared/models"
mkdir -p "$out/models"
for m in mnist ppocr-cls pplcnet-orientation; do
    [ -f "$models/$m/manifest.json" ] || die "$models/$m/manifest.json is missing"
    cp -r "$models/$m" "$out/models/"
done
cp "$models/README.md" "$out/models/" 2>/dev/null || true

# 4. The Vulkan loader and what the NVIDIA ICD needs to load, as Debian (amd64) packages. `root`:
# unpacked into / on the GPU machine (the device README's recipe); `private`: unpacked into the
# run's own folder and used only when the machine lacks them.
root_debs=(libvulkan1 libglvnd0 libgl1 libglx0 libegl1 libopengl0 libgles2)
private_debs=(libx11-6 libxext6 libxcb1 libxau6 libxdmcp6 libbsd0 libmd0 ocl-icd-libopencl1)
if [ "${KIT_SKIP_DEBS:-0}" = 1 ]; then
    say "KIT_SKIP_DEBS=1: no packages in the kit"
    rm -rf "$out/debs"
else
    have_all() {
        local dir=$1; shift
        local p
        for p in "$@"; do compgen -G "$dir/${p}_*.deb" >/dev/null || return 1; done
    }
    if have_all "$out/debs/root" "${root_debs[@]}" && have_all "$out/debs/private" "${private_debs[@]}"; then
        say "packages already downloaded, kept"
    else
        say "downloading the Vulkan loader's packages (apt-get download, amd64)"
        command -v apt-get >/dev/null || die "apt-get is missing (Debian or Ubuntu needed to fetch the packages; or KIT_SKIP_DEBS=1)"
        lists=$(mktemp -d)
        trap 'rm -rf "$lists"' EXIT
        mkdir -p "$lists/partial"
        apt_opts=(-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 "-oDir::State::Lists=$lists" -oAPT::Sandbox::User=root
            -qq)
        apt-get "${apt_opts[@]}" update
        rm -rf "$out/debs"
        mkdir -p "$out/debs/root" "$out/debs/private"
        (cd "$out/debs/root" && apt-get "${apt_opts[@]}" download "${root_debs[@]}")
        (cd "$out/debs/private" && apt-get "${apt_opts[@]}" download "${private_debs[@]}")
    fi
fi

# 5. The scripts.
cp "$here/run.sh" "$here/torch_baseline.py" "$here/compare.py" "$out/"
chmod +x "$out/run.sh" "$out/torch_baseline.py" "$out/compare.py"
{
    echo "wasi-parallel GPU kit"
    echo "built: $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -srm)"
    if commit=$(git -C "$repo" rev-parse HEAD 2>/dev/null); then
        git -C "$repo" diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"
    else
        commit=unknown
    fi
    echo "commit: $commit"
    echo "rustc: $(rustc --version); profile: $profile"
    echo
    (cd "$out" && find . -type f ! -name MANIFEST | sort | xargs sha256sum)
} >"$out/MANIFEST"

# 6. The size limit: everything carried to the GPU machine in one call.
bytes=$(du -sb "$out" | cut -f1)
mib=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
say "kit: $out, $mib MiB ($bytes bytes)"
(cd "$out" && du -sh bin guests models debs 2>/dev/null | sed 's/^/gpu-kit:   /' >&2) || true
if [ "$bytes" -ge $((limit_mib * 1048576)) ]; then
    die "the kit is $mib MiB, over the $limit_mib MiB that can be carried to a GPU machine"
fi
if [ "$bytes" -ge $(((limit_mib - 8) * 1048576)) ]; then
    say "warning: the working tree travels with the kit in the same $limit_mib MiB; little room is left"
fi
