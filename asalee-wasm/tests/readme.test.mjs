// The READMEs' Node examples, run as written against the built package installed the way the
// READMEs say (a project whose node_modules/asalee is pkg/), so that `import … from "asalee"`
// resolves through the package's `exports` as it does for a user.
//
//   node --test tests/readme.test.mjs     (after `make build`)
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { fixturesDir, wasmDir } from "./helpers.mjs";

const root = join(wasmDir, "..");
let project;

/** The first ```js block of `file` whose first line is `firstLine`. */
function block(file, firstLine) {
  const text = readFileSync(join(root, file), "utf8");
  for (const match of text.matchAll(/```js\n(.*?)```/gs)) {
    if (match[1].startsWith(firstLine)) return match[1];
  }
  throw new Error(`${file} has no js block starting with ${firstLine}`);
}

/** Runs `code` as `name` in the project; its stdout. */
function run(name, code) {
  writeFileSync(join(project, name), code);
  return execFileSync(process.execPath, [name], { cwd: project, encoding: "utf8" });
}

before(() => {
  assert.ok(existsSync(join(wasmDir, "pkg", "package.json")), "pkg/ is missing: run `make build` first");
  project = mkdtempSync(join(tmpdir(), "asalee-readme-"));
  mkdirSync(join(project, "node_modules"));
  symlinkSync(join(wasmDir, "pkg"), join(project, "node_modules", "asalee"), "dir");
  writeFileSync(join(project, "package.json"), '{"name": "readme-check", "private": true}\n');
  copyFileSync(join(fixturesDir, "seeds", "002_3668855410b903a6.txt"), join(project, "page.html"));
  copyFileSync(join(fixturesDir, "seeds", "002_3668855410b903a6.txt"), join(project, "question.html"));
  const seeds = ["000_b712eef2958484e0.txt", "001_d8e80435b845cd87.txt"];
  writeFileSync(join(project, "export.txt"), seeds.map((s) => readFileSync(join(fixturesDir, "seeds", s), "utf8").trimEnd() + "\n").join("") + "Question écrite n° 77\n");
});

after(() => rmSync(project, { recursive: true, force: true }));

describe("the READMEs' Node examples", () => {
  test("README.md: import { parse, parseAll } from \"asalee\" in an ES module", () => {
    const out = run("readme.mjs", block("README.md", "// Node (ES module")).trim().split("\n");
    assert.deepStrictEqual(out, ["2621 Danielle Brulebois 2024-12-03", "13927", "9521", out[3]]);
    assert.match(out[3], /^question 77 has neither a question text nor an answer text .* at line \d+ column 1$/);
  });

  test("npm/README.md: require(\"asalee\") in CommonJS and import in an ES module", () => {
    const code = block("asalee-wasm/npm/README.md", 'const { parse, parseAll, ParseError } = require("asalee");');
    assert.equal(run("readme.cjs", `${code}\nconsole.log(question.number, typeof ParseError);\n`).trim(), "2621 function");
    const esm = 'import { parse, parseAll, ParseError } from "asalee";\nimport { readFileSync } from "node:fs";\n' +
      'const [only] = parseAll("x");\n' +
      'console.log(parse(readFileSync("question.html")).number, only.error instanceof ParseError, only.error instanceof Error);\n';
    assert.equal(run("esm.mjs", esm).trim(), "2621 true true");
  });

  test("Node has no init: the READMEs say so, and it is so", () => {
    const out = run("init.mjs", 'import init, * as asalee from "asalee";\nconsole.log(typeof init, typeof asalee.parse, typeof asalee.default);\n');
    // The default export of CommonJS is module.exports: an object, not a function to await.
    assert.equal(out.trim(), "object function object");
    assert.match(readFileSync(join(root, "asalee-wasm", "npm", "README.md"), "utf8"), /`import init from "asalee"` does not work in Node/);
  });
});
