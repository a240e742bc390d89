//! Checking a batch's files, one at a time.

use std::cell::RefMut;
use std::rc::Rc;
use std::time::Duration;

use yew::prelude::*;

use crate::web::state::{Action, Batch, BatchJob};
use crate::web::worker::{CheckWorker, Reply};

/// The worker of one batch.
struct BatchWorker {
    batch: u64,
    worker: CheckWorker,
}

/// Checks the batch file due ([`Batch::job`]): in a worker of the batch's own started from
/// `url`, else on the page once the browser has drawn the progress so far. Reports come back
/// as [`Action::BatchReport`]; a worker that fails gives [`Action::WorkerFailed`]. The worker
/// goes when the batch is done.
#[hook]
pub fn use_batch_checks(batch: Option<Rc<Batch>>, url: Option<String>, dispatch: Callback<Action>) {
    let worker = use_mut_ref(|| None::<BatchWorker>);
    let job = batch.as_ref().and_then(|b| b.job());
    let finished = batch.as_ref().is_none_or(|b| b.done() == b.files.len());
    let due = job.as_ref().map(|job| (job.batch, job.index));
    use_effect_with((due, url.is_some()), move |_| {
        let mut slot = worker.borrow_mut();
        if finished {
            *slot = None;
        }
        let Some(job) = job else {
            return;
        };
        match url {
            Some(url) => send_to_worker(slot, &url, job, &dispatch),
            None => check_on_page(job, dispatch),
        }
    });
}

/// Sends `job` to the batch's worker, started first if this batch has none.
fn send_to_worker(
    mut slot: RefMut<Option<BatchWorker>>,
    url: &str,
    job: BatchJob,
    dispatch: &Callback<Action>,
) {
    let BatchJob {
        batch,
        index,
        request,
    } = job;
    if slot.as_ref().map(|w| w.batch) != Some(batch) {
        let replies = dispatch.clone();
        *slot = CheckWorker::new(url, move |reply| {
            replies.emit(match reply {
                // A batch's checks are numbered by their files.
                Reply::Report { serial, report } => Action::BatchReport {
                    id: batch,
                    index: serial as usize,
                    report,
                },
                Reply::Failed => Action::WorkerFailed,
            })
        })
        .ok()
        .map(|worker| BatchWorker { batch, worker });
    }
    let sent = slot
        .as_ref()
        .is_some_and(|w| w.worker.post(index as u64, &request).is_ok());
    if !sent {
        *slot = None;
        dispatch.emit(Action::WorkerFailed);
    }
}

/// Checks `job` on the page, after letting the browser draw.
fn check_on_page(job: BatchJob, dispatch: Callback<Action>) {
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(Duration::ZERO).await;
        let report = job.request.report();
        dispatch.emit(Action::BatchReport {
            id: job.batch,
            index: job.index,
            report: Box::new(report),
        });
    });
}
