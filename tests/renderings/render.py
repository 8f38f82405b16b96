#!/usr/bin/env python3
"""Renders every HTML page of fixtures/ with the converters people use, for the rendering matrix.

    python3 tests/renderings/render.py OUT_DIR [--chromium-text FILE.json]

Writes OUT_DIR/PAGE.CONVERTER.txt (and .crlf / .nbsp variants of each) and OUT_DIR/manifest.json,
a list of {"page": "fixtures/...", "rendering": "file name", "converter": ..., "variant": ...}.
A converter that is not installed is left out of the manifest (and listed in "missing").
Each page is first re-encoded to UTF-8 (its charset declaration rewritten), so every converter
reads the same characters.
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(
    p for sub in ("real", "written") for p in (ROOT / "fixtures" / sub).glob("*.html")
)



TAG = re.compile(r"<[A-Za-z/!][^<>]*>")
WORD_SPACE = re.compile(r"(?<=\w) (?=\w)")


def nbsp_variant(text):
    """The first third of the spaces between two words made no-break spaces, as a copy from a
    browser or a word processor gives them. Not the spaces of markup (inside a tag, or
    indentation and list or heading markers): no tool puts a no-break space there, and one there
    would make the tag text."""
    tags = [m.span() for m in TAG.finditer(text)]
    spaces = [m.start() for m in WORD_SPACE.finditer(text)]
    k, keep = 0, []
    for at in spaces:
        while k < len(tags) and tags[k][1] <= at:
            k += 1
        if not (k < len(tags) and tags[k][0] <= at < tags[k][1]):
            keep.append(at)
    chosen = set(keep[: len(keep) // 3])
    return "".join("\u00a0" if i in chosen else c for i, c in enumerate(text))

def utf8_page(path: Path) -> str:
    raw = path.read_bytes()
    declared = re.search(rb"charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", raw[:4096])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if declared:
        text = re.sub(r"(charset\s*=\s*[\"']?)[A-Za-z0-9_-]+", r"\1utf-8", text, count=1)
    return text


def run(cmd, stdin: str | None = None) -> str:
    out = subprocess.run(
        cmd, input=stdin.encode() if stdin is not None else None, capture_output=True, check=True
    )
    return out.stdout.decode("utf-8", errors="replace")


def py_converters():
    conv = {}
    try:
        import html2text

        def h2t(html, width):
            h = html2text.HTML2Text()
            h.body_width = width
            return h.handle(html)

        conv["html2text"] = lambda html, f: h2t(html, 78)
        conv["html2text-bw0"] = lambda html, f: h2t(html, 0)
        conv["html2text-bw60"] = lambda html, f: h2t(html, 60)
    except ImportError:
        pass
    try:
        import markdownify

        conv["markdownify"] = lambda html, f: markdownify.markdownify(html)
    except ImportError:
        pass
    try:
        import inscriptis

        conv["inscriptis"] = lambda html, f: inscriptis.get_text(html)
    except ImportError:
        pass
    return conv


def tool_converters():
    tools = {
        "pandoc-gfm": ("pandoc", lambda f: ["pandoc", "-f", "html", "-t", "gfm", str(f)]),
        "pandoc-markdown": ("pandoc", lambda f: ["pandoc", "-f", "html", "-t", "markdown", str(f)]),
        "pandoc-plain": ("pandoc", lambda f: ["pandoc", "-f", "html", "-t", "plain", str(f)]),
        "pandoc-commonmark": ("pandoc", lambda f: ["pandoc", "-f", "html", "-t", "commonmark", str(f)]),
        "pandoc-strict": ("pandoc", lambda f: ["pandoc", "-f", "html", "-t", "markdown_strict", str(f)]),
        "w3m-cols120": ("w3m", lambda f: ["w3m", "-dump", "-cols", "120", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", str(f)]),
        "lynx-width100": ("lynx", lambda f: ["lynx", "-dump", "-width=100", "-assume_charset=UTF-8", "-display_charset=UTF-8", str(f)]),
        "w3m": ("w3m", lambda f: ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", str(f)]),
        "lynx": ("lynx", lambda f: ["lynx", "-dump", "-assume_charset=UTF-8", "-display_charset=UTF-8", str(f)]),
        "lynx-nolist": ("lynx", lambda f: ["lynx", "-dump", "-nolist", "-assume_charset=UTF-8", "-display_charset=UTF-8", str(f)]),
        "links": ("links", lambda f: ["links", "-dump", "-codepage", "utf-8", str(f)]),
        "elinks": ("elinks", lambda f: ["elinks", "-dump", "-dump-charset", "utf-8", "-no-references", "-no-numbering", str(f)]),
    }
    return {name: cmd for name, (exe, cmd) in tools.items() if shutil.which(exe)}, [
        name for name, (exe, _) in tools.items() if not shutil.which(exe)
    ]


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    chromium = {}
    if "--chromium-text" in sys.argv:
        chromium = json.loads(Path(sys.argv[sys.argv.index("--chromium-text") + 1]).read_text())
    tools, missing = tool_converters()
    pyconv = py_converters()
    manifest = []
    for page in PAGES:
        html = utf8_page(page)
        src = out / f"{page.stem}.utf8.html"
        src.write_text(html, encoding="utf-8")
        renderings = {}
        for name, cmd in tools.items():
            renderings[name] = run(cmd(src))
        for name, fn in pyconv.items():
            renderings[name] = fn(html, src)
        if page.stem in chromium:
            renderings["chromium-innertext"] = chromium[page.stem]
        for name, text in renderings.items():
            variants = {
                "as-is": text,
                "crlf": text.replace("\r\n", "\n").replace("\n", "\r\n"),
                "nbsp": nbsp_variant(text),
            }
            for variant, body in variants.items():
                file = f"{page.stem}.{name}.{variant}.txt"
                (out / file).write_bytes(body.encode("utf-8"))
                manifest.append(
                    {
                        "page": str(page.relative_to(ROOT)),
                        "rendering": file,
                        "converter": name,
                        "variant": variant,
                    }
                )
    if not chromium:
        missing.append("chromium-innertext")
    if len(pyconv) < 5:
        missing.append("python converters")
    (out / "manifest.json").write_text(
        json.dumps({"renderings": manifest, "missing": missing}, indent=1), encoding="utf-8"
    )
    print(f"{len(manifest)} renderings of {len(PAGES)} pages; missing: {missing or 'none'}")


if __name__ == "__main__":
    main()
