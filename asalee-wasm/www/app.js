// The demo page: text or files in, one card per document out. Everything runs in the page;
// the only requests are for this page's own files (the module, its .wasm, the examples).
import init, { csvColumns, parseAll, toRow } from "./pkg/asalee.js";
import { unzipSync } from "./vendor/fflate.js";

const $ = (id) => document.getElementById(id);

/** The WebAssembly module, loading: reading waits for it. */
const loading = init();

/** What is shown: one item per document, `{ source, record }` or `{ source, error, text }`. */
let items = [];

// ---------------------------------------------------------------------------------------------
// Formatting

const dateFormat = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** `2024-01-01` → `1er janvier 2024`, as a `<time>` element. */
export function formatDate(iso) {
  const time = document.createElement("time");
  time.dateTime = iso;
  const date = new Date(`${iso}T00:00:00Z`);
  let text = Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
  if (date.getUTCDate() === 1) text = text.replace(/^1 /, "1er ");
  time.textContent = text;
  return time;
}

const ordinal = (n, feminine = true) => (n === 1 ? (feminine ? "1re" : "1er") : `${n}e`);

const CHAMBERS = { AN: "Assemblée nationale", SENAT: "Sénat" };
const KINDS = { QE: "Question écrite", QOSD: "Question orale sans débat", QG: "Question au Gouvernement" };
const ERRATA_OF = { question: "de la question", answer: "de la réponse" };

// ---------------------------------------------------------------------------------------------
// Messages in French. The core's messages are English text for developers; its error kinds
// (ErrorKind::as_str) are stable codes: the page says each in French and keeps the line and
// column. Warnings are free text: the known shapes are said in French, the rest shown as they
// are, with the core's `quotes` turned into « guillemets ».

/** `a `b` c` → `a « b » c`: no literal backticks reach the page. */
export const quoted = (text) => String(text).replace(/`([^`]*)`/g, "« $1 »").replace(/`/g, "");

/** The French sentence for an error kind; `message` (the core's) gives the details it can. */
export function errorText(kind, message = "") {
  const number = /question (\d+)/.exec(message)?.[1];
  switch (kind) {
    case "not-a-question":
      return /XML/.test(message)
        ? "Ce document XML n'est pas une question que l'analyseur sait lire."
        : "Ce texte n'est pas une question parlementaire : aucune ligne telle que « Question écrite n° 1234 », « Question N° : 1234 » ou « Question de : » n'y figure.";
    case "missing-number":
      return "Cette question n'a pas de numéro : une ligne telle que « Question écrite n° 1234 » ou « Question N° : 1234 » est attendue.";
    case "missing-text":
      return `${number ? `La question ${number}` : "Cette question"} n'a ni texte de question ni texte de réponse : « Texte de la question » ou les paragraphes de la question sont attendus après cette ligne.`;
    case "strict":
      return `Mode strict : ${warningText(message.replace(/^strict mode: /, ""))}`;
    default:
      return quoted(message) || "Erreur inconnue.";
  }
}

const WHAT = {
  "the date": "la date",
  "the number": "le numéro",
  "the page": "la page",
  "the kind": "le type",
  "the constituency": "la circonscription",
  "the publication": "la publication",
};

