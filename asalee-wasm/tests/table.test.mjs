// Flat rows and CSV in Node: toRow, csvColumns, toCsv (the core's writer, as the CLI's), and the
// argument checks that name the parameter.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { expectedDocuments, loadNodePackage, seeds, withNewline } from "./helpers.mjs";

const { parse, parseAll, toRow, toCsv, csvColumns } = loadNodePackage();
const documents = expectedDocuments();

/** RFC 4180 text back into rows of strings (for the tests only). */
function readCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  assert.equal(cell, "", "the text ends with CRLF");
  return rows;
}

/** A row's value as CSV writes it. */
const text = (value) => (value === null ? "" : String(value));

describe("toRow and csvColumns", () => {
  test("the columns: the record's fields, nested parts flattened", () => {
    const columns = csvColumns();
    assert.equal(columns.length, 33);
    assert.deepStrictEqual(columns.slice(0, 8), [
      "uid", "chamber", "legislature", "kind", "number", "title", "author_civility", "author_name",
    ]);
    assert.ok(columns.includes("question_published_date") && columns.includes("closed_reason"));
    assert.equal(columns.at(-1), "layout");
  });

  for (const doc of documents) {
    test(`${doc.name}: toRow has the record's values`, () => {
      const record = parse(doc.text);
      const row = toRow(record);
      assert.deepStrictEqual(Object.keys(row), csvColumns());
      assert.equal(row.number, record.number);
      assert.equal(row.uid, record.uid);
      assert.equal(row.author_name, record.author?.name ?? null);
      assert.equal(row.question_published_date, record.question_published?.date ?? null);
      assert.equal(row.reassigned_on, record.reassigned_on.length ? record.reassigned_on.join(" ") : null);
      assert.equal(row.warnings, record.warnings.length ? JSON.stringify(record.warnings) : null);
      assert.equal(row.layout, record.layout);
    });
  }

  test("a record read back from JSON gives the same row", () => {
    const record = parse(documents[0].text);
    assert.deepStrictEqual(toRow(JSON.parse(JSON.stringify(record))), toRow(record));
  });

  test("toRow refuses what is not a record, naming the parameter", () => {
    assert.throws(() => toRow(5), { name: "TypeError", message: "asalee: toRow() argument 'record' must be a record (a Question object), not number" });
    assert.throws(() => toRow({ number: 1 }), (err) => err instanceof TypeError && /toRow\(\) argument 'record' is not a record: /.test(err.message));
  });
});

describe("toCsv", () => {
  const texts = seeds().map(withNewline);
  const results = parseAll(texts.join("") + "Bonjour\n");

  test("a header row, then one row per record: the rows of toRow", () => {
    const records = results.filter((r) => r.ok).map((r) => r.ok);
    const csv = toCsv(records);
    assert.ok(!csv.startsWith("\uFEFF"));
    const rows = readCsv(csv);
    assert.deepStrictEqual(rows[0], csvColumns());
    assert.equal(rows.length, 1 + records.length);
    records.forEach((record, i) => {
      assert.deepStrictEqual(rows[i + 1], Object.values(toRow(record)).map(text));
    });
    const two = parse('Titre\nQuestion écrite n° 12\n\nTexte de la question\n\nM. Jean Dupont demande « ceci ».\n\nEt "cela".\n');
    const [, row] = readCsv(toCsv([two]));
    assert.equal(row[csvColumns().indexOf("question_text")], 'M. Jean Dupont demande « ceci ».\nEt "cela".');
  });

  test("parseAll's results: errors have no row; bom and one source per item", () => {
    const sources = results.map((_, i) => `doc-${i}.txt`);
    const csv = toCsv(results, { bom: true, source: sources });
    assert.ok(csv.startsWith("\uFEFFuid,chamber,"));
    const rows = readCsv(csv.slice(1));
    assert.equal(rows[0].at(-1), "source");
    assert.equal(rows.length, 1 + texts.length);
    assert.deepStrictEqual(rows.slice(1).map((row) => row.at(-1)), sources.slice(0, texts.length));
    assert.equal(readCsv(toCsv(results, { source: "all.txt" }))[1].at(-1), "all.txt");
    assert.deepStrictEqual(readCsv(toCsv([])), [csvColumns()]);
  });

  test("bad arguments are TypeErrors naming the parameter", () => {
    const cases = [
      [() => toCsv("x"), "asalee: toCsv() argument 'results' must be an array of records or results, not string"],
      [() => toCsv([1]), "asalee: toCsv() argument 'results[0]' must be a record or a result, not number"],
      [() => toCsv([], 5), "asalee: toCsv() argument 'options' must be an object such as { bom: true }, not number"],
      [() => toCsv([], { bom: "yes" }), "asalee: toCsv() argument 'options.bom' must be a boolean, not string"],
      [() => toCsv([], { source: 3 }), "asalee: toCsv() argument 'options.source' must be a string or an array of strings, not number"],
      [() => toCsv(results, { source: ["a"] }), `asalee: toCsv() argument 'options.source' must hold one string per item of 'results' (${results.length})`],
    ];
    for (const [call, message] of cases) assert.throws(call, { name: "TypeError", message });
  });
});

describe("parse and parseAll name the parameter they refuse", () => {
  test("options that are not an object", () => {
    for (const [value, kind] of [[5, "number"], ["strict", "string"], [true, "boolean"], [[true], "an array"]]) {
      for (const [fn, name] of [[parse, "parse"], [parseAll, "parseAll"]]) {
        assert.throws(() => fn("x", value), {
          name: "TypeError",
          message: `asalee: ${name}() argument 'options' must be an object such as { strict: true }, not ${kind}`,
        });
      }
    }
    assert.throws(() => parse("x", { strict: "yes" }), {
      name: "TypeError",
      message: "asalee: parse() argument 'options.strict' must be a boolean, not string",
    });
  });

  test("inputs that are neither text nor bytes", () => {
    assert.throws(() => parse(42), { name: "TypeError", message: "asalee: parse() argument 'input' must be a string or a Uint8Array, not number" });
    assert.throws(() => parseAll(null), { name: "TypeError", message: "asalee: parseAll() argument 'input' must be a string or a Uint8Array, not null" });
  });
});
