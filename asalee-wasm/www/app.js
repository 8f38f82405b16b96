// The demo page: text or files in, one card per document out. Everything runs in the page;
// the only requests are for this page's own files (the module, its .wasm, the examples).
import init, { parseAll } from "./pkg/asalee.js";

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
      list.append(el("li", {}, el("strong", { textContent: `Ligne ${w.line}` }), ` : ${w.message}`));
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
  card.querySelector(".reason").textContent = error.reason ?? error.message;
  card.querySelector(".where").textContent = `Ligne ${error.line}, colonne ${error.column}` +
    (error.kind ? ` (${error.kind})` : "");
  const shown = text !== undefined && excerpt(text, error.line, error.column);
  if (shown) {
    const figure = card.querySelector(".excerpt");
    figure.hidden = false;
    figure.querySelector("pre").textContent = shown;
  }
  return card;
}

function render() {
  const list = $("list");
  list.replaceChildren(...items.map((item) => (item.record ? renderRecord(item) : renderError(item))));
  const records = items.filter((item) => item.record).length;
  const errors = items.length - records;
  $("downloads").hidden = items.length === 0;
  $("download-jsonl").disabled = records === 0;
  $("download-csv").disabled = records === 0;
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

async function readFiles(files) {
  if (files.length === 0) return;
  await loading;
  status(`Lecture de ${files.length} fichier${files.length > 1 ? "s" : ""}…`);
  const next = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    next.push(...read(bytes, file.name));
  }
  items = next;
  render();
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
  $("files").addEventListener("change", async (event) => {
    await readFiles([...event.target.files]);
    event.target.value = "";
  });

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
    await readFiles([...event.dataTransfer.files]);
  });

  $("download-jsonl").addEventListener("click", () =>
    download("questions.jsonl", "application/jsonl", toJsonLines(records())));
  $("download-csv").addEventListener("click", () =>
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
