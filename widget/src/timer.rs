//! A restartable `setTimeout`: one callback, at most one pending run; and [`sleep`], a
//! `setTimeout` to await.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::Window;

/// Resolves after `ms` milliseconds (at once if the browser refuses the timeout).
pub async fn sleep(window: &Window, ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .is_err()
        {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Runs its callback once, some time after [`Timer::start`], unless cancelled or restarted.
pub struct Timer {
    window: Window,
    handle: std::rc::Rc<Cell<Option<i32>>>,
    callback: Closure<dyn FnMut()>,
}

impl Timer {
    /// A timer that calls `run` when it fires.
    pub fn new(window: Window, mut run: impl FnMut() + 'static) -> Self {
        let handle = std::rc::Rc::new(Cell::new(None));
        let fired = std::rc::Rc::clone(&handle);
        let callback = Closure::<dyn FnMut()>::new(move || {
            fired.set(None);
            run();
        });
        Self {
            window,
            handle,
            callback,
        }
    }

    /// Fires in `ms` milliseconds, replacing any pending run.
    pub fn start(&self, ms: i32) {
        self.cancel();
        let handle = self
            .window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                self.callback.as_ref().unchecked_ref(),
                ms,
            )
            .ok();
        self.handle.set(handle);
    }

    /// Drops the pending run, if any.
    pub fn cancel(&self) {
        if let Some(handle) = self.handle.take() {
            self.window.clear_timeout_with_handle(handle);
        }
    }

    /// Whether a run is pending.
    pub fn pending(&self) -> bool {
        self.handle.get().is_some()
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        self.cancel();
    }
}
