//! Ctrl-C (SIGINT): a flag that the workers check between documents, so that the output stops
//! after a whole record and what was written is flushed (the handler itself only sets the flag).

use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Installs the handler (once; a failure leaves the default behaviour).
pub(crate) fn install() {
    let _ = ctrlc::set_handler(|| REQUESTED.store(true, Ordering::SeqCst));
}

/// Whether Ctrl-C was pressed.
pub(crate) fn requested() -> bool {
    REQUESTED.load(Ordering::Relaxed)
}
