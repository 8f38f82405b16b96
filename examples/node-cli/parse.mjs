// Parses the files named on the command line with the npm package `asalee` (its Node build) and
// prints one JSON record per line. A document that is not a question is reported on stderr as
// `FILE:LINE:COLUMN: reason`, and the exit status is then 1.
//
//     node examples/node-cli/parse.mjs FILE...
//
// In your own project, after `npm install asalee`: import { parseAll } from "asalee";
// here we load the package built in this clone (`make -C asalee-wasm build` writes pkg/).
import { existsSync, readFileSync } from "node:fs";

const pkg = new URL("../../asalee-wasm/pkg/node/asalee.js", import.meta.url);
if (!existsSync(pkg)) {
  console.error("asalee-wasm/pkg/ is not built: run `make -C asalee-wasm build` first");
  process.exit(2);
}
const { parseAll } = await import(pkg);

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node parse.mjs FILE...");
  process.exit(2);
}

let failed = 0;
for (const file of files) {
  // Bytes, not a string: the parser reads UTF-8 and Windows-1252 alike. A file may hold
  // several documents: parseAll gives one { ok } or { error } for each.
  for (const result of parseAll(readFileSync(file))) {
    if (result.ok) {
      process.stdout.write(JSON.stringify(result.ok) + "\n");
    } else {
      const { line, column, reason } = result.error;
      console.error(`${file}:${line}:${column}: ${reason}`);
      failed += 1;
    }
  }
}
process.exitCode = failed > 0 ? 1 : 0;
