//! `cargo run -p asalee-codegen`: rewrites the generated files from the schema.
//! `cargo run -p asalee-codegen -- --check`: exits with 1 when a file differs.

use std::process::ExitCode;

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let root = asalee_codegen::workspace_root();
    let mut stale = 0;
    for output in asalee_codegen::outputs() {
        let path = root.join(output.path);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == output.text {
            continue;
        }
        if check {
            eprintln!("{} is not what the schema gives", output.path);
            stale += 1;
        } else if let Err(e) = std::fs::write(&path, &output.text) {
            eprintln!("{}: {e}", path.display());
            return ExitCode::from(2);
        } else {
            eprintln!("wrote {}", output.path);
        }
    }
    if stale > 0 {
        eprintln!("run `cargo run -p asalee-codegen` to rewrite them");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