/** A warning's message in French where its shape is known, else as it is (quotes turned). */
export function warningText(message) {
  let m;
  if ((m = /^unknown label `(.*)` kept in other_fields$/.exec(message))) {
    return `Champ inconnu « ${m[1]} », gardé sous « Autres champs ».`;
  }
  if ((m = /^(the [a-z ]+) of `(.*)` could not be read: `(.*)`$/.exec(message))) {
    return `Illisible : ${WHAT[m[1]] ?? "la valeur"} de « ${m[2]} » (« ${m[3]} »), gardée sous « Autres champs ».`;
  }
  if ((m = /given twice with different \w+ \((.*)\); the first is kept$/.exec(message))) {
    return `Une même information est donnée deux fois avec des valeurs différentes (${quoted(m[1])}) : la première est gardée.`;
  }
  if (/given twice with different values; the first is kept$/.test(message)) {
    return "La clôture de la question est donnée deux fois avec des valeurs différentes : la première est gardée.";
  }
  if ((m = /^(\d+) more document\(s\) start here/.exec(message))) {
    return `${m[1]} autre${m[1] === "1" ? " document commence" : "s documents commencent"} ici.`;
  }
  return quoted(message);
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function absent() {
  return el("span", { className: "absent", textContent: "non indiqué" });
}

function joRef(ref) {
  if (!ref) return null;
  const out = document.createDocumentFragment();
  out.append(formatDate(ref.date));
  if (ref.page !== null) out.append(`, page ${ref.page}`);
  return out;
}

function dateList(dates) {
  if (dates.length === 0) return null;
  const list = el("ul", { className: "inline" });
  for (const iso of dates) list.append(el("li", {}, formatDate(iso)));
  return list;
}

function author(a) {
  if (!a) return null;
  const name = [a.civility, a.name].filter(Boolean).join(" ");
  const details = [
    a.group,
    a.department && (a.constituency !== null ? `${a.department} (${ordinal(a.constituency)} circonscription)` : a.department),
    !a.department && a.constituency !== null ? `${ordinal(a.constituency)} circonscription` : null,
    a.region,
  ].filter(Boolean);
  return el("span", {}, el("span", { className: "name", textContent: name || "—" }),
    details.length ? el("span", { className: "details", textContent: ` — ${details.join(", ")}` }) : null);
}

/** The rows of a record's table: [JSON field, label, value → Node | string | null]. */
const FIELDS = [
  ["uid", "Identifiant (open data AN)", (v) => v && el("code", { textContent: v })],
  ["chamber", "Chambre", (v) => v && CHAMBERS[v]],
  ["legislature", "Législature", (v) => v !== null && `${ordinal(v)} législature`],
  ["kind", "Type", (v) => v && KINDS[v]],
  ["number", "Numéro", (v) => String(v)],
  ["title", "Titre", (v) => v],
  ["author", "Auteur", author],
  ["ministry_asked", "Ministère interrogé", (v) => v],
  ["ministry_answering", "Ministère attributaire", (v) => v],
  ["rubric", "Rubrique", (v) => v],
  ["analysis_heading", "Tête d'analyse", (v) => v],
  ["analysis", "Analyse", (v) => v],
  ["question_published", "Question publiée au JO", joRef],
  ["answer_published", "Réponse publiée au JO", joRef],
  ["flagged_on", "Signalée le", (v) => v && formatDate(v)],
  ["reassigned_on", "Changement d'attribution", dateList],
  ["renewed_on", "Renouvelée le", dateList],
  ["closed", "Clôture", (c) => c && el("span", {}, c.date ? formatDate(c.date) : "date non indiquée",
    c.reason ? ` (${c.reason})` : "")],
  ["errata", "Errata", (errata) => {
    if (errata.length === 0) return null;
    const list = el("ul", { className: "inline" });
    for (const e of errata) {
      list.append(el("li", {}, `Erratum ${ERRATA_OF[e.of] ?? e.of}, JO du `, formatDate(e.date),
        e.page !== null ? `, page ${e.page}` : ""));
    }
    return list;
  }],
  ["layout", "Présentation reconnue", (v) => el("code", { textContent: v })],
];

// ---------------------------------------------------------------------------------------------
// Rendering

function renderRecord({ source, record }) {
  const card = $("record-template").content.firstElementChild.cloneNode(true);
  card.dataset.number = record.number;
  card.querySelector(".source").textContent = source;
  card.querySelector(".title").textContent =
    record.title ?? `${KINDS[record.kind] ?? "Question"} n° ${record.number}`;

  if (record.warnings.length) {
    const box = card.querySelector(".warnings");
    box.hidden = false;
    const list = box.querySelector("ul");
    for (const w of record.warnings) {
      list.append(el("li", {}, el("strong", { textContent: `Ligne ${w.line}` }), ` : ${warningText(w.message)}`));
    }
  }

  const body = card.querySelector("tbody");
  for (const [field, label, show] of FIELDS) {
    const value = show(record[field]);
    const row = el("tr", {},
      el("th", { scope: "row" }, label, el("code", { className: "key", textContent: field })),
      el("td", {}, value === null || value === undefined || value === false ? absent() : value));
    row.dataset.field = field;
    body.append(row);
  }

  for (const [field, selector] of [["question_text", ".question-text"], ["answer_text", ".answer-text"]]) {
    if (record[field] === null) continue;
    const section = card.querySelector(selector);
    section.hidden = false;
    section.dataset.field = field;
    const paragraphs = section.querySelector(".paragraphs");
    for (const paragraph of record[field].split("\n")) paragraphs.append(el("p", { textContent: paragraph }));
  }

  if (record.other_fields.length) {
    const box = card.querySelector(".other");
    box.hidden = false;
    const list = box.querySelector("dl");
    for (const { label, value } of record.other_fields) {
      list.append(el("dt", { textContent: label }), el("dd", { textContent: value }));
    }
  }

  const json = JSON.stringify(record, null, 2);
  card.querySelector(".json code").textContent = json;
  card.querySelector(".copy").addEventListener("click", () => copy(json, card.querySelector(".json pre")));
  return card;
}

/** The line `line` of `text` (1-based), around `column`, with a marker under that column. */
function excerpt(text, line, column) {
  const lines = text.split(/\r\n|\n/);
  if (line < 1 || line > lines.length) return null;
  const chars = Array.from(lines[line - 1]);
  const start = Math.max(0, column - 1 - 60);
  const end = Math.min(chars.length, column - 1 + 100);
  const before = start > 0 ? "…" : "";
  const after = end < chars.length ? "…" : "";
  const shown = before + chars.slice(start, end).join("") + after;
  const gutter = `${line} | `;
  const pad = " ".repeat(gutter.length + before.length + (column - 1 - start));
  return `${gutter}${shown}\n${pad}^`;
}

function renderError({ source, error, text }) {
  const card = $("error-template").content.firstElementChild.cloneNode(true);
  card.dataset.line = error.line;
  card.dataset.column = error.column;
  card.querySelector(".source").textContent = source;
  const reason = error.reason ?? error.message ?? "";
  card.dataset.kind = error.kind ?? "";
  card.querySelector(".reason").textContent = errorText(error.kind, reason);
  card.querySelector(".where").textContent = `Ligne ${error.line}, colonne ${error.column}`;
  card.querySelector(".original").textContent = quoted(reason);
  const shown = text !== undefined && excerpt(text, error.line, error.column);
  if (shown) {
    const figure = card.querySelector(".excerpt");
    figure.hidden = false;
    figure.querySelector("pre").textContent = shown;
  }
  return card;
}

// The table view: one row per record, the CSV's columns (the core's, through `csvColumns` and
// `toRow`) and the source, sortable.

/** Which column the table is sorted by, and which way (1 ascending, -1 descending). */
let sort = { column: null, direction: 1 };

/** The table's columns: the CSV's, then the source (as in the CSV), `{ name, get(row, item) }`
 * (`row`: `toRow`'s). */
const tableColumns = () => [
  ...csvColumns().map((name) => ({ name, get: (row) => row[name] })),
  { name: "source", get: (row, item) => item.source },
];

/** Column headings in French; the CSV column's name is shown under each. */
const HEADINGS = {
  source: "Source", uid: "Identifiant", chamber: "Chambre", legislature: "Législature", kind: "Type",
  number: "Numéro", title: "Titre", author_civility: "Civilité", author_name: "Auteur",
  author_group: "Groupe", author_department: "Département", author_constituency: "Circonscription",
  author_region: "Région", author_ref: "Réf. auteur", ministry_asked: "Ministère interrogé",
  ministry_answering: "Ministère attributaire", rubric: "Rubrique", analysis_heading: "Tête d'analyse",
  analysis: "Analyse", question_published_date: "Question publiée le", question_published_page: "Page (question)",
  answer_published_date: "Réponse publiée le", answer_published_page: "Page (réponse)", flagged_on: "Signalée le",
  reassigned_on: "Changement d'attribution", renewed_on: "Renouvelée le", closed_date: "Clôturée le",
  closed_reason: "Motif de clôture", errata: "Errata", question_text: "Texte de la question",
  answer_text: "Texte de la réponse", other_fields: "Autres champs", warnings: "Avertissements", layout: "Présentation",
};

const collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });

