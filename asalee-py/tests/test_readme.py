"""Every Python block of the READMEs (the project's and the package's) runs as written, in a
folder holding the files they name (`page.html`, `question.html`, `export.txt`, `pages/`), made
from the fixtures. A block that imports pandas or polars is skipped when that library is not
installed here (examples/python-dataframe runs pandas)."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
READMES = [ROOT / "README.md", ROOT / "asalee-py" / "README.md"]
BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def blocks() -> list[tuple[str, str]]:
    out = []
    for readme in READMES:
        for i, m in enumerate(BLOCK.finditer(readme.read_text(encoding="utf-8"))):
            out.append((f"{readme.relative_to(ROOT)}#{i + 1}", m.group(1)))
    return out


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    page = FIXTURES / "real" / "an-legacy-l14-qe-3200.html"
    shutil.copy(page, tmp_path / "page.html")
    shutil.copy(page, tmp_path / "question.html")
    seeds = sorted((FIXTURES / "seeds").glob("*.txt"))
    (tmp_path / "export.txt").write_bytes(b"\n".join(p.read_bytes() for p in seeds))
    (tmp_path / "pages").mkdir()
    for p in sorted((FIXTURES / "real").glob("*.html")):
        shutil.copy(p, tmp_path / "pages" / p.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("name", "code"), blocks(), ids=[n for n, _ in blocks()])
def test_readme_block_runs(name: str, code: str, folder: Path) -> None:
    for library in ("pandas", "polars"):
        if re.search(rf"\b{library}\b", code) and importlib.util.find_spec(library) is None:
            pytest.skip(f"{name} needs {library}, not installed here")
    namespace: dict[str, object] = {}
    if "import asalee" not in code:
        import asalee

        namespace["asalee"] = asalee
    exec(compile(code, name, "exec"), namespace)  # noqa: S102 - the README's own code


def test_every_readme_has_blocks() -> None:
    assert len(blocks()) >= 5
