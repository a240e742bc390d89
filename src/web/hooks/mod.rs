//! The hooks the components share: the debounced check, the text areas, what is kept in
//! localStorage, opening files by drag and drop, and checking in the workers.

mod use_batch_checks;
mod use_check_worker;
mod use_debounced_check;
mod use_file_drop;
mod use_initial_text;
mod use_kept_text;
mod use_text_area;

pub use use_batch_checks::use_batch_checks;
pub use use_check_worker::use_check_worker;
pub use use_debounced_check::use_debounced_check;
#[cfg(test)]
pub use use_debounced_check::DEBOUNCE;
pub use use_file_drop::use_file_drop;
pub use use_initial_text::use_initial_text;
pub use use_kept_text::use_kept_text;
pub use use_text_area::use_text_area;
