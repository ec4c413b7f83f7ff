//! The per-record backstop: a panic while one record is read or analysed becomes that record's
//! error, and the batch goes on.
//!
//! This is a backstop, not the fix. Every panic it catches is a bug in the stage that raised it
//! (each class found gets a test there); the backstop only keeps one such bug from costing the
//! user the rest of the batch. Ingest wraps each record it builds and each input it reads; the
//! pipeline wraps each document's analysis.
//!
//! A process-wide panic hook is installed on first use: inside [`catch`] it records the message
//! and location for the error instead of printing a backtrace, so the user sees one error line
//! per bad record; outside it defers to the hook that was there before, so a panic anywhere else
//! still reports as Rust normally does.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if DEPTH.with(Cell::get) == 0 {
                return previous(info);
            }
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            let at = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            LAST.with(|l| *l.borrow_mut() = Some(format!("{message}{at}")));
        }));
    });
}

/// Runs `f`; a panic inside it comes back as `Err` with a description saying it is an internal
/// error, with the panic's message and source location.
///
/// `f` must not leave shared state half-changed when it panics: callers pass closures that build
/// a new value (a document, its annotations) and discard it on error.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    DEPTH.with(|d| d.set(d.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    DEPTH.with(|d| d.set(d.get() - 1));
    result.map_err(|_| {
        let what = LAST
            .with(|l| l.borrow_mut().take())
            .unwrap_or_else(|| "unknown panic".to_string());
        format!("internal error (a bug in dossier; please report it with this input): {what}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_with_its_message() {
        let err = catch(|| -> u32 { panic!("slice out of range") }).unwrap_err();
        assert!(err.contains("slice out of range"), "{err}");
        assert!(err.contains("guard.rs"), "{err}");
        assert_eq!(catch(|| 7), Ok(7));
    }

    #[test]
    fn nested_and_repeated_catches() {
        let outer = catch(|| {
            let inner = catch(|| -> () { panic!("inner") });
            assert!(inner.unwrap_err().contains("inner"));
            5
        });
        assert_eq!(outer, Ok(5));
        for i in 0..3 {
            let e = catch(|| -> () { panic!("number {i}") }).unwrap_err();
            assert!(e.contains(&format!("number {i}")), "{e}");
        }
    }
}
