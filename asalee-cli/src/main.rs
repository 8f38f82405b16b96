//! The `asalee` command (placeholder until the CLI lands).
fn main() {
    for path in std::env::args().skip(2) {
        let bytes = std::fs::read(&path).expect("readable");
        for r in asalee_core::parse_all_bytes(&bytes) {
            match r {
                Ok(q) => println!("{}", q.to_json()),
                Err(e) => eprintln!("{path}:{}:{}: {}", e.line(), e.column(), e.message()),
            }
        }
    }
}
