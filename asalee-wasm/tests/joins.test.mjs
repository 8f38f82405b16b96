// Issue 19's three inputs, as users make them, through the Node package's bytes API
// (`parseAll(Uint8Array)`): every record and nothing else. The same fixtures as the command
// line's tests (asalee-cli/tests/faults.rs) and Python's (asalee-py/tests/test_joins.py).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import { fixturesDir, loadNodePackage } from "./helpers.mjs";

const { parse, parseAll } = loadNodePackage();

const MIXED = "decoded as windows-1252: these bytes are not UTF-8, unlike text before them in the input";

function fixture(name) {
  return new Uint8Array(readFileSync(join(fixturesDir, name)));
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The records of `parseAll`'s results, failing on any error. */
function records(results) {
  const errors = results.filter((r) => "error" in r).map((r) => r.error.message);
  assert.deepStrictEqual(errors, []);
  return results.map((r) => r.ok);
}

const summary = (q) => [q.uid, q.number, q.layout];

describe("issue 19's concatenations give every record", () => {
  test("two saved pages joined without a line break (cat a.html b.html)", () => {
    const first = fixture("real/an-legacy-l14-qe-3200.html");
    assert.notEqual(first[first.length - 1], 0x0a, "the first page ends without a line break");
    const second = fixture("real/an-fiche-l11-qe-450.html");
    const got = records(parseAll(concat(first, second)));
    assert.deepStrictEqual(got.map(summary), [
      ["QANR5L14QE3200", 3200, "an-legacy"],
      ["QANR5L11QE450", 450, "an-fiche"],
    ]);
    assert.equal(got[0].rubric, "État");
    assert.equal(got[1].rubric, "logement : aides et prêts");
    // Nothing merged: no warning at all, and each is its page's record read alone.
    assert.deepStrictEqual(
      got.map((q) => q.warnings),
      [[], []],
    );
    assert.deepStrictEqual(got, [parse(first), parse(second)]);
  });

  test("a Windows-1252 page among UTF-8 documents", () => {
    const latin = fixture("real/an-fiche-l08-qosd-176-retiree.html");
    // The page is ISO-8859-1 (`santé` is 73 61 6e 74 e9): not UTF-8.
    assert.ok(Buffer.from(latin).includes(Buffer.from([0x73, 0x61, 0x6e, 0x74, 0xe9])));
    const before = fixture("seeds/002_3668855410b903a6.txt");
    const got = records(parseAll(concat(before, latin, fixture("seeds/003_70cf9cf3550011d2.txt"))));
    assert.deepStrictEqual(got.map(summary), [
      ["QANR5L17QE2621", 2621, "an-current"],
      ["QANR5L8QOSD176", 176, "an-fiche"],
      ["QANR5L17QE14939", 14939, "an-current"],
    ]);
    // Each part decoded by its own bytes: no mojibake, no U+FFFD.
    assert.equal(got[0].title, "Situation des professionnels de santé membres de l'association Asalée");
    assert.equal(got[1].ministry_asked, "santé et famille");
    assert.equal(got[2].title, "Dispositif Asalée - financement");
    assert.ok(!JSON.stringify(got).includes("\uFFFD"));
    // The page read as Windows-1252 after UTF-8 text says so, at the line where it starts
    // (docs/decisions.md); the UTF-8 documents say nothing.
    const firstLine = before.filter((b) => b === 0x0a).length + 1;
    assert.deepStrictEqual(
      got.map((q) => q.warnings),
      [[], [{ line: firstLine, message: MIXED }], []],
    );
  });

  test("a Windows-1252 page then a UTF-8 page: both decoded right, no warning", () => {
    // Only UTF-8 text *before* a Windows-1252 part makes the warning (docs/decisions.md).
    const got = records(
      parseAll(concat(fixture("real/an-fiche-l08-qosd-176-retiree.html"), fixture("real/an-fiche-l11-qe-450.html"))),
    );
    assert.deepStrictEqual(got.map(summary), [
      ["QANR5L8QOSD176", 176, "an-fiche"],
      ["QANR5L11QE450", 450, "an-fiche"],
    ]);
    assert.equal(got[0].ministry_asked, "santé et famille");
    assert.equal(got[1].rubric, "logement : aides et prêts");
    assert.deepStrictEqual(
      got.map((q) => q.warnings),
      [[], []],
    );
  });

  test("a folder saved by a browser: the page gives its record, the assets no record", () => {
    // The package reads bytes, not folders: `page.html` gives the page's record, and each file
    // of `page_files/` (and the Finder's `.DS_Store`) is no question document, one error each
    // (`asalee parse DIR` and Python's `parse_files` skip them by name).
    const page = records(parseAll(fixture("real/an-dyn-l16-qe-200.html")));
    assert.deepStrictEqual(page.map(summary), [["QANR5L16QE200", 200, "an-dyn"]]);
    assert.deepStrictEqual(page[0].warnings, []);
    const assets = [
      new TextEncoder().encode("var x = 1;"),
      new TextEncoder().encode("body { color: red }"),
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      new TextEncoder().encode("<html><body>menu</body></html>"),
      new Uint8Array([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]),
    ];
    for (const bytes of assets) {
      const results = parseAll(bytes);
      assert.equal(results.length, 1);
      assert.ok("error" in results[0], JSON.stringify(results[0]));
      assert.equal(results[0].error.kind, "not-a-question");
    }
  });
});
