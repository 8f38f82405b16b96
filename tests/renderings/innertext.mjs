// Chromium's rendered text of every HTML page of fixtures/, for the rendering matrix: what
// select-all-and-copy gives (`document.body.innerText`), with the page's own charset.
//
//     node tests/renderings/innertext.mjs OUT.json
//
// Needs Debian's /usr/bin/chromium (or $CHROMIUM) and asalee-wasm's playwright-core
// (`bash asalee-wasm/scripts/setup.sh --browser` installs both). Scripts are off and nothing is
// fetched: the text is the saved page's, as a reader who opened the file would copy it.
import { createRequire } from "node:module";
import { readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(join(root, "asalee-wasm", "package.json"));
const { chromium } = require("playwright-core");

const pages = ["real", "written"].flatMap((sub) =>
  readdirSync(join(root, "fixtures", sub))
    .filter((f) => f.endsWith(".html"))
    .sort()
    .map((f) => join(root, "fixtures", sub, f)),
);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
// Only the page itself: its styles, images and scripts are not saved beside it.
await context.route("**/*", (route) =>
  route.request().url().startsWith("file:") ? route.continue() : route.abort(),
);
const page = await context.newPage();
const out = {};
for (const file of pages) {
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  const stem = file.split("/").pop().replace(/\.html$/, "");
  out[stem] = await page.evaluate(() => document.body.innerText);
}
await browser.close();
writeFileSync(process.argv[2], JSON.stringify(out, null, 1));
console.log(`${Object.keys(out).length} pages rendered by Chromium`);
