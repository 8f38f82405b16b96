# asalee: `make` lists the targets. `make test` installs what is missing (Python tools in
# asalee-py/.venv, the wasm toolchain, Node packages, Chromium) and runs every suite.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
EXAMPLE ?= fixtures/seeds/002_3668855410b903a6.txt

.PHONY: help demo test test-rust lint test-py test-wasm test-examples wheel pack snapshots doc clean jo-pdf-tools renderings

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

demo: ## Parse a bundled example document and print its record
	cargo run --release --quiet -p asalee-cli -- parse --pretty $(EXAMPLE)

test: lint test-rust test-py test-wasm test-examples renderings ## Install what is missing and run every suite: Rust, Python, Node, browser, examples, the rendering matrix
	@echo "all suites passed"

lint: ## rustfmt, clippy (-D warnings) and the docs (-D warnings)
	rustup component add rustfmt clippy >/dev/null 2>&1 || true
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

test-rust: jo-pdf-tools ## The Rust tests: unit, integration, snapshots, doc-tests
	cargo test --workspace --quiet

jo-pdf-tools: ## What tests/jo.rs needs to make its PDF renderings: poppler's pdftotext, DejaVu fonts, reportlab (in target/jo-venv)
	command -v pdftotext >/dev/null && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || \
		{ apt-get update -qq && apt-get install -y -qq poppler-utils fonts-dejavu-core; }
	[ -x target/jo-venv/bin/python ] || python3 -m venv target/jo-venv
	target/jo-venv/bin/python -c 'import reportlab' 2>/dev/null || target/jo-venv/bin/pip install -q reportlab

test-py: ## The Python package: build, stubs, pytest (asalee-py/Makefile)
	$(MAKE) -C asalee-py test

test-wasm: ## The npm package: build with the wasm toolchain, Node and browser tests (asalee-wasm/Makefile)
	$(MAKE) -C asalee-wasm test

test-examples: ## Run every example of examples/ and compare its output with its README (UPDATE_EXPECTED=1 rewrites them)
	python3 examples/test.py

wheel: ## Build the Python wheel into asalee-py/dist/ (then: pip install asalee-py/dist/asalee-*.whl)
	$(MAKE) -C asalee-py wheel

pack: ## Build the npm package and pack it into asalee-wasm/dist/asalee-VERSION.tgz (then: npm install ./asalee-wasm/dist/asalee-*.tgz)
	$(MAKE) -C asalee-wasm pack

RENDER_DIR := target/renderings
# The Python converters, pinned: the matrix compares what they write.
RENDER_PY := html2text==2025.4.15 markdownify==1.2.3 inscriptis==2.7.6
export RENDER_PY_CHECK := from importlib.metadata import version as v; assert (v('html2text'), v('markdownify'), v('inscriptis')) == ('2025.4.15', '1.2.3', '2.7.6')
renderings: ## The rendering matrix: every fixture page through pandoc, html2text, markdownify, inscriptis, w3m, lynx, links, elinks and Chromium (installs them), compared with the page's record
	command -v pandoc >/dev/null && command -v w3m >/dev/null && command -v lynx >/dev/null && command -v links >/dev/null && command -v elinks >/dev/null \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 pandoc w3m lynx links elinks; }
	test -x $(RENDER_DIR)/venv/bin/python || python3 -m venv $(RENDER_DIR)/venv
	$(RENDER_DIR)/venv/bin/python -c "$$RENDER_PY_CHECK" 2>/dev/null \
	  || $(RENDER_DIR)/venv/bin/python -m pip install --quiet $(RENDER_PY)
	bash asalee-wasm/scripts/setup.sh --browser
	cargo build --quiet -p asalee-cli
	mkdir -p $(RENDER_DIR)/out
	node tests/renderings/innertext.mjs $(RENDER_DIR)/chromium.json
	$(RENDER_DIR)/venv/bin/python tests/renderings/render.py $(RENDER_DIR)/out --chromium-text $(RENDER_DIR)/chromium.json
	python3 tests/renderings/compare.py $(RENDER_DIR)/out target/debug/asalee

snapshots: ## Re-record the golden snapshots after a deliberate change (review with git diff)
	INSTA_UPDATE=always cargo test -p asalee-core --test snapshots

doc: ## Build the API documentation
	cargo doc --workspace --no-deps --open

clean: ## Remove build output
	cargo clean
	$(MAKE) -C asalee-py clean
	$(MAKE) -C asalee-wasm clean
