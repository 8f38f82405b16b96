// The generated .d.ts of both builds type-check a use of the whole API under `tsc --strict`,
// and reject misuse (the `@ts-expect-error` lines of typing/common.ts).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { wasmDir } from "./helpers.mjs";

const tsc = join(wasmDir, "node_modules", ".bin", "tsc");

for (const build of ["web", "node"]) {
  test(`pkg/${build}/asalee.d.ts type-checks typing/${build}.ts`, () => {
    const project = join(wasmDir, "tests", "typing", `tsconfig-${build}.json`);
    try {
      execFileSync(tsc, ["-p", project], { encoding: "utf8", stdio: "pipe" });
    } catch (err) {
      assert.fail(`tsc -p ${project}\n${err.stdout}${err.stderr}`);
    }
  });

  test(`pkg/${build}/asalee.d.ts says what parse and parseAll take and return`, () => {
    const dts = readFileSync(join(wasmDir, "pkg", build, "asalee.d.ts"), "utf8");
    assert.match(dts, /export function parse\(input: string \| Uint8Array, options\?: ParseOptions \| null\): Question;/);
    assert.match(dts, /export function parseAll\(input: string \| Uint8Array, options\?: ParseOptions \| null\): ParseResult\[\];/);
    assert.match(dts, /export class ParseError extends Error \{/);
    // The web build's loader types (InitOutput: the raw wasm exports) follow; the API is before.
    const api = dts.split("export type InitInput")[0];
    assert.doesNotMatch(api, /: any\b|: unknown\b/);
  });
}