/** Compares two cells: absent values last whatever the direction, numbers as numbers. */
function compareCells(a, b, direction) {
  const empty = (v) => v === null || v === undefined || v === "";
  if (empty(a) || empty(b)) return empty(a) - empty(b);
  const order = typeof a === "number" && typeof b === "number" ? a - b : collator.compare(String(a), String(b));
  return order * direction;
}

function renderTable(list) {
  const columns = tableColumns();
  const rows = list.map((item, index) => {
    const row = toRow(item.record);
    return { item, index, cells: columns.map((c) => c.get(row, item)) };
  });
  const at = columns.findIndex((c) => c.name === sort.column);
  if (at >= 0) rows.sort((x, y) => compareCells(x.cells[at], y.cells[at], sort.direction) || x.index - y.index);

  const head = el("tr");
  for (const column of columns) {
    const sorted = column.name === sort.column;
    const button = el("button", { type: "button", className: "sort" },
      HEADINGS[column.name] ?? column.name, el("code", { className: "key", textContent: column.name }));
    button.addEventListener("click", () => {
      sort = { column: column.name, direction: sorted ? -sort.direction : 1 };
      renderTable(records());
      $("table").querySelector(`th[data-column="${column.name}"] button`)?.focus();
    });
    const th = el("th", { scope: "col" }, button);
    th.dataset.column = column.name;
    th.setAttribute("aria-sort", sorted ? (sort.direction > 0 ? "ascending" : "descending") : "none");
    head.append(th);
  }
  const body = el("tbody");
  for (const { cells } of rows) {
    const tr = el("tr");
    cells.forEach((value, i) => {
      const text = value === null || value === undefined ? "" : String(value);
      // Long texts are cut in the cell (whole in its tooltip, the cards and the downloads).
      const td = el("td", { textContent: text.length > 100 ? `${text.slice(0, 100)}…` : text });
      if (text.length > 100) td.title = text;
      td.dataset.column = columns[i].name;
      tr.append(td);
    });
    body.append(tr);
  }
  $("table").replaceChildren(
    el("caption", { className: "visually-hidden", textContent: "Une ligne par fiche ; cliquez un en-tête pour trier." }),
    el("thead", {}, head), body);
}

