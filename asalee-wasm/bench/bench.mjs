// parseAll throughput of the wasm package in Node against the native core, on the same bytes.
//
//   node bench/bench.mjs [--rounds N] [--copies N] [--no-native]
//
// The input is the fixtures' seeds and authored documents concatenated (which the SPEC says
// parse as each alone), repeated --copies times. The native numbers come from bench/native.rs
// (built with rustup's cargo, release profile), one round per call interleaved with Node's
// rounds; each side's best round counts. Needs pkg/ (make build).
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const root = dirname(here);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const rounds = option("--rounds", 10);
const copies = option("--copies", 200);

const { parseAll } = createRequire(import.meta.url)(join(here, "pkg/node/asalee.js"));

const docs = [];
for (const folder of ["seeds", "authored"]) {
  const dir = join(root, "fixtures", folder);
  for (const name of readdirSync(dir).sort()) {
    let text = readFileSync(join(dir, name), "utf8");
    if (!text.endsWith("\n")) text += "\n";
    docs.push(text);
  }
}
const one = docs.join("");
const bytes = new TextEncoder().encode(one.repeat(copies));
const file = join(root, "target", "wasm", "bench-input.txt");
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, bytes);

const mb = bytes.length / 1e6;
const text = one.repeat(copies);
const withNative = !args.includes("--no-native");
let nativeBinary;
if (withNative) {
  // Build once, then run the binary itself, one round per call, interleaved with the Node rounds:
  // both sides then see the same machine load (2 cores shared with other builds).
  execFileSync("cargo", ["build", "--quiet", "--release", "-p", "asalee-wasm", "--example", "native-throughput"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  nativeBinary = join(root, "target", "release", "examples", "native-throughput");
}

parseAll(bytes); // warm up
const best = { bytes: Infinity, text: Infinity, nativeParse: Infinity, nativeJson: Infinity };
let results;
for (let round = 0; round < rounds; round++) {
  let start = process.hrtime.bigint();
  results = parseAll(bytes);
  best.bytes = Math.min(best.bytes, Number(process.hrtime.bigint() - start) / 1e9);
  start = process.hrtime.bigint();
  parseAll(text);
  best.text = Math.min(best.text, Number(process.hrtime.bigint() - start) / 1e9);
  if (withNative) {
    const native = JSON.parse(execFileSync(nativeBinary, [file, "1"], { encoding: "utf8" }));
    best.nativeParse = Math.min(best.nativeParse, mb / native.parse_mb_per_s);
    best.nativeJson = Math.min(best.nativeJson, mb / native.parse_json_mb_per_s);
  }
}

const rate = (seconds) => +(mb / seconds).toFixed(2);
const raw = readFileSync(join(here, "pkg/node/asalee_bg.wasm"));
const report = {
  input: { bytes: bytes.length, documents: results.length, failed: results.filter((r) => r.error).length, rounds },
  wasm: { raw_bytes: raw.length, gzip_bytes: gzipSync(raw, { level: 9 }).length },
  node_mb_per_s: { parseAll_uint8array: rate(best.bytes), parseAll_string: rate(best.text) },
};
if (withNative) {
  report.native_mb_per_s = { parse_all_bytes: rate(best.nativeParse), parse_all_bytes_to_json: rate(best.nativeJson) };
  report.node_vs_native = {
    records_only: +(best.nativeParse / best.bytes).toFixed(3),
    records_to_json: +(best.nativeJson / best.bytes).toFixed(3),
  };
}
console.log(JSON.stringify(report, null, 2));
