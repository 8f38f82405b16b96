// Shared by the Node and browser tests: where things are, the fixtures, a Windows-1252 encoder.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const wasmDir = dirname(dirname(fileURLToPath(import.meta.url)));
export const fixturesDir = join(wasmDir, "..", "fixtures");
export const siteDir = join(wasmDir, "dist", "site");
export const outputDir = join(wasmDir, "test-output");

/** The Node build of the package (CommonJS, loads its .wasm synchronously). */
export function loadNodePackage() {
  const entry = join(wasmDir, "pkg", "node", "asalee.js");
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run \`make -C asalee-wasm build\` first`);
  }
  return createRequire(import.meta.url)(entry);
}

/**
 * Every document with an expected record: `{ name, path, text, bytes, expectedText, expected }`,
 * `name` being the expected file's name without `.json`.
 */
export function expectedDocuments() {
  const docs = [];
  const expectedDir = join(fixturesDir, "expected");
  for (const file of readdirSync(expectedDir).sort()) {
    if (!file.endsWith(".json")) continue;
    const name = file.slice(0, -".json".length);
    const path = ["seeds", "authored"]
      .flatMap((folder) => [".txt", ".json"].map((ext) => join(fixturesDir, folder, `${name}${ext}`)))
      .find((candidate) => existsSync(candidate));
    if (!path) throw new Error(`no seeds/${name}.txt nor authored/${name}.{txt,json} for expected/${file}`);
    const bytes = readFileSync(path);
    const expectedText = readFileSync(join(expectedDir, file), "utf8");
    docs.push({
      name,
      path,
      bytes: new Uint8Array(bytes),
      text: bytes.toString("utf8"),
      expectedText,
      expected: JSON.parse(expectedText),
    });
  }
  return docs;
}

/** The seed documents' texts, in file order. */
export function seeds() {
  const dir = join(fixturesDir, "seeds");
  return readdirSync(dir)
    .sort()
    .map((name) => readFileSync(join(dir, name), "utf8"));
}

// Windows-1252 differs from ISO-8859-1 in 0x80–0x9F: these code points live there.
const CP1252_HIGH = new Map(
  [
    0x20ac, null, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
    0x0152, null, 0x017d, null, null, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
    0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, null, 0x017e, 0x0178,
  ]
    .map((codePoint, i) => [codePoint, 0x80 + i])
    .filter(([codePoint]) => codePoint !== null),
);

/** Encodes text as Windows-1252 bytes; throws on a character the encoding does not have. */
export function encodeCp1252(text) {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0);
    let byte;
    if (codePoint < 0x80 || (codePoint >= 0xa0 && codePoint <= 0xff)) byte = codePoint;
    else byte = CP1252_HIGH.get(codePoint);
    if (byte === undefined) {
      throw new Error(`U+${codePoint.toString(16).toUpperCase().padStart(4, "0")} is not in Windows-1252`);
    }
    out[n++] = byte;
  }
  return out.subarray(0, n);
}

/** A text that ends with a line break (the SPEC's rule for concatenating documents). */
export const withNewline = (text) => (text.endsWith("\n") ? text : `${text}\n`);
