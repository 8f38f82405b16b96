// The npm package in Node (pkg/node): the records of the fixtures, errors, parseAll, bytes.
//
//   node --test tests/        (after `make build`; `make test` does both)
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { encodeCp1252, expectedDocuments, loadNodePackage, seeds, withNewline } from "./helpers.mjs";

const { parse, parseAll, ParseError } = loadNodePackage();
const documents = expectedDocuments();

/** Asserts `record` is exactly the expected JSON: values, and key order at every level. */
function assertRecord(record, doc) {
  assert.deepStrictEqual(record, doc.expected);
  assert.equal(JSON.stringify(record, null, 2), JSON.stringify(doc.expected, null, 2));
}

function assertPlainJson(value, path = "record") {
  if (value === null || typeof value !== "object") {
    assert.ok(
      ["string", "number", "boolean"].includes(typeof value) || value === null,
      `${path} is ${typeof value}`,
    );
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertPlainJson(item, `${path}[${i}]`));
    return;
  }
  assert.equal(Object.getPrototypeOf(value), Object.prototype, `${path} is a plain object`);
  for (const [key, item] of Object.entries(value)) assertPlainJson(item, `${path}.${key}`);
}

describe("the expected record of every seed and authored document", () => {
  test("there are documents to check", () => {
    assert.ok(documents.length >= 6, `found ${documents.length}`);
    assert.ok(documents.some((doc) => doc.name.startsWith("senat-")));
  });

  for (const doc of documents) {
    test(`${doc.name}: parse(string)`, () => {
      const record = parse(doc.text);
      assertRecord(record, doc);
      assertPlainJson(record);
    });

    test(`${doc.name}: parse(Uint8Array)`, () => {
      assertRecord(parse(doc.bytes), doc);
    });

    test(`${doc.name}: parse(Buffer), with a BOM and CRLF line ends`, () => {
      const crlf = Buffer.from(`\uFEFF${doc.text.replace(/\n/g, "\r\n")}`, "utf8");
      assertRecord(parse(crlf), doc);
    });

    test(`${doc.name}: Windows-1252 bytes`, () => {
      assertRecord(parse(encodeCp1252(doc.text)), doc);
    });

    test(`${doc.name}: parseAll gives the one record`, () => {
      const results = parseAll(doc.text);
      assert.equal(results.length, 1);
      assert.deepStrictEqual(Object.keys(results[0]), ["ok"]);
      assertRecord(results[0].ok, doc);
    });
  }
});

