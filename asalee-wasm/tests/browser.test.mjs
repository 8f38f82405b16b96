// The demo page (dist/site) in headless Chromium: Debian's /usr/bin/chromium driven by
// playwright-core, the page served from 127.0.0.1 by a small static server started here.
// Screenshots go to test-output/.
//
//   node --test tests/browser.test.mjs     (after `make build`; `make test` does both)
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { after, before, describe, test } from "node:test";

import { zipSync } from "fflate";
import { chromium } from "playwright-core";

import { encodeCp1252, expectedDocuments, outputDir, siteDir } from "./helpers.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

const documents = expectedDocuments();
const doc = (prefix) => documents.find((d) => d.name.startsWith(prefix));

/** Serves `root` on 127.0.0.1 (a free port); resolves to the server. */
function serve(root) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let server;
let browser;
let context;
let page;
let origin;
const requests = [];
const problems = [];

before(async () => {
  assert.ok(existsSync(join(siteDir, "pkg", "asalee_bg.wasm")), "dist/site is missing: run `make build` first");
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run \`make test\` (it installs chromium)`);
  mkdirSync(outputDir, { recursive: true });
  server = await serve(siteDir);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // A fresh profile directory is playwright's own default.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: "fr-FR" });
  page = await context.newPage();
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

async function open() {
  await page.goto(`${origin}/`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15_000 });
}

async function pasteAndRead(text) {
  await page.fill("#text", text);
  await page.click("#parse");
}

const cell = (card, field) => card.locator(`tr[data-field="${field}"] td`);

/** Drops `files` (`[{ name, bytes }]`) on the drop zone, as a browser's drag and drop does. */
async function dropFiles(files) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, bytes } of list) transfer.items.add(new File([new Uint8Array(bytes)], name));
    return transfer;
  }, files.map(({ name, bytes }) => ({ name, bytes: [...bytes] })));
  await page.dispatchEvent("#drop", "dragenter", { dataTransfer });
  await page.dispatchEvent("#drop", "drop", { dataTransfer });
}

/** The page's visible text, for checks that no English or backtick leaks into it. */
const visibleText = () => page.evaluate(() => document.body.innerText);

/** The CSV's columns, from the header row of the page's own CSV. */
async function csvColumns() {
  const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
  return readFileSync(await csv.path(), "utf8").replace(/^\uFEFF/, "").split("\r\n")[0].split(",");
}

