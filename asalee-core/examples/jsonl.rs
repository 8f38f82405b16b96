//! Prints every question of the files named on the command line as JSON Lines, and each failed
//! document as `PATH:LINE:COLUMN: message` on stderr.
//!
//! ```text
//! cargo run -p asalee-core --example jsonl -- fixtures/seeds/*.txt
//! ```
use std::io::Write;

fn main() -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path)?;
        for result in asalee_core::parse_all_bytes(&bytes) {
            match result {
                Ok(q) => {
                    q.write_json(&mut out)?;
                    out.write_all(b"\n")?;
                }
                Err(e) => eprintln!("{path}:{}:{}: {}", e.line(), e.column(), e.message()),
            }
        }
    }
    out.flush()
}
