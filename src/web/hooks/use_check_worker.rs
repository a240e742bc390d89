//! The worker that checks the text of the single-report view.

use yew::prelude::*;

use crate::web::state::{Action, Job};
use crate::web::worker::{CheckWorker, Reply};

/// Sends the pending check (`pending`) to a worker started from `url`, at once when the app
/// starts (it loads and compiles the wasm while the user pastes). Its reports come back as
/// [`Action::WorkerReport`]; a worker that cannot be started or sent the text, or that fails,
/// gives [`Action::WorkerFailed`]. Without `url`, nothing.
#[hook]
pub fn use_check_worker(url: Option<String>, pending: Option<Job>, dispatch: Callback<Action>) {
    let worker = use_mut_ref(|| None::<CheckWorker>);
    let serial = pending.as_ref().map(|job| job.serial);
    use_effect_with(serial, move |_| {
        let Some(url) = url else { return };
        let mut slot = worker.borrow_mut();
        if slot.is_none() {
            let replies = dispatch.clone();
            *slot = CheckWorker::new(&url, move |reply| {
                replies.emit(match reply {
                    Reply::Report { serial, report } => Action::WorkerReport { serial, report },
                    Reply::Failed => Action::WorkerFailed,
                })
            })
            .ok();
        }
        let sent = match (&*slot, pending) {
            (Some(worker), Some(job)) => worker.post(job.serial, &job.request).is_ok(),
            (Some(_), None) => true,
            (None, _) => false,
        };
        if !sent {
            *slot = None;
            dispatch.emit(Action::WorkerFailed);
        }
    });
}
