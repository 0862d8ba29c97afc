//! The chat's WebSocket: text frames in and out, and word of it opening and closing. Its
//! handlers are detached before it is dropped, so a late event never reaches a freed closure.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{CloseEvent, Event, MessageEvent, WebSocket};

/// `readyState` of an open socket.
const OPEN: u16 = 1;

/// One connection attempt and, once open, the connection.
pub struct Socket {
    ws: WebSocket,
    _on_open: Closure<dyn FnMut(Event)>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_close: Closure<dyn FnMut(CloseEvent)>,
}

impl Socket {
    /// Connects to `url`: `opened` runs once it is open, `received` for every text frame and
    /// `closed` once when it closes or fails to open (with whether it had opened).
    pub fn connect(
        url: &str,
        mut opened: impl FnMut() + 'static,
        mut received: impl FnMut(String) + 'static,
        mut closed: impl FnMut(bool) + 'static,
    ) -> Option<Self> {
        let ws = WebSocket::new(url).ok()?;
        let was_open = std::rc::Rc::new(std::cell::Cell::new(false));
        let on_open = {
            let was_open = std::rc::Rc::clone(&was_open);
            Closure::<dyn FnMut(Event)>::new(move |_| {
                was_open.set(true);
                opened();
            })
        };
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(text) = event.data().as_string() {
                received(text);
            }
        });
        let on_close = Closure::<dyn FnMut(CloseEvent)>::new(move |_| closed(was_open.get()));
        ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        Some(Self {
            ws,
            _on_open: on_open,
            _on_message: on_message,
            _on_close: on_close,
        })
    }

    /// Whether the connection is open.
    pub fn is_open(&self) -> bool {
        self.ws.ready_state() == OPEN
    }

    /// Sends a text frame; returns whether it went out (the socket was open).
    pub fn send(&self, text: &str) -> bool {
        self.is_open() && self.ws.send_with_str(text).is_ok()
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        self.ws.set_onopen(None);
        self.ws.set_onmessage(None);
        self.ws.set_onclose(None);
        let _ = self.ws.close();
    }
}
