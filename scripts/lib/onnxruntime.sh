# shellcheck shell=bash
# Sourced. Fetches the ONNX Runtime native library the project binds (no NuGet package for it on our
# registry): onnxruntime-node's npm tarball carries libonnxruntime.so.1 for linux-x64. Cached outside the
# repository and checked against a pinned sha256.

ORT_VERSION=1.30.0
ORT_SHA256=ffb75a925ba05e47b235bb66e3e3911714a80b328a9c9425539feb204aa32a23

# Prints the library's path; fetches it on first use.
ort_library_path() {
    local cache=${IAYOS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/iayos}/onnxruntime/$ORT_VERSION
    local lib=$cache/libonnxruntime.so.1
    if [[ -f "$lib" ]] && echo "$ORT_SHA256  $lib" | sha256sum --check --status; then
        echo "$lib"
        return 0
    fi
    command -v npm >/dev/null 2>&1 || { echo "onnxruntime: npm is needed to fetch onnxruntime-node@$ORT_VERSION" >&2; return 1; }
    local work
    work=$(mktemp -d) || return 1
    echo "onnxruntime: fetching onnxruntime-node@$ORT_VERSION" >&2
    if ! (cd "$work" && npm pack --silent "onnxruntime-node@$ORT_VERSION" >/dev/null 2>&1 &&
        tar -xzf "onnxruntime-node-$ORT_VERSION.tgz" package/bin/napi-v6/linux/x64/libonnxruntime.so.1); then
        echo "onnxruntime: could not fetch or unpack onnxruntime-node@$ORT_VERSION" >&2
        rm -rf -- "$work"
        return 1
    fi
    if ! echo "$ORT_SHA256  $work/package/bin/napi-v6/linux/x64/libonnxruntime.so.1" | sha256sum --check --status; then
        echo "onnxruntime: checksum mismatch for libonnxruntime.so.1 (expected $ORT_SHA256)" >&2
        rm -rf -- "$work"
        return 1
    fi
    mkdir -p -- "$cache" && mv -- "$work/package/bin/napi-v6/linux/x64/libonnxruntime.so.1" "$lib"
    rm -rf -- "$work"
    echo "$lib"
}
