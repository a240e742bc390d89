//! Files dragged onto an element and dropped there.

use yew::prelude::*;

/// The handlers of a drop zone, and whether files are being dragged over it.
pub struct FileDrop {
    pub dragging: bool,
    pub on_drag_over: Callback<DragEvent>,
    pub on_drag_leave: Callback<DragEvent>,
    pub on_drop: Callback<DragEvent>,
}

/// A drop zone for files: `on_files` gets what is dropped (the browser does not open it).
#[hook]
pub fn use_file_drop(on_files: Callback<web_sys::FileList>) -> FileDrop {
    let dragging = use_state(|| false);
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            if let Some(files) = event.data_transfer().and_then(|data| data.files()) {
                on_files.emit(files);
            }
        })
    };
    FileDrop {
        dragging: *dragging,
        on_drag_over,
        on_drag_leave,
        on_drop,
    }
}
