// Copies the fixtures' documents that have an expected record (the seeds and the authored ones)
// into the demo site, with an index the page's "Example" menu reads.
//
//   node scripts/examples.mjs ../fixtures dist/site/examples
import { copyFileSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const [fixtures, out] = process.argv.slice(2);
const examples = [];
for (const folder of ["seeds", "authored"]) {
  const dir = join(fixtures, folder);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).sort()) {
    const expected = join(fixtures, "expected", name.replace(/\.[^.]+$/, ".json"));
    if (!existsSync(expected)) continue;
    const record = JSON.parse(readFileSync(expected, "utf8"));
    const kind = { QE: "question écrite", QOSD: "question orale", QG: "question au Gouvernement" }[record.kind] ?? "question";
    const chamber = record.chamber === "SENAT" ? "Sénat" : "Assemblée nationale";
    copyFileSync(join(dir, name), join(out, name));
    examples.push({ file: name, label: `${chamber}, ${kind} n° ${record.number} (${record.layout})` });
  }
}
writeFileSync(join(out, "index.json"), JSON.stringify(examples, null, 2) + "\n");
