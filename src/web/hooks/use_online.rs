//! Whether the browser has a network, kept up to date by its `online` and `offline` events:
//! 下载离线版 fetches a file from the server, so it is offered only online.

use yew::prelude::*;

use crate::web::browser;

#[hook]
pub fn use_online() -> bool {
    let online = use_state(browser::is_online);
    {
        let online = online.clone();
        use_effect_with((), move |_| {
            let listeners = browser::on_online_change(move || online.set(browser::is_online()));
            move || drop(listeners)
        });
    }
    *online
}