/** Which view is shown: "cards" or "table". */
const view = () => (document.querySelector('input[name="view"]:checked')?.value ?? "cards");

function render() {
  const list = $("list");
  const table = items.some((item) => item.record) && view() === "table";
  // In the table view the records are rows; errors stay cards, under the table.
  const cards = table ? items.filter((item) => !item.record) : items;
  list.replaceChildren(...cards.map((item) => (item.record ? renderRecord(item) : renderError(item))));
  const records = items.filter((item) => item.record).length;
  const errors = items.length - records;
  // Nothing to download or clear on an empty page: the buttons appear with the first result,
  // the downloads and the table with the first record.
  $("downloads").hidden = items.length === 0;
  $("download-jsonl").hidden = records === 0;
  $("download-csv").hidden = records === 0;
  $("views").hidden = records === 0;
  renderTable(items.filter((item) => item.record));
  $("table-view").hidden = !table;
  if (items.length === 0) {
    status("Aucun document lu pour l'instant.");
  } else {
    const plural = (n, one, many) => `${n} ${n > 1 ? many : one}`;
    status(`${plural(items.length, "document lu", "documents lus")} : ` +
      `${plural(records, "fiche", "fiches")}, ${plural(errors, "erreur", "erreurs")}.`);
  }
}

function status(message) {
  $("status").textContent = message;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The text the core reads from these bytes (UTF-8 with or without BOM, else Windows-1252). */
function decode(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function read(input, source) {
  const strict = $("strict").checked;
  const results = parseAll(input, { strict });
  const text = typeof input === "string" ? input : decode(input);
  return results.map((result, i) => ({
    source: results.length > 1 ? `${source} — document ${i + 1} sur ${results.length}` : source,
    ...(result.ok ? { record: result.ok } : { error: result.error, text }),
  }));
}

async function readText() {
  await loading;
  const text = $("text").value;
  if (text.trim() === "") {
    items = [];
    render();
    status("Le texte est vide : collez une question ou déposez un fichier.");
    return;
  }
  items = read(text, "Texte collé");
  render();
}

/** The largest document read from an archive (a zip bomb stops here, not the tab). */
const MAX_MEMBER = 256 * 1024 * 1024;

/** Whether these bytes are a zip archive (a local file header or an empty archive's end record). */
const isZip = (bytes) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b &&
  ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));

