// Puts a guard in front of the web build's API: wasm-bindgen's glue, used before `init()`,
// fails with "Cannot read properties of undefined (reading 'parse')". The glue moves to
// asalee_glue.js and asalee.js re-exports it, each function first checking that the module is
// loaded. The exports (and so asalee.d.ts) stay the same.
//
//   node scripts/guard-init.mjs pkg/web
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const entry = join(dir, "asalee.js");
const glue = readFileSync(entry, "utf8");
const functions = [...glue.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
const reexports = [...glue.matchAll(/^export \{ (\w+) \}$/gm)].map((m) => m[1]);
if (!functions.includes("parse") || !/^export \{ initSync, __wbg_init as default \};$/m.test(glue)) {
  throw new Error(`${entry} does not look like wasm-bindgen's web glue`);
}
renameSync(entry, join(dir, "asalee_glue.js"));

const guarded = functions.map((name) => `
export function ${name}(...args) {
  if (!ready) notReady("${name}");
  return glue.${name}(...args);
}
`);
writeFileSync(entry, `/* @ts-self-types="./asalee.d.ts" */
// Written by scripts/guard-init.mjs: the API of asalee_glue.js (wasm-bindgen's), each function
// first checking that the WebAssembly module is loaded.
import * as glue from "./asalee_glue.js";

${reexports.map((name) => `export { ${name} } from "./asalee_glue.js";`).join("\n")}

let ready = false;

function notReady(name) {
  throw new Error(
    \`asalee: \${name}() was called before the WebAssembly module was loaded: ` +
      `\\\`await init()\\\` (the default export) or call \\\`initSync({ module })\\\` first\`,
  );
}

/** Loads the WebAssembly module (once); the other functions work once it resolves. */
export default async function init(moduleOrPath) {
  const exports = await glue.default(moduleOrPath);
  ready = true;
  return exports;
}

/** Loads the WebAssembly module from its bytes or a compiled module, synchronously. */
export function initSync(module) {
  const exports = glue.initSync(module);
  ready = true;
  return exports;
}
${guarded.join("")}`);
