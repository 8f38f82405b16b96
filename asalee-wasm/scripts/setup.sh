#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) the wasm package needs, skipping what is
# already there: a fresh machine or CI (no stdin, CI=true) gets everything, a second run does
# nothing. See ../../shared/toolchain/WASM.md for why it is this way.
#
#   scripts/setup.sh             Debian's Rust with std sources + the lld it links with,
#                                wasm-bindgen-cli at Cargo.lock's version, npm dev tools
#   scripts/setup.sh --browser   also Debian's chromium (for tests/browser.test.mjs)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=$(cd "$here/.." && pwd)
browser=0
[[ "${1:-}" == "--browser" ]] && browser=1

say() { printf 'setup: %s\n' "$*" >&2; }

sudo_=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then sudo_=(sudo -n); else say "not root and no sudo: apt-get may fail"; fi
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

apt_updated=0
apt_install() {
  local missing=() p
  for p in "$@"; do installed "$p" || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  if ((apt_updated == 0)); then
    say "apt-get update"
    "${sudo_[@]}" apt-get update -q >/dev/null
    apt_updated=1
  fi
  say "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${sudo_[@]}" apt-get install -y -q --no-install-recommends \
    "${missing[@]}" </dev/null >/dev/null
}

# 1. Debian's Rust 1.96 with its own std sources (rustup cannot add the wasm32 target here).
apt_install rustc-web cargo-web rust-web-src rust-web-llvm

# rust-web-llvm ships /usr/bin/rust-lld as a link to an lld-NN it does not depend on.
lld=$(basename "$(readlink /usr/bin/rust-lld)")
if [[ ! "$lld" =~ ^lld-[0-9]+$ ]]; then
  say "unexpected /usr/bin/rust-lld -> $lld"; exit 1
fi
apt_install "$lld"

# -Zbuild-std only works when the compiler and the std sources are the same release.
rustc_version=$(/usr/bin/rustc -V | awk '{print $2}')
src_version=$(dpkg-query -W -f='${Version}' rust-web-src)
rustc_pkg_version=$(dpkg-query -W -f='${Version}' rustc-web)
if [[ "$src_version" != "$rustc_pkg_version" || "${src_version%%+*}" != "$rustc_version" ]]; then
  say "version mismatch: /usr/bin/rustc $rustc_version (rustc-web $rustc_pkg_version), rust-web-src $src_version"
  exit 1
fi

# 2. wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$root/Cargo.lock")
[[ -n "$want" ]] || { say "no wasm-bindgen in Cargo.lock"; exit 1; }
export PATH="$HOME/.cargo/bin:$PATH"
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [[ "$have" != "$want" ]]; then
  say "cargo install wasm-bindgen-cli $want (was: ${have:-none}; takes a few minutes)"
  # Not --locked: one of its pinned dependencies is missing from the registry mirror here.
  cargo install --quiet wasm-bindgen-cli --version "$want" --force </dev/null
fi

# 3. npm dev tools (binaryen's wasm-opt, playwright-core), exactly as package-lock.json says.
if ! command -v npm >/dev/null; then apt_install nodejs npm; fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 18)); then say "node $(node -v) is too old: the tests need node >= 18"; exit 1; fi
if [[ ! -f "$here/node_modules/.package-lock.json" \
   || "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]]; then
  say "npm ci"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error </dev/null >/dev/null)
fi

# 4. The browser the browser tests drive (never playwright's own download).
if ((browser)); then
  apt_install chromium
fi