/** An item for an input that could not be read at all (not a parser error). */
const unreadable = (source, reason) => ({ source, error: { line: 1, column: 1, kind: "unreadable", reason } });

/**
 * Every document of `bytes`: a zip archive gives each member's documents, in the archive's
 * order, named `archive.zip!member` (as `asalee parse` names them); nested archives too.
 */
function readBytes(bytes, source, depth = 0) {
  if (!isZip(bytes) || depth > 3) return read(bytes, source);
  const order = [];
  let members;
  try {
    members = unzipSync(bytes, {
      filter: (file) => {
        const keep = !file.name.endsWith("/") && !file.name.startsWith("__MACOSX/") && file.originalSize <= MAX_MEMBER;
        order.push({ name: file.name, keep, size: file.originalSize });
        return keep;
      },
    });
  } catch (err) {
    return [unreadable(source, `Archive zip illisible (${err.message}).`)];
  }
  const out = [];
  for (const { name, keep, size } of order) {
    if (name.endsWith("/") || name.startsWith("__MACOSX/")) continue;
    const member = `${source}!${name}`;
    if (!keep) out.push(unreadable(member, `Document trop volumineux pour la page (${size} octets).`));
    else out.push(...readBytes(members[name], member, depth + 1));
  }
  if (order.length === 0) out.push(unreadable(source, "Archive zip vide."));
  return out;
}

/** Reads `files` (`{ file, path }`: a File and the name to show), in order, and shows them. */
async function readFiles(files) {
  if (files.length === 0) return;
  await loading;
  status(`Lecture de ${files.length} fichier${files.length > 1 ? "s" : ""}…`);
  const next = [];
  for (const { file, path } of files) {
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (err) {
      next.push(unreadable(path, `Fichier illisible (${err.message}).`));
      continue;
    }
    next.push(...readBytes(bytes, path));
  }
  items = next;
  render();
}

/** Files picked with an input: a folder's files keep their path in it (`dossier/a/b.html`). */
const picked = (list) =>
  [...list]
    .map((file) => ({ file, path: file.webkitRelativePath || file.name }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

/** `entry.file()` and `reader.readEntries()` as promises. */
const fileOf = (entry) => new Promise((resolve, reject) => entry.file(resolve, reject));
function allEntries(directory) {
  const reader = directory.createReader();
  const out = [];
  return new Promise((resolve, reject) => {
    // readEntries gives a folder's entries in batches, an empty one at the end.
    const next = () => reader.readEntries((batch) => {
      if (batch.length === 0) return resolve(out);
      out.push(...batch);
      next();
    }, reject);
    next();
  });
}

/**
 * The files of dropped entries: a folder gives every file below it, each folder's entries
 * sorted by name, depth first (the order `asalee parse FOLDER` reads them in).
 */
async function filesOfEntries(entries, prefix = "") {
  const out = [];
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of sorted) {
    const path = prefix + entry.name;
    if (entry.isDirectory) out.push(...(await filesOfEntries(await allEntries(entry), `${path}/`)));
    else if (entry.isFile) out.push({ file: await fileOf(entry), path });
  }
  return out;
}

/** What was dropped: folders read through their entries, files as they are. */
async function dropped(transfer) {
  // The entries must be taken before the first await: the transfer is emptied after the event.
  const items = [...(transfer.items ?? [])].filter((item) => item.kind === "file");
  const entries = items.map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length && entries.every(Boolean) && entries.some((entry) => entry.isDirectory)) {
    return filesOfEntries(entries);
  }
  return [...transfer.files].map((file) => ({ file, path: file.name }));
}

