// parseAll throughput of the wasm package in Node against the native core, on the same bytes.
//
//   node bench/bench.mjs [--rounds N] [--copies N] [--no-native]
//
// The input is the fixtures' seeds and authored documents concatenated (which the SPEC says
// parse as each alone), repeated --copies times. The native number comes from
// bench/native.rs (`cargo run --release --example native-throughput`, rustup's cargo).
// Needs pkg/ (make build).
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

function bestOf(n, run) {
  let best = Infinity;
  let result;
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    result = run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { best, result };
}

const mb = bytes.length / 1e6;
bestOf(2, () => parseAll(bytes)); // warm up
const wasmBytes = bestOf(rounds, () => parseAll(bytes));
const text = one.repeat(copies);
const wasmText = bestOf(rounds, () => parseAll(text));
const failed = wasmBytes.result.filter((r) => r.error).length;

const wasmFile = join(here, "pkg/node/asalee_bg.wasm");
const raw = readFileSync(wasmFile);
const report = {
  input: { bytes: bytes.length, documents: wasmBytes.result.length, failed },
  wasm: { raw_bytes: raw.length, gzip_bytes: gzipSync(raw, { level: 9 }).length },
  node: {
    parseAll_uint8array_mb_per_s: +(mb / wasmBytes.best).toFixed(2),
    parseAll_string_mb_per_s: +(mb / wasmText.best).toFixed(2),
  },
};

if (!args.includes("--no-native")) {
  const out = execFileSync(
    "cargo",
    ["run", "--quiet", "--release", "-p", "asalee-wasm", "--example", "native-throughput", "--", file, String(rounds)],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  const native = JSON.parse(out.trim().split("\n").pop());
  report.native = native;
  report.ratio = {
    node_vs_native_parse: +(report.node.parseAll_uint8array_mb_per_s / native.parse_mb_per_s).toFixed(3),
    node_vs_native_parse_json: +(report.node.parseAll_uint8array_mb_per_s / native.parse_json_mb_per_s).toFixed(3),
  };
}
console.log(JSON.stringify(report, null, 2));
