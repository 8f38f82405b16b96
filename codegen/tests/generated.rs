//! The committed files are exactly what the schema gives (`UPDATE=1` rewrites them).

#[test]
fn generated_files_are_up_to_date() {
    let root = asalee_codegen::workspace_root();
    let update = std::env::var_os("UPDATE").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for output in asalee_codegen::outputs() {
        let path = root.join(output.path);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == output.text {
            continue;
        }
        if update {
            std::fs::write(&path, &output.text).unwrap();
        } else {
            let line = current
                .lines()
                .zip(output.text.lines())
                .position(|(a, b)| a != b)
                .map_or(
                    current.lines().count().min(output.text.lines().count()),
                    |i| i,
                )
                + 1;
            stale.push(format!("{} (first difference at line {line})", output.path));
        }
    }
    assert!(
        stale.is_empty(),
        "these files are not what asalee-core/src/schema gives: {stale:?}; \
         run `cargo run -p asalee-codegen` (or UPDATE=1 cargo test -p asalee-codegen)"
    );
}