// ---------------------------------------------------------------------------------------------
// Output

async function copy(text, fallbackNode) {
  try {
    await navigator.clipboard.writeText(text);
    status("JSON copié dans le presse-papiers.");
  } catch {
    const range = document.createRange();
    range.selectNodeContents(fallbackNode);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    status("Le JSON est sélectionné : Ctrl+C pour le copier.");
  }
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const records = () => items.filter((item) => item.record);

export function toJsonLines(list) {
  return list.map((item) => JSON.stringify(item.record)).join("\n") + "\n";
}

// The CSV is the core's (asalee_core::table, through the package): the same columns and cells as
// `asalee parse --format csv --bom --source`, with a BOM so that spreadsheets read it as UTF-8 and
// each record's source in the last column.
import { toCsv as coreCsv } from "./pkg/asalee.js";

export function toCsv(list) {
  return coreCsv(list.map((item) => item.record), { bom: true, source: list.map((item) => item.source) });
}

// ---------------------------------------------------------------------------------------------
// Wiring

async function loadExamples() {
  const select = $("example");
  try {
    const response = await fetch("examples/index.json");
    if (!response.ok) throw new Error(String(response.status));
    for (const { file, label } of await response.json()) {
      select.append(el("option", { value: file, textContent: label }));
    }
    select.disabled = false;
  } catch {
    select.closest(".example").hidden = true;
  }
  select.addEventListener("change", async () => {
    if (!select.value) return;
    const response = await fetch(`examples/${encodeURIComponent(select.value)}`);
    $("text").value = await response.text();
    readText();
  });
}

function wire() {
  $("form").addEventListener("submit", (event) => {
    event.preventDefault();
    readText();
  });
  $("text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      readText();
    }
  });
  $("strict").addEventListener("change", () => {
    if (items.length && $("text").value.trim() !== "" && items[0].source.startsWith("Texte collé")) readText();
  });
  for (const id of ["files", "folder"]) {
    $(id).addEventListener("change", async (event) => {
      await readFiles(picked(event.target.files));
      event.target.value = "";
    });
  }
  for (const input of document.querySelectorAll('input[name="view"]')) {
    input.addEventListener("change", () => render());
  }

  // Files dropped anywhere on the page are read (and never opened by the browser instead).
  const drop = $("drop");
  let depth = 0;
  addEventListener("dragenter", (event) => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    depth += 1;
    drop.classList.add("over");
  });
  addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) drop.classList.remove("over");
  });
  addEventListener("dragover", (event) => {
    if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
  });
  addEventListener("drop", async (event) => {
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    depth = 0;
    drop.classList.remove("over");
    const files = dropped(event.dataTransfer);
    try {
      await readFiles(await files);
    } catch (err) {
      status(`Le dépôt n'a pas pu être lu : ${err.message}`);
    }
  });

  // Never a file without records (the buttons are hidden then, this is belt and braces).
  $("download-jsonl").addEventListener("click", () => records().length &&
    download("questions.jsonl", "application/jsonl", toJsonLines(records())));
  $("download-csv").addEventListener("click", () => records().length &&
    download("questions.csv", "text/csv;charset=utf-8", toCsv(records())));
  $("clear").addEventListener("click", () => {
    items = [];
    $("text").value = "";
    render();
    $("text").focus();
  });
}

async function main() {
  wire();
  try {
    await loading;
  } catch (err) {
    status(`Le module WebAssembly n'a pas pu être chargé : ${err.message}`);
    return;
  }
  $("parse").disabled = false;
  document.body.dataset.ready = "true";
  status("Prêt : collez un texte ou déposez des fichiers.");
  await loadExamples();
}

main();
