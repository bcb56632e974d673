#!/usr/bin/env bash
# Runs the real-GPU kit (built by scripts/gpu-kit/build.sh) and writes its reports.
#
#   run.sh REPORT_DIR              on a bare x86-64 Linux machine with an NVIDIA GPU and driver
#   run.sh --dry-run REPORT_DIR    here, on lavapipe (Mesa's Vulkan on the CPU), reduced sizes
#
# No Rust, no network needed. Steps, each under its own time limit and all under one budget
# (KIT_BUDGET_S, default 450 s so that the whole run ends inside 8 minutes; 1500 s for a dry run):
#   setup        unpack the binaries; install the carried Vulkan loader (dpkg -x) when the
#                machine has none; point VK_DRIVER_FILES at the NVIDIA ICD when the loader
#                would not find it; a private XDG_RUNTIME_DIR
#   devices      `wasi-parallel devices`, and the GPUs among them (`llvmpipe` in a dry run)
#   prk-check    every PRK kernel validating on each GPU, strict mode (`prk-bench --quick`)
#   model-check  the three model fixtures matching their reference outputs on each GPU
#   nn-guests    the wasi-nn example guests classifying digits through `wasi-parallel run`
#   nn-bench     the model benchmark on the GPUs and the CPU executor, against ONNX Runtime
#   torch        the PyTorch (CUDA) baseline of the same models, when torch sees a GPU
#   compare      one table of nn-bench's and PyTorch's timings
#   prk-bench    the PRK benchmark on the GPUs and the CPU executor, against native Rust
# A failing step does not stop the others; the exit status is 1 if any failed, and
# REPORT_DIR/summary.md lists each step's status and time.
#
# Environment: KIT_BUDGET_S (see above), KIT_PYTHON (the Python with onnxruntime and torch,
# default python3), KIT_TORCH_DEVICE (default cuda; `cpu` tests the interpreter without a GPU),
# KIT_PRIVATE_LOADER=1 (use the carried Vulkan loader from a private folder even where one is
# installed: tests the carried packages),
# KIT_PRK_ARGS / KIT_NN_ARGS (extra arguments for the two benchmarks, e.g. larger sizes).
set -euo pipefail

usage() { echo "usage: $0 [--dry-run] REPORT_DIR" >&2; exit 2; }
dry=0
report=
while [ $# -gt 0 ]; do
    case "$1" in
        --dry-run) dry=1 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) usage ;;
        *) [ -z "$report" ] || usage; report=$1 ;;
    esac
    shift
done
[ -n "$report" ] || usage

kit=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$report/logs"
report=$(cd "$report" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/gpu-kit.XXXXXX")
trap 'rm -rf "$work"' EXIT
python=${KIT_PYTHON:-python3}
if [ "$dry" = 1 ]; then budget=${KIT_BUDGET_S:-1500}; else budget=${KIT_BUDGET_S:-450}; fi
started=$SECONDS
failed=0
steps=()

say() { printf '[gpu-kit %4ds] %s\n' "$((SECONDS - started))" "$*"; }

# step NAME LIMIT_S COMMAND...: runs COMMAND with its output in logs/NAME.log, under the smaller
# of LIMIT_S and what is left of the budget; records status and time.
step() {
    local name=$1 limit=$2
    shift 2
    local left=$((budget - (SECONDS - started)))
    if [ "$limit" -gt "$left" ]; then limit=$left; fi
    if [ "$limit" -lt 5 ]; then
        say "$name: skipped, the ${budget} s budget is spent"
        steps+=("$name|SKIPPED (budget spent)|0")
        failed=1
        return 0
    fi
    say "$name: running (limit ${limit} s)"
    local t0=$SECONDS rc=0
    timeout --kill-after=10 "$limit" "$@" >"$report/logs/$name.log" 2>&1 || rc=$?
    local took=$((SECONDS - t0)) status
    case "$rc" in
        0) status=ok ;;
        124 | 137) status="TIMED OUT after ${limit} s"; failed=1 ;;
        *) status="FAILED (exit $rc)"; failed=1 ;;
    esac
    say "$name: $status in ${took} s"
    if [ "$rc" != 0 ]; then
        tail -n 25 "$report/logs/$name.log" | sed 's/^/    /'
    fi
    steps+=("$name|$status|$took")
}

# not_run NAME WHY: a step that does not apply here (recorded, not a failure).
not_run() {
    say "$1: $2"
    steps+=("$1|$2|0")
}

