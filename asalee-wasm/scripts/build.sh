#!/usr/bin/env bash
# Builds the npm package `asalee` into asalee-wasm/pkg/ and the demo site into asalee-wasm/dist/site/.
#
#   pkg/web/    ES module for browsers (`await init()` first), with asalee.d.ts; asalee.js guards
#               wasm-bindgen's glue (asalee_glue.js) against use before init()
#   pkg/node/   CommonJS for Node (loads the .wasm synchronously), with asalee.d.ts
#   pkg/package.json, README.md
#   dist/site/  www/ + pkg/web as ./pkg/ + fflate as ./vendor/ + the fixtures' seeds as ./examples/:
#               serve it statically
#
# Installs what is missing first (scripts/setup.sh). Idempotent: a second run rebuilds nothing
# that has not changed, and cargo's wasm build lives in its own target dir so that it does not
# invalidate the native (rustup) builds in target/.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=$(cd "$here/.." && pwd)
say() { printf 'build: %s\n' "$*" >&2; }

bash "$here/scripts/setup.sh" "$@"
export PATH="$HOME/.cargo/bin:$PATH"

# 1. The .wasm, with Debian's compiler building std from its sources (see shared WASM.md).
export CARGO_TARGET_DIR="${ASALEE_WASM_TARGET_DIR:-$root/target/wasm}"
# The workspace's release profile is tuned for the native binaries; here: whole-program LTO,
# no debug info and abort on panic (the core promises not to panic; unwinding would cost size).
export CARGO_PROFILE_RELEASE_LTO=fat
export CARGO_PROFILE_RELEASE_DEBUG=false
export CARGO_PROFILE_RELEASE_PANIC=abort
export CARGO_PROFILE_RELEASE_OPT_LEVEL="${ASALEE_WASM_OPT_LEVEL:-3}"
say "cargo build (wasm32-unknown-unknown, Debian rustc $(/usr/bin/rustc -V | awk '{print $2}'))"
# simd128: the core's scans (`markup/scan/blocks.rs`, through the `wide` crate) run sixteen bytes
# at a time in the module as they do natively; every current browser and Node >= 16.4 has it.
# ASALEE_WASM_SIMD=0 builds the module without (the scans' readable byte-at-a-time versions).
simd=()
if [ "${ASALEE_WASM_SIMD:-1}" != 0 ]; then
  export RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+simd128"
  simd=(--enable-simd)
fi
(cd "$root" && RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
  /usr/bin/cargo build --quiet --release --target wasm32-unknown-unknown \
  -Zbuild-std=std,panic_abort -p asalee-wasm)
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/asalee_wasm.wasm"

# 2. JS glue and .d.ts for both targets, then wasm-opt each module.
pkg="$here/pkg"
rm -rf "$pkg"
mkdir -p "$pkg"
wasm_opt="$here/node_modules/.bin/wasm-opt"
# The features Rust 1.96 enables by default for wasm32 and wasm-bindgen's glue relies on.
features=(--enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-reference-types --enable-multivalue "${simd[@]}")
for target in web nodejs; do
  out="$pkg/${target%js}"
  say "wasm-bindgen --target $target -> pkg/$(basename "$out")"
  wasm-bindgen --target "$target" --out-dir "$out" --out-name asalee "$wasm"
  "$wasm_opt" -Oz "${features[@]}" "$out/asalee_bg.wasm" -o "$out/asalee_bg.wasm"
done
# The web build says clearly when it is used before init() (asalee.js guards asalee_glue.js).
node "$here/scripts/guard-init.mjs" "$pkg/web"

# A package.json with "type": "module" above pkg/node would make Node read its CommonJS glue as
# ES module syntax: the folder says what it is. The ParseError snippet that the glue `require`s
# is written as an ES module (for the web); give Node its CommonJS form, so that any Node >= 18
# loads the package (require() of an ES module needs Node >= 20.19).
echo '{"type": "commonjs"}' >"$pkg/node/package.json"
node "$here/scripts/snippet-to-cjs.mjs" "$pkg/node/snippets"

# 3. The package manifest (version from the workspace) and its README.
version=$(awk -F'"' '/^\[workspace.package\]/ { p = 1 } p && /^version *=/ { print $2; exit }' "$root/Cargo.toml")
node -e '
  const fs = require("fs");
  const [template, out, version] = process.argv.slice(1);
  const manifest = JSON.parse(fs.readFileSync(template, "utf8"));
  manifest.version = version;
  fs.writeFileSync(out, JSON.stringify(manifest, null, 2) + "\n");
' "$here/npm/package.json" "$pkg/package.json" "$version"
cp "$here/npm/README.md" "$pkg/README.md"
# The workspace's two licence texts (listed in `files`: npm packs only a file named LICENSE by itself).
cp "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$pkg/"

# 4. The demo site: the page, the web package beside it, and the fixtures' documents as examples.
site="$here/dist/site"
rm -rf "$site"
mkdir -p "$site/examples"
cp -R "$here/www/." "$site/"
cp -R "$pkg/web" "$site/pkg"
# fflate (npm, MIT) reads the zip archives dropped on the page: its browser ES module, as is.
mkdir -p "$site/vendor"
cp "$here/node_modules/fflate/esm/browser.js" "$site/vendor/fflate.js"
cp "$here/node_modules/fflate/LICENSE" "$site/vendor/fflate.LICENSE.txt"
node "$here/scripts/examples.mjs" "$root/fixtures" "$site/examples"

raw=$(wc -c <"$pkg/web/asalee_bg.wasm")
gz=$(gzip -9 -c "$pkg/web/asalee_bg.wasm" | wc -c)
say "done: pkg/ (asalee $version), dist/site/; asalee_bg.wasm $raw bytes, $gz gzipped"
