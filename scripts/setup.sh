#!/usr/bin/env bash
# Installs what fwlint needs to build (Debian 12 packages, as root or with sudo) and builds it.
# Usage: scripts/setup.sh [--sanitize | --fuzz]
#   builds into build/; --sanitize: build-asan/ (ASan + UBSan); --fuzz: clang-14 and libFuzzer
#   too, and the fuzz targets into build-fuzz/ (see fuzz/run)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make pkg-config libre2-dev libtomlplusplus-dev libcli11-dev libgtest-dev
          nlohmann-json3-dev libpugixml-dev iptables nftables python3-jsonschema
          python3-rfc3987)
[ "${1:-}" = "--fuzz" ] && packages+=(clang-14 libfuzzer-14-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >&2
fi

build_dir=build
cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [ "${1:-}" = "--sanitize" ]; then
  build_dir=build-asan
  cmake_args=(-DCMAKE_BUILD_TYPE=Debug -DFWLINT_SANITIZE=ON)
fi
if [ "${1:-}" = "--fuzz" ]; then
  build_dir=build-fuzz
  cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DFWLINT_FUZZ=ON -DFWLINT_BUILD_TESTS=OFF
              -DCMAKE_CXX_COMPILER=clang++-14)
fi
cmake -S . -B "$build_dir" "${cmake_args[@]}" >&2
cmake --build "$build_dir" -j "$(nproc)" >&2
