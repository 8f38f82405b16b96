// The web build (pkg/web, an ES module) used before its WebAssembly module is loaded says so.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";

import { wasmDir } from "./helpers.mjs";

const web = join(wasmDir, "pkg", "web");

test("before init(): a clear error naming the function; after initSync: records", async () => {
  const asalee = await import(pathToFileURL(join(web, "asalee.js")).href);
  for (const name of ["parse", "parseAll", "toRow", "toCsv", "csvColumns"]) {
    assert.throws(() => asalee[name]("x"), {
      name: "Error",
      message: `asalee: ${name}() was called before the WebAssembly module was loaded: \`await init()\` (the default export) or call \`initSync({ module })\` first`,
    });
  }
  asalee.initSync({ module: readFileSync(join(web, "asalee_bg.wasm")) });
  assert.equal(asalee.parse("Question écrite n° 7\nTexte de la question\nM. Jean Dupont demande.\n").number, 7);
  assert.equal(asalee.csvColumns()[0], "uid");
  assert.equal(typeof asalee.default, "function");
  assert.ok(new asalee.ParseError("m", "strict", 1, 1, "m") instanceof Error);
});