describe("the demo page", () => {
  test("loads the module from the same origin only", async () => {
    await open();
    await assert.doesNotReject(page.waitForSelector("#parse:not([disabled])"));
    assert.match(await page.textContent("#status"), /Prêt/);
    assert.deepStrictEqual(requests.filter((url) => !url.startsWith(origin)), []);
    assert.ok(requests.some((url) => url.endsWith("/pkg/asalee_bg.wasm")));
  });

  test("the empty page shows no download, clear or view button", async () => {
    for (const id of ["#downloads", "#download-jsonl", "#download-csv", "#clear", "#views", "#table-view"]) {
      assert.equal(await page.isVisible(id), false, `${id} is visible on the empty page`);
    }
    await page.screenshot({ path: join(outputDir, "demo-empty.png"), fullPage: true });
    // An error alone: "Effacer" appears, the downloads and the table do not (no record to give).
    await pasteAndRead("Bonjour\n");
    await page.locator("#list .record.error").waitFor();
    assert.equal(await page.isVisible("#clear"), true);
    for (const id of ["#download-jsonl", "#download-csv", "#views"]) assert.equal(await page.isVisible(id), false, id);
    await page.click("#clear");
    for (const id of ["#downloads", "#download-csv", "#clear"]) assert.equal(await page.isVisible(id), false, id);
    assert.equal(await page.locator("#list .record").count(), 0);
  });

  test("every control has a label, results are announced", async () => {
    const unlabelled = await page.$$eval("input, textarea, select, button", (nodes) =>
      nodes
        .filter((node) => !(node.labels?.length || node.getAttribute("aria-label") || node.textContent.trim()))
        .map((node) => node.outerHTML));
    assert.deepStrictEqual(unlabelled, []);
    assert.equal(await page.getAttribute("#status", "aria-live"), "polite");
    assert.equal(await page.getAttribute("html", "lang"), "fr");
  });

  for (const d of documents) {
    test(`pasting ${d.name} shows its record`, async () => {
      await pasteAndRead(d.text);
      const cards = page.locator("#list .record");
      await cards.first().waitFor();
      assert.equal(await cards.count(), 1);
      const card = cards.first();
      assert.equal(await card.getAttribute("data-number"), String(d.expected.number));
      assert.equal((await cell(card, "number").textContent()).trim(), String(d.expected.number));
      assert.equal(await card.locator(".json code").textContent(), JSON.stringify(d.expected, null, 2));
      if (d.expected.title) assert.equal(await card.locator("h3.title").textContent(), d.expected.title);
      const published = d.expected.question_published;
      if (published) {
        assert.equal(await cell(card, "question_published").locator("time").getAttribute("datetime"), published.date);
      }
      const paragraphs = d.expected.question_text?.split("\n") ?? [];
      assert.equal(await card.locator(".question-text p").count(), paragraphs.length);
      assert.match(await page.textContent("#status"), /1 document lu : 1 fiche, 0 erreur\./);
    });
  }

  test("dates are written in French, fields in words", async () => {
    await pasteAndRead(doc("000").text);
    const card = page.locator("#list .record").first();
    assert.equal((await cell(card, "question_published").textContent()).trim(), "19 décembre 2023");
    assert.equal((await cell(card, "chamber").textContent()).trim(), "Assemblée nationale");
    assert.equal((await cell(card, "kind").textContent()).trim(), "Question écrite");
    assert.equal((await cell(card, "legislature").textContent()).trim(), "16e législature");
    assert.equal((await cell(card, "closed").textContent()).trim(), "11 juin 2024 (fin de mandat)");
    assert.match(await cell(card, "author").textContent(), /Mme Laure Miller — Renaissance, Marne/);
    assert.match(await cell(card, "title").textContent(), /non indiqué/);
    await page.screenshot({ path: join(outputDir, "demo-record.png"), fullPage: true });
  });

  test("warnings are highlighted and other fields listed", async () => {
    const text = doc("002").text.replace(
      "### Texte de la question",
      "Date de dépôt : 3 mars 2024\n\n### Texte de la question",
    );
    await pasteAndRead(text);
    const card = page.locator("#list .record").first();
    await card.locator(".warnings").waitFor();
    assert.match(await card.locator(".warnings li").first().textContent(), /^Ligne \d+ : Champ inconnu « Date de dépôt », gardé sous « Autres champs »\.$/);
    assert.equal(await card.locator(".other dt").textContent(), "Date de dépôt");
    assert.equal(await card.locator(".other dd").textContent(), "3 mars 2024");

    await page.check("#strict");
    await page.locator("#list .record.error").waitFor();
    const strict = page.locator("#list .record.error");
    assert.equal(await strict.getAttribute("data-kind"), "strict");
    assert.equal(await strict.locator(".reason").textContent(),
      "Mode strict : Champ inconnu « Date de dépôt », gardé sous « Autres champs ».");
    await page.uncheck("#strict");
    await page.locator("#list .record:not(.error)").waitFor();
  });

  test("picking files (one in Windows-1252) reads each", async () => {
    const seed = doc("001");
    const senat = doc("senat-");
    await page.setInputFiles("#files", [
      { name: "question-cp1252.txt", mimeType: "text/plain", buffer: Buffer.from(encodeCp1252(seed.text)) },
      { name: "senat.txt", mimeType: "text/plain", buffer: Buffer.from(senat.bytes) },
    ]);
    await page.waitForFunction(() => document.querySelectorAll("#list .record").length === 2);
    const cards = page.locator("#list .record");
    assert.equal(await cards.nth(0).locator(".source").textContent(), "question-cp1252.txt");
    assert.equal(await cards.nth(0).locator(".json code").textContent(), JSON.stringify(seed.expected, null, 2));
    assert.equal(await cards.nth(1).locator(".json code").textContent(), JSON.stringify(senat.expected, null, 2));
    assert.equal((await cell(cards.nth(1), "chamber").textContent()).trim(), "Sénat");
    assert.match(await page.textContent("#status"), /2 documents lus : 2 fiches, 0 erreur\./);
  });

  test("downloads all records as JSON Lines and as CSV", async () => {
    const seed = doc("001");
    const senat = doc("senat-");
    const [jsonl] = await Promise.all([page.waitForEvent("download"), page.click("#download-jsonl")]);
    assert.equal(jsonl.suggestedFilename(), "questions.jsonl");
    const lines = readFileSync(await jsonl.path(), "utf8").trimEnd().split("\n");
    assert.deepStrictEqual(lines, [JSON.stringify(seed.expected), JSON.stringify(senat.expected)]);

    const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
    assert.equal(csv.suggestedFilename(), "questions.csv");
    const content = readFileSync(await csv.path(), "utf8");
    // The core's CSV (as `asalee parse --format csv --bom --source`): the source is the last column.
    assert.ok(content.startsWith("\uFEFFuid,chamber,legislature,kind,number,title,"));
    assert.ok(content.split("\r\n")[0].endsWith(",layout,source"));
    assert.match(content, /\r\n,SENAT,,QE,1342,[\s\S]*,senat,senat\.txt\r\n$/);
  });

  test("dropping a file reads it", async () => {
    const d = doc("003");
    const dataTransfer = await page.evaluateHandle(({ text, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: "text/plain" }));
      return transfer;
    }, { text: d.text, name: "dropped.txt" });
    await page.dispatchEvent("#drop", "dragenter", { dataTransfer });
    await page.dispatchEvent("#drop", "drop", { dataTransfer });
    await page.waitForFunction(() => document.querySelector("#list .record .source")?.textContent === "dropped.txt");
    const card = page.locator("#list .record").first();
    assert.equal(await card.locator(".json code").textContent(), JSON.stringify(d.expected, null, 2));
  });

  test("an error shows its message, line, column and the offending line", async () => {
    await pasteAndRead("Bonjour\n\nQuestion écrite n° 77\nRubrique : santé\n");
    const card = page.locator("#list .record.error");
    await card.waitFor();
    assert.equal(await card.getAttribute("data-line"), "3");
    assert.equal(await card.getAttribute("data-kind"), "missing-text");
    assert.equal(await card.locator(".reason").textContent(),
      "La question 77 n'a ni texte de question ni texte de réponse : « Texte de la question » ou les paragraphes de la question sont attendus après cette ligne.");
    assert.equal(await card.locator(".where").textContent(), "Ligne 3, colonne 1");
    // The core's own message stays at hand, folded, its `quotes` turned into « guillemets ».
    assert.equal(await card.locator(".technical").getAttribute("open"), null);
    assert.match(await card.locator(".original").textContent(), /^question 77 has neither .*« Texte de la question »/);
    assert.doesNotMatch(await visibleText(), /`/);
    assert.equal(await card.locator(".excerpt pre").textContent(), "3 | Question écrite n° 77\n    ^");
    assert.match(await page.textContent("#status"), /1 document lu : 0 fiche, 1 erreur\./);
    await page.screenshot({ path: join(outputDir, "demo-error.png"), fullPage: true });
  });

  test("every error kind is said in French", async () => {
    const cases = [
      ["Bonjour\n", "not-a-question", /^Ce texte n'est pas une question parlementaire/],
      ["Titre\nQuestion écrite\nTexte de la question\nM. Jean Dupont demande.\n", null, null],
      ["ASSEMBLÉE NATIONALE\nQuestion N° : 12\n", null, null],
    ];
    for (const [text, kind, french] of cases) {
      await pasteAndRead(text);
      await page.locator("#list .record").first().waitFor();
      const card = page.locator("#list .record.error").first();
      if (!(await card.count())) continue;
      const reason = await card.locator(".reason").textContent();
      if (kind) assert.equal(await card.getAttribute("data-kind"), kind);
      if (french) assert.match(reason, french);
      // Whatever the kind: French, no backtick, the position kept.
      assert.doesNotMatch(reason, /`| at line |expected|question record/);
      assert.match(await card.locator(".where").textContent(), /^Ligne \d+, colonne \d+$/);
    }
  });

  test("a bad document among good ones: each shown in order", async () => {
    const texts = [doc("000").text, "Question écrite n° 77\nRubrique : santé\n", doc("004").text];
    await pasteAndRead(texts.map((t) => (t.endsWith("\n") ? t : `${t}\n`)).join(""));
    await page.waitForFunction(() => document.querySelectorAll("#list .record").length === 3);
    const classes = await page.$$eval("#list .record", (nodes) => nodes.map((n) => n.className));
    assert.deepStrictEqual(classes, ["record", "record error", "record"]);
    assert.match(await page.textContent("#status"), /3 documents lus : 2 fiches, 1 erreur\./);
    assert.match(await page.locator("#list .record.error .excerpt pre").textContent(), /\| Question écrite n° 77\n/);
  });

  test("the table view: one row per record, the CSV's columns, sortable", async () => {
    const picks = [doc("000"), doc("001"), doc("002"), doc("senat-")]; // in name order, as read
    await page.setInputFiles("#files", picks.map((d) => ({ name: `${d.name}.txt`, mimeType: "text/plain", buffer: Buffer.from(d.bytes) })));
    await page.waitForFunction(() => document.querySelectorAll("#list .record").length === 4);
    const columns = await csvColumns();
    await page.check('input[name="view"][value="table"]');
    await page.locator("#table-view").waitFor();
    assert.equal(await page.isVisible("#list .record"), false, "the cards are hidden in the table view");
    assert.deepStrictEqual(await page.$$eval("#table thead th", (ths) => ths.map((th) => th.dataset.column)), columns);
    assert.equal(await page.locator("#table tbody tr").count(), 4);
    const column = async (name) => page.$$eval(`#table tbody td[data-column="${name}"]`, (tds) => tds.map((td) => td.textContent));
    // In reading order first; the cells are the CSV's.
    assert.deepStrictEqual(await column("number"), picks.map((d) => String(d.expected.number)));
    assert.deepStrictEqual(await column("author_name"), picks.map((d) => d.expected.author?.name ?? ""));
    assert.deepStrictEqual(await column("question_published_date"), picks.map((d) => d.expected.question_published?.date ?? ""));

    const numbers = picks.map((d) => d.expected.number);
    await page.click('#table th[data-column="number"] button');
    assert.equal(await page.getAttribute('#table th[data-column="number"]', "aria-sort"), "ascending");
    assert.deepStrictEqual(await column("number"), [...numbers].sort((a, b) => a - b).map(String));
    await page.click('#table th[data-column="number"] button');
    assert.equal(await page.getAttribute('#table th[data-column="number"]', "aria-sort"), "descending");
    assert.deepStrictEqual(await column("number"), [...numbers].sort((a, b) => b - a).map(String));
    // Text in French order; a record without the value comes last, whichever the direction.
    await page.click('#table th[data-column="question_published_date"] button');
    const dates = await column("question_published_date");
    assert.deepStrictEqual(dates, [...dates.filter(Boolean).sort(), ...dates.filter((d) => !d)]);
    assert.equal(await page.getAttribute('#table th[data-column="number"]', "aria-sort"), "none");
    await page.$eval("#table-view", (node) => { node.scrollLeft = 0; });
    await page.locator("#results").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(outputDir, "demo-table.png"), fullPage: true });

    // Errors stay visible as cards under the table; back to the cards.
    await pasteAndRead(`${doc("004").text.trimEnd()}\nQuestion écrite n° 77\nRubrique : santé\n`);
    await page.locator("#table-view").waitFor();
    assert.equal(await page.locator("#table tbody tr").count(), 1);
    assert.equal(await page.locator("#list .record.error").count(), 1);
    await page.check('input[name="view"][value="cards"]');
    await page.locator("#list .record:not(.error)").waitFor();
    assert.equal(await page.isVisible("#table-view"), false);
  });

  test("dropping a zip archive reads every document in it", async () => {
    const inner = zipSync({ "deep/003.txt": doc("003").bytes });
    const archive = zipSync({
      "pages/": new Uint8Array(0),
      "pages/002.txt": doc("002").bytes,
      "pages/senat.txt": doc("senat-").bytes,
      "notes.txt": new TextEncoder().encode("Bonjour\n"),
      "cp1252.txt": encodeCp1252(doc("001").text),
      "inner.zip": inner,
    });
    await dropFiles([{ name: "questions.zip", bytes: archive }]);
    await page.waitForFunction(() => document.querySelectorAll("#list .record").length === 5);
    const sources = await page.$$eval("#list .record .source", (nodes) => nodes.map((n) => n.textContent));
    assert.deepStrictEqual(sources, [
      "questions.zip!pages/002.txt",
      "questions.zip!pages/senat.txt",
      "questions.zip!notes.txt",
      "questions.zip!cp1252.txt",
      "questions.zip!inner.zip!deep/003.txt",
    ]);
    const cards = page.locator("#list .record");
    for (const [i, d] of [[0, doc("002")], [1, doc("senat-")], [3, doc("001")], [4, doc("003")]]) {
      assert.equal(await cards.nth(i).locator(".json code").textContent(), JSON.stringify(d.expected, null, 2));
    }
    assert.equal(await cards.nth(2).getAttribute("data-kind"), "not-a-question");
    assert.match(await page.textContent("#status"), /5 documents lus : 4 fiches, 1 erreur\./);
    await page.screenshot({ path: join(outputDir, "demo-zip.png"), fullPage: true });

    await dropFiles([{ name: "broken.zip", bytes: archive.subarray(0, 60) }]);
    await page.waitForFunction(() => document.querySelector("#list .record .source")?.textContent.startsWith("broken.zip"));
    assert.match(await page.locator("#list .record.error .reason").first().textContent(), /^Archive zip illisible/);
  });

  test("dropping a folder reads every file below it, in name order", async () => {
    // A synthetic drop carries no real folder: the page gets entries shaped like the browser's
    // (FileSystemDirectoryEntry), which it walks as it walks a real one.
    const texts = { a: doc("002").text, b: doc("senat-").text, c: doc("003").text };
    await page.evaluate((texts) => {
      const file = (name, text) => ({ name, isFile: true, isDirectory: false,
        file: (ok) => ok(new File([text], name, { type: "text/plain" })) });
      const folder = (name, children) => ({ name, isFile: false, isDirectory: true,
        createReader() {
          // Two batches then an empty one, as Chromium gives a large folder.
          const batches = [children.slice(0, 1), children.slice(1), []];
          return { readEntries: (ok) => setTimeout(() => ok(batches.shift() ?? [])) };
        } });
      const tree = folder("pages", [file("z.txt", texts.b), folder("sub", [file("c.txt", texts.c)]), file("a.txt", texts.a)]);
      const transfer = {
        types: ["Files"],
        files: [new File([""], "pages")],
        items: [{ kind: "file", webkitGetAsEntry: () => tree }],
      };
      const event = new Event("drop", { bubbles: true, cancelable: true });
      Object.defineProperty(event, "dataTransfer", { value: transfer });
      document.querySelector("#drop").dispatchEvent(event);
    }, texts);
    await page.waitForFunction(() => document.querySelector("#list .record .source")?.textContent === "pages/a.txt");
    const sources = await page.$$eval("#list .record .source", (nodes) => nodes.map((n) => n.textContent));
    assert.deepStrictEqual(sources, ["pages/a.txt", "pages/sub/c.txt", "pages/z.txt"]);
    assert.equal(await page.locator("#list .record.error").count(), 0);
  });

  test("picking a folder reads every file below it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "asalee-folder-"));
    try {
      mkdirSync(join(dir, "pages", "sub"), { recursive: true });
      writeFileSync(join(dir, "pages", "b.txt"), doc("004").bytes);
      writeFileSync(join(dir, "pages", "sub", "a.txt"), doc("000").bytes);
      await page.setInputFiles("#folder", join(dir, "pages"));
      await page.waitForFunction(() => document.querySelectorAll("#list .record").length === 2);
      const sources = await page.$$eval("#list .record .source", (nodes) => nodes.map((n) => n.textContent));
      assert.deepStrictEqual(sources, ["pages/b.txt", "pages/sub/a.txt"]);
      assert.equal(await page.locator("#list .record.error").count(), 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the copy button copies the JSON (or selects it)", async () => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    await pasteAndRead(doc("002").text);
    const card = page.locator("#list .record").first();
    await card.locator(".json summary").click();
    await card.locator(".copy").click();
    await page.waitForFunction(() => /JSON (copié|est sélectionné)/.test(document.querySelector("#status").textContent));
    if (/copié/.test(await page.textContent("#status"))) {
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), JSON.stringify(doc("002").expected, null, 2));
    }
  });

  test("the example menu loads a document, keyboard only", async () => {
    await page.focus("#example");
    await page.keyboard.press("ArrowDown");
    await page.locator("#list .record").first().waitFor();
    await page.waitForFunction(() => document.querySelector("#text").value.length > 0);
    await page.focus("#text");
    await page.keyboard.press("Control+Enter");
    assert.equal(await page.locator("#list .record:not(.error)").count(), 1);
  });

  test("readable on a phone", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await pasteAndRead(doc("senat-").text);
    await page.locator("#list .record").first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await page.screenshot({ path: join(outputDir, "demo-phone.png"), fullPage: true });
    await page.setViewportSize({ width: 1100, height: 900 });
  });

  test("no error in the page's console", () => {
    assert.deepStrictEqual(problems, []);
  });
});