describe("Windows-1252", () => {
  test("the characters of 0x80–0x9F (’ œ € …) decode as Windows-1252, not ISO-8859-1", () => {
    const seed = seeds().find((text) => text.includes("Texte de la question"));
    const text = seed
      .replace(/l'association/g, "l’association")
      .replace("Asalée (Action", "Asalée – « œuvre » à 100 € … (Action");
    assert.notEqual(text, seed);
    const bytes = encodeCp1252(text);
    assert.ok(bytes.includes(0x92) && bytes.includes(0x9c) && bytes.includes(0x80));
    const fromBytes = parse(bytes);
    assert.deepStrictEqual(fromBytes, parse(text));
    assert.match(fromBytes.question_text, /l’association/);
    assert.match(fromBytes.question_text, /« œuvre » à 100 € …/);
    assert.deepStrictEqual(fromBytes.warnings, [], "decoding as Windows-1252 is no warning");
  });
});

describe("errors", () => {
  test('parse("Bonjour\\n") throws a ParseError at line 1 column 1', () => {
    let caught;
    try {
      parse("Bonjour\n");
    } catch (err) {
      caught = err;
    }
    assert.ok(caught instanceof ParseError, "instanceof ParseError");
    assert.ok(caught instanceof Error, "instanceof Error");
    assert.equal(caught.name, "ParseError");
    assert.equal(caught.kind, "not-a-question");
    assert.equal(caught.line, 1);
    assert.equal(caught.column, 1);
    assert.match(caught.message, /^not a question document\b.* at line 1 column 1$/);
    assert.equal(caught.message, `${caught.reason} at line 1 column 1`);
    assert.match(caught.stack, /ParseError: not a question document/);
  });

  test("assert.throws sees the class and its fields", () => {
    assert.throws(() => parse(new Uint8Array([0x42, 0x6f, 0x6e, 0x6a, 0x6f, 0x75, 0x72])), {
      name: "ParseError",
      kind: "not-a-question",
      line: 1,
      column: 1,
    });
  });

  test("an empty input is not a question document", () => {
    assert.throws(() => parse(""), { name: "ParseError", kind: "not-a-question", line: 1, column: 1 });
    assert.throws(() => parse(new Uint8Array()), { name: "ParseError", line: 1, column: 1 });
  });

  test("a question without text fails at a line of its own", () => {
    const input = "ASSEMBLÉE NATIONALE\n17ème législature\nUn titre\nQuestion écrite n° 77\nRubrique : santé\n";
    assert.throws(() => parse(input), (err) => {
      assert.ok(err instanceof ParseError);
      assert.equal(err.kind, "missing-text");
      assert.ok(err.line >= 4 && err.line <= 5, `line ${err.line}`);
      assert.ok(err.column >= 1);
      assert.ok(err.message.endsWith(`at line ${err.line} column ${err.column}`));
      return true;
    });
  });

  test("strict mode turns a warning into a ParseError at the warning's line", () => {
    const seed = seeds().find((text) => text.includes("### Texte de la question"));
    const text = seed.replace("### Texte de la question", "Date de dépôt : 3 mars 2024\n\n### Texte de la question");
    const lenient = parse(text);
    assert.deepStrictEqual(lenient.other_fields, [{ label: "Date de dépôt", value: "3 mars 2024" }]);
    assert.equal(lenient.warnings.length, 1);
    assert.deepStrictEqual(parse(text, { strict: false }), lenient);
    assert.deepStrictEqual(parse(text, {}), lenient);
    assert.deepStrictEqual(parse(text, undefined), lenient);
    assert.deepStrictEqual(parse(text, null), lenient);
    assert.throws(() => parse(text, { strict: true }), {
      name: "ParseError",
      kind: "strict",
      line: lenient.warnings[0].line,
    });
    const [result] = parseAll(text, { strict: true });
    assert.ok(result.error instanceof ParseError);
    assert.equal(result.error.kind, "strict");
    assert.equal(result.ok, undefined);
  });

  test("a clean document parses in strict mode", () => {
    for (const doc of documents.filter((d) => d.expected.warnings.length === 0)) {
      assert.deepStrictEqual(parse(doc.text, { strict: true }), doc.expected, doc.name);
    }
  });

  test("wrong arguments are TypeErrors, not ParseErrors", () => {
    for (const input of [42, null, undefined, {}, ["text"], new ArrayBuffer(4)]) {
      assert.throws(() => parse(input), TypeError, String(input));
      assert.throws(() => parseAll(input), TypeError, String(input));
    }
    assert.throws(() => parse("x", { strict: "yes" }), TypeError);
  });
});

describe("parseAll", () => {
  const texts = seeds().map(withNewline);
  const bySeed = new Map(documents.map((doc) => [withNewline(doc.text), doc]));

  test("the five seeds concatenated give the five records, in order", () => {
    const results = parseAll(texts.join(""));
    assert.equal(results.length, texts.length);
    results.forEach((result, i) => assertRecord(result.ok, bySeed.get(texts[i])));
  });

  test("in reverse order too, and from Windows-1252 bytes", () => {
    const reversed = [...texts].reverse();
    const results = parseAll(encodeCp1252(reversed.join("")));
    assert.equal(results.length, texts.length);
    results.forEach((result, i) => assertRecord(result.ok, bySeed.get(reversed[i])));
  });

  test("a bad document in the middle is its own error; the others parse", () => {
    const bad = "Question écrite n° 77\nRubrique : santé\n";
    const input = texts[0] + bad + texts[2];
    const badLine = texts[0].split("\n").length; // 1-based line where `bad` starts
    const nextLine = badLine + bad.split("\n").length - 1;
    const results = parseAll(input);
    assert.equal(results.length, 3);
    assertRecord(results[0].ok, bySeed.get(texts[0]));
    assertRecord(results[2].ok, bySeed.get(texts[2]));
    const { error } = results[1];
    assert.deepStrictEqual(Object.keys(results[1]), ["error"]);
    assert.ok(error instanceof ParseError);
    assert.equal(error.kind, "missing-text");
    assert.ok(error.line >= badLine && error.line < nextLine, `line ${error.line} in ${badLine}..${nextLine}`);
    assert.equal(error.column, 1);
    assert.match(error.message, new RegExp(`at line ${error.line} column 1$`));
  });

  test("an input with no document gives exactly one error, as parse does", () => {
    const results = parseAll("Bonjour\nAu revoir\n");
    assert.equal(results.length, 1);
    assert.equal(results[0].error.kind, "not-a-question");
    assert.equal(results[0].error.line, 1);
    assert.equal(parseAll("").length, 1);
  });

  test("returns a plain array of plain objects", () => {
    const results = parseAll(texts.join(""));
    assert.ok(Array.isArray(results));
    for (const result of results) assertPlainJson(result.ok);
  });
});