# ---- setup --------------------------------------------------------------------------------

unxz_to() { # unxz_to FILE.xz OUT
    if command -v xz >/dev/null; then
        xz -dc "$1" >"$2"
    else
        "$python" -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' "$1" "$2"
    fi
}

in_ld_cache() { ldconfig -p 2>/dev/null | grep -q "[[:space:]]$1 "; }

# setup: runs in this shell (its exports are for the later steps), so every command that must
# work says so (`|| return 1`: `set -e` does not apply inside a function called by `if`).
setup() {
    mkdir -p "$work/bin" || return 1
    for b in wasi-parallel prk-bench nn-bench prk-native; do
        [ -f "$kit/bin/$b.xz" ] || { echo "the kit has no bin/$b.xz: rebuild it with scripts/gpu-kit/build.sh"; return 1; }
        unxz_to "$kit/bin/$b.xz" "$work/bin/$b" || { echo "cannot decompress bin/$b.xz"; return 1; }
        chmod +x "$work/bin/$b" || return 1
    done
    echo "binaries unpacked into $work/bin"

    # The Vulkan loader.
    if [ "${KIT_PRIVATE_LOADER:-0}" = 1 ]; then
        [ -d "$kit/debs/root" ] || { echo "KIT_PRIVATE_LOADER=1, but the kit has no packages"; return 1; }
        for f in "$kit"/debs/root/*.deb; do dpkg -x "$f" "$work/root" || return 1; done
        export LD_LIBRARY_PATH="$work/root/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
        echo "KIT_PRIVATE_LOADER=1: the carried Vulkan loader, from $work/root (LD_LIBRARY_PATH)"
    elif in_ld_cache libvulkan.so.1; then
        echo "a Vulkan loader is installed: $(ldconfig -p | grep 'libvulkan.so.1 ' | head -n 1)"
        if [ -d "$kit/debs/root" ]; then
            # Still check that the carried packages unpack (a dry run's test of them).
            for f in "$kit"/debs/root/*.deb; do dpkg -x "$f" "$work/debs-check" || return 1; done
            [ -e "$work/debs-check/usr/lib/x86_64-linux-gnu/libvulkan.so.1" ] ||
                { echo "the carried libvulkan1 package holds no libvulkan.so.1"; return 1; }
            echo "the carried packages unpack (checked in $work/debs-check, not used)"
        fi
    else
        [ -d "$kit/debs/root" ] || { echo "no Vulkan loader here and none in the kit (built with KIT_SKIP_DEBS=1?)"; return 1; }
        command -v dpkg >/dev/null || { echo "dpkg is missing: cannot unpack the Vulkan loader"; return 1; }
        if [ "$(id -u)" = 0 ]; then
            for f in "$kit"/debs/root/*.deb; do dpkg -x "$f" / || { echo "dpkg -x $f / failed"; return 1; }; done
            ldconfig || return 1
            echo "Vulkan loader unpacked into / from: $(cd "$kit/debs/root" && ls)"
        else
            for f in "$kit"/debs/root/*.deb; do dpkg -x "$f" "$work/root" || return 1; done
            export LD_LIBRARY_PATH="$work/root/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
            echo "not root: Vulkan loader unpacked into $work/root (LD_LIBRARY_PATH)"
        fi
        in_ld_cache libvulkan.so.1 || [ -e "$work/root/usr/lib/x86_64-linux-gnu/libvulkan.so.1" ] ||
            { echo "libvulkan.so.1 is still not found after unpacking"; return 1; }
    fi

    # Libraries the NVIDIA ICD (libGLX_nvidia: X11) or the OpenCL loader need, only where missing.
    if [ -d "$kit/debs/private" ]; then
        for f in "$kit"/debs/private/*.deb; do dpkg -x "$f" "$work/private" || return 1; done
        mkdir -p "$work/extra-lib" || return 1
        local lib base added=()
        for lib in "$work"/private/usr/lib/x86_64-linux-gnu/*.so.*; do
            base=${lib##*/}
            # Sonames only (libX11.so.6, not libX11.so.6.4.0), and only those the machine lacks.
            [[ "$base" =~ \.so\.[0-9]+$ ]] || continue
            if ! in_ld_cache "$base"; then
                ln -sf "$lib" "$work/extra-lib/$base"
                added+=("$base")
            fi
        done
        if [ ${#added[@]} -gt 0 ]; then
            export LD_LIBRARY_PATH="${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}$work/extra-lib"
            echo "libraries the machine lacked, from the kit: ${added[*]}"
        fi
    fi

    if [ "$dry" = 0 ]; then
        # The NVIDIA driver's libraries, when the loader's cache does not list them.
        local d
        for d in /usr/local/nvidia/lib64 /usr/local/nvidia/lib; do
            if [ -e "$d/libGLX_nvidia.so.0" ] && ! in_ld_cache libGLX_nvidia.so.0; then
                export LD_LIBRARY_PATH="${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}$d"
                echo "added $d to LD_LIBRARY_PATH"
            fi
        done
        # The NVIDIA Vulkan ICD: where the loader looks, or else where the driver keeps it.
        local found
        found=$(ls /usr/share/vulkan/icd.d/*nvidia*.json /etc/vulkan/icd.d/*nvidia*.json \
            /usr/local/share/vulkan/icd.d/*nvidia*.json 2>/dev/null | head -n 1 || true)
        if [ -n "$found" ]; then
            echo "the loader finds the NVIDIA ICD: $found"
        else
            for icd in /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json \
                /usr/local/nvidia/icd.d/nvidia_icd.json \
                $(find /usr/local/nvidia /usr/lib/nvidia /usr/share/nvidia /etc/vulkan /usr/share/vulkan \
                    -maxdepth 4 -name 'nvidia_icd*.json' 2>/dev/null || true); do
                if [ -f "$icd" ]; then found=$icd; break; fi
            done
            if [ -n "$found" ]; then
                export VK_DRIVER_FILES=$found VK_ICD_FILENAMES=$found
                echo "VK_DRIVER_FILES=$found"
            else
                echo "warning: no NVIDIA Vulkan ICD (nvidia_icd.json) found; Vulkan will see no NVIDIA GPU"
            fi
        fi
        # The NVIDIA OpenCL ICD, for the OpenCL backend, when no vendor file names it.
        if ! ls /etc/OpenCL/vendors/*nvidia* >/dev/null 2>&1; then
            local cl=
            if in_ld_cache libnvidia-opencl.so.1; then cl=libnvidia-opencl.so.1; fi
            for d in /usr/local/nvidia/lib64 /usr/local/nvidia/lib; do
                if [ -z "$cl" ] && [ -e "$d/libnvidia-opencl.so.1" ]; then cl=$d/libnvidia-opencl.so.1; fi
            done
            if [ -n "$cl" ]; then
                mkdir -p "$work/vendors"
                echo "$cl" >"$work/vendors/nvidia.icd"
                export OCL_ICD_VENDORS=$work/vendors
                echo "OCL_ICD_VENDORS=$work/vendors (nvidia.icd: $cl)"
            fi
        fi
    fi
    # Vulkan and OpenCL warn without a writable runtime dir.
    export XDG_RUNTIME_DIR=$work/xdg
    mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR" || return 1
    echo "XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR"
}

environment() {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "mode: $([ "$dry" = 1 ] && echo 'dry run (lavapipe)' || echo 'GPU run')"
    echo "host: $(uname -srm); $(nproc) cores; $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
    [ -r /etc/os-release ] && echo "os: $(. /etc/os-release && echo "${PRETTY_NAME:-unknown}")"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    if command -v nvidia-smi >/dev/null; then
        echo "nvidia-smi: $(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | head -n 4 | tr '\n' ';')"
    else
        echo "nvidia-smi: not present"
    fi
    echo "python: $("$python" --version 2>&1 || echo 'not present')"
    echo "LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}"
    echo "VK_DRIVER_FILES=${VK_DRIVER_FILES:-}"
    echo "OCL_ICD_VENDORS=${OCL_ICD_VENDORS:-}"
    echo
    sed -n '1,4p' "$kit/MANIFEST" 2>/dev/null || true
}

say "kit $kit, report $report, $([ "$dry" = 1 ] && echo 'dry run on lavapipe' || echo 'GPU run'), budget ${budget} s"
t0=$SECONDS
if setup >"$report/logs/setup.log" 2>&1; then
    steps+=("setup|ok|$((SECONDS - t0))")
else
    steps+=("setup|FAILED|$((SECONDS - t0))")
    failed=1
fi
IFS='|' read -r _ status took <<<"${steps[-1]}"
say "setup: $status in ${took} s"
sed 's/^/    /' "$report/logs/setup.log"
environment >"$report/environment.txt" 2>&1 || true
bin=$work/bin
guests=$kit/guests
models=$kit/models

# ---- devices ------------------------------------------------------------------------------

gpus=
if [ -x "$bin/wasi-parallel" ]; then
    step devices 120 "$bin/wasi-parallel" devices
    cp "$report/logs/devices.log" "$report/devices.txt"
    sed 's/^/    /' "$report/devices.txt"
    if [ "$dry" = 1 ]; then
        gpus=$(awk 'NR > 1 && /llvmpipe/ { print $1 }' "$report/devices.txt" | head -n 1)
        [ -n "$gpus" ] || { say "devices: no llvmpipe device (is mesa-vulkan-drivers installed?)"; steps+=("gpu found|FAILED (no llvmpipe)|0"); failed=1; }
    else
        gpus=$(awk 'NR > 1 && ($2 == "discrete-gpu" || $2 == "integrated-gpu") { print $1 }' "$report/devices.txt" | paste -sd, -)
        [ -n "$gpus" ] || { say "devices: no hardware GPU found"; steps+=("gpu found|FAILED (no hardware GPU)|0"); failed=1; }
    fi
    [ -z "$gpus" ] || say "GPU devices: $gpus"
else
    steps+=("devices|SKIPPED (no binaries)|0")
fi

# ---- checks -------------------------------------------------------------------------------

nn_guests() {
    local mnist=$models/mnist out
    local images=(/mnist/images/0.jpg /mnist/images/3.jpg /mnist/images/5.jpg /mnist/images/7.jpg)
    local device status=0
    for device in ${gpus//,/ }; do
        echo "== mnist-by-name on $device"
        out=$("$bin/wasi-parallel" run --device "$device" --strict --wasi-nn-graph "onnx::$mnist" \
            --dir "$mnist::/mnist" "$guests/mnist-by-name.wasm" mnist /mnist/mnist-labels.txt "${images[@]}") || status=1
        echo "$out"
        for d in 0 3 5 7; do grep -q "/$d.jpg: $d " <<<"$out" || { echo "image $d.jpg: not classified as $d"; status=1; }; done
        echo "== mnist-from-bytes on $device"
        out=$("$bin/wasi-parallel" run --device "$device" --strict --dir "$mnist::/mnist" \
            "$guests/mnist-from-bytes.wasm" /mnist/model.onnx gpu /mnist/mnist-labels.txt "${images[@]}") || status=1
        echo "$out"
        for d in 0 3 5 7; do grep -q "/$d.jpg: $d " <<<"$out" || { echo "image $d.jpg: not classified as $d"; status=1; }; done
    done
    return $status
}

export bin guests models gpus
export -f nn_guests

# The model benchmark, the PyTorch baseline and their comparison come before the PRK benchmark,
# the longest step, which gets what is left of the budget.
# shellcheck disable=SC2086 # KIT_PRK_ARGS and KIT_NN_ARGS are word lists
if [ -n "$gpus" ]; then
    if [ "$dry" = 1 ]; then
        step prk-check 900 "$bin/prk-bench" --quick --device "$gpus" --guests "$guests" --native "$bin/prk-native" --native-target-cpu x86-64-v3 --out "$report/prk-check"
        step model-check 300 "$bin/nn-bench" --models "$models" --model mnist --device "$gpus" --no-ort \
            --warmup 0 --runs 1 --min-runs 1 --budget 0 --out "$report/model-check"
        step nn-guests 300 bash -c nn_guests
        step nn-bench 300 "$bin/nn-bench" --models "$models" --model mnist --device "$gpus,cpu" \
            --warmup 1 --runs 3 --budget 1 --python "$python" --out "$report/nn-bench" ${KIT_NN_ARGS:-}
    else
        step prk-check 240 "$bin/prk-bench" --quick --device "$gpus" --guests "$guests" --native "$bin/prk-native" --native-target-cpu x86-64-v3 --out "$report/prk-check"
        step model-check 240 "$bin/nn-bench" --models "$models" --device "$gpus" --no-ort \
            --warmup 0 --runs 1 --min-runs 1 --budget 0 --out "$report/model-check"
        step nn-guests 120 bash -c nn_guests
        step nn-bench 300 "$bin/nn-bench" --models "$models" --device "$gpus,cpu" --budget 4 \
            --python "$python" --out "$report/nn-bench" ${KIT_NN_ARGS:-}
    fi
else
    for s in prk-check model-check nn-guests nn-bench; do
        steps+=("$s|SKIPPED (no GPU device)|0")
    done
    failed=1
fi

# ---- the PyTorch baseline ------------------------------------------------------------------

torch_device=${KIT_TORCH_DEVICE:-cuda}
if "$python" -c "import sys, numpy, onnx, torch; sys.exit(0 if '$torch_device' == 'cpu' or torch.cuda.is_available() else 1)" >/dev/null 2>&1; then
    mkdir -p "$report/torch"
    if [ "$dry" = 1 ]; then
        step torch 300 "$python" "$kit/torch_baseline.py" --models "$models" --model mnist \
            --device "$torch_device" --runs 3 --budget 1 --out "$report/torch/results.json" \
            --markdown "$report/torch/results.md"
    else
        step torch 180 "$python" "$kit/torch_baseline.py" --models "$models" --device "$torch_device" \
            --budget 4 --out "$report/torch/results.json" --markdown "$report/torch/results.md"
    fi
else
    why=$("$python" -c "import numpy, onnx, torch; print('CUDA not available to torch', torch.__version__)" 2>&1 | tail -n 1 || true)
    not_run torch "not present (${why:-no $python})"
fi

if [ -f "$report/nn-bench/results.json" ]; then
    torch_json=()
    [ ! -f "$report/torch/results.json" ] || torch_json=("$report/torch/results.json")
    step compare 60 "$python" "$kit/compare.py" "$report/nn-bench/results.json" "${torch_json[@]}"
    cp "$report/logs/compare.log" "$report/comparison.md"
else
    not_run compare "not run (no nn-bench results)"
fi

# ---- the PRK benchmark ---------------------------------------------------------------------

# shellcheck disable=SC2086
if [ -z "$gpus" ]; then
    steps+=("prk-bench|SKIPPED (no GPU device)|0")
elif [ "$dry" = 1 ]; then
    step prk-bench 600 "$bin/prk-bench" --quick --kernel nstream,transpose --device "$gpus,cpu" \
        --guests "$guests" --native "$bin/prk-native" --native-target-cpu x86-64-v3 --out "$report/prk-bench" ${KIT_PRK_ARGS:-}
else
    step prk-bench 400 "$bin/prk-bench" --device "$gpus,cpu" --guests "$guests" --native "$bin/prk-native" --native-target-cpu x86-64-v3 \
        --out "$report/prk-bench" ${KIT_PRK_ARGS:-}
fi

# ---- summary ------------------------------------------------------------------------------

total=$((SECONDS - started))
{
    echo "# GPU kit run: $([ "$dry" = 1 ] && echo 'dry run on lavapipe' || echo 'real GPU')"
    echo
    echo "Result: **$([ "$failed" = 0 ] && echo passed || echo FAILED)**, ${total} s in all (budget ${budget} s)."
    echo "GPU devices used: ${gpus:-none}."
    echo
    echo "| step | status | seconds | log |"
    echo "|---|---|---|---|"
    for s in "${steps[@]}"; do
        IFS='|' read -r name status took <<<"$s"
        log=logs/$name.log
        [ -f "$report/$log" ] || log=-
        echo "| $name | $status | $took | $log |"
    done
    echo
    echo "Reports: prk-check/, model-check/, prk-bench/ (results.md, results.json, results.csv, SVG plots),"
    echo "nn-bench/ (results.md, results.json, results.csv), torch/ (results.json, results.md), comparison.md."
    echo
    echo '## Machine'
    echo
    echo '```'
    cat "$report/environment.txt"
    echo '```'
    if [ -f "$report/devices.txt" ]; then
        echo
        echo '## Devices'
        echo
        echo '```'
        cat "$report/devices.txt"
        echo '```'
    fi
    if [ -f "$report/prk-bench/results.md" ]; then
        echo
        grep -h -A3 '^Best device found' "$report/logs/prk-bench.log" 2>/dev/null || true
    fi
    if [ -f "$report/comparison.md" ]; then
        echo
        cat "$report/comparison.md"
    fi
} >"$report/summary.md"
say "summary: $report/summary.md"
sed -n '1,/^## Machine/p' "$report/summary.md" | sed '$d'
say "$([ "$failed" = 0 ] && echo 'all steps passed' || echo 'some steps FAILED'), ${total} s"
exit "$failed"
