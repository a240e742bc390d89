//! A check of what the state holds: refused over the size limit, skipped when there is
//! nothing new to check, sent to the worker when there is one, else run here at once; and the
//! worker's report, taken only while it is still the one waited for.

use super::{Checked, Job, Request, State};
use crate::input::{MAX_BYTES, TOO_LARGE};
use crate::model::Report;

impl State {
    /// [`Action::Check`](super::Action::Check).
    pub(super) fn start_check(&mut self) {
        let request = self.request();
        if let Some(notice) = self.over_the_limit() {
            // The text stays where it is, unchecked, and the user is told.
            self.forget_report();
            self.notice = Some(notice);
        } else if self.text.trim().is_empty() {
            self.forget_report();
        } else if self.checked.as_ref().is_some_and(|c| request.is_for(c)) {
            // The text that was just checked (the debounced check after a paste that was
            // checked at once): the same report, so no second report and no second event.
            self.pending = None;
        } else if self
            .pending
            .as_ref()
            .is_some_and(|job| job.request.reads_the_same(&request))
        {
            // Being checked already.
        } else if self.use_worker {
            self.serial += 1;
            self.pending = Some(Job {
                serial: self.serial,
                request,
            });
        } else {
            let report = request.report();
            self.show_report(report, request);
        }
    }

    /// [`Action::WorkerReport`](super::Action::WorkerReport): shown if it is the report on the
    /// pending check; a late one, on an older text, is dropped.
    pub(super) fn take_worker_report(&mut self, serial: u64, report: Report) {
        match self.pending.take() {
            Some(job) if job.serial == serial => self.show_report(report, job.request),
            other => self.pending = other,
        }
    }

    /// [`Action::WorkerFailed`](super::Action::WorkerFailed): checks run here from now on,
    /// the pending one at once.
    pub(super) fn worker_failed(&mut self) {
        self.use_worker = false;
        if let Some(job) = self.pending.take() {
            let report = job.request.report();
            self.show_report(report, job.request);
        }
    }

    /// What a check now would read. The grids belong to exactly the pasted text: after an
    /// edit the text is read alone.
    fn request(&self) -> Request {
        let grids = self.grids.as_ref().filter(|g| g.text == self.text);
        Request {
            text: self.text.clone(),
            grids: grids.map(|g| g.grids.clone()),
            grids_from_file: grids.is_some_and(|g| g.from_file),
            previous: self.previous.clone(),
        }
    }

    /// What to say when the text or last year's report is over the 5 MB limit.
    fn over_the_limit(&self) -> Option<String> {
        if self.text.len() > MAX_BYTES {
            Some(TOO_LARGE.to_string())
        } else if self.previous.len() > MAX_BYTES {
            Some(format!("上年年报：{TOO_LARGE}"))
        } else {
            None
        }
    }

    /// No report, none coming, nothing selected.
    fn forget_report(&mut self) {
        self.checked = None;
        self.pending = None;
        self.selected = None;
        self.hovered = None;
    }

    fn show_report(&mut self, report: Report, request: Request) {
        self.checked = Some(Checked::new(report, request));
        self.selected = None;
        self.hovered = None;
    }
}
