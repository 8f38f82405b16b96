// Rewrites the ES-module snippets that wasm-bindgen copies next to its CommonJS (--target nodejs)
// glue into CommonJS, which is how that glue `require`s them. Each snippet must declare its
// exports as `export class Name` or `export function name` and nothing else.
//
//   node scripts/snippet-to-cjs.mjs pkg/node/snippets
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join } from "node:path";

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (name.endsWith(".js")) yield path;
  }
}

const root = process.argv[2];
let count = 0;
for (const path of files(root)) {
  const source = readFileSync(path, "utf8");
  const names = [];
  const body = source.replace(/^export (class|function) (\w+)/gm, (_, what, name) => {
    names.push(name);
    return `${what} ${name}`;
  });
  if (names.length === 0 || /^\s*(export|import)\b/m.test(body)) {
    throw new Error(`${path}: only \`export class\` / \`export function\` declarations can be converted`);
  }
  writeFileSync(path, `"use strict";\n${body}\nmodule.exports = { ${names.join(", ")} };\n`);
  count += 1;
}
if (count === 0) throw new Error(`${root}: no snippet found`);
