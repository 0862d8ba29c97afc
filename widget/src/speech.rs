//! The browser's speech features, where it has them: answers read aloud with
//! `speechSynthesis`, and questions dictated with `SpeechRecognition`.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlTextAreaElement, SpeechSynthesisUtterance, Window};

/// The names the speech recognition constructor has, standard first.
const RECOGNITION_NAMES: [&str; 2] = ["SpeechRecognition", "webkitSpeechRecognition"];

/// Whether the browser can read text aloud.
pub fn can_speak(window: &Window) -> bool {
    Reflect::has(window, &JsValue::from_str("speechSynthesis")).unwrap_or(false)
}

/// Whether the browser can turn speech into text.
pub fn can_listen(window: &Window) -> bool {
    recognition_constructor(window).is_some()
}

/// Reads `text` aloud in `lang`, cutting off whatever was being read.
pub fn speak(window: &Window, text: &str, lang: &str) {
    let Ok(synth) = window.speech_synthesis() else {
        return;
    };
    synth.cancel();
    if let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) {
        utterance.set_lang(lang);
        synth.speak(&utterance);
    }
}

/// Stops reading aloud.
pub fn hush(window: &Window) {
    if let Ok(synth) = window.speech_synthesis() {
        synth.cancel();
    }
}

/// Dictation into the question input, driven by the microphone button.
pub struct Voice {
    constructor: Function,
    button: Element,
    /// The recognition in progress, if any.
    current: RefCell<Option<JsValue>>,
    on_result: Closure<dyn FnMut(JsValue)>,
    on_end: Closure<dyn FnMut(JsValue)>,
}

impl Voice {
    /// Dictation into `input`, shown on `button`; `None` when the browser has no speech
    /// recognition.
    pub fn new(window: &Window, button: Element, input: HtmlTextAreaElement) -> Option<Rc<Self>> {
        let constructor = recognition_constructor(window)?;
        let on_result = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let heard = transcript(&event);
            if heard.is_empty() {
                return;
            }
            let typed = input.value();
            let joined = if typed.trim().is_empty() {
                heard
            } else {
                crate::strings::concat(&[typed.trim_end(), " ", &heard])
            };
            input.set_value(&joined);
        });
        let voice = Rc::new_cyclic(|weak: &std::rc::Weak<Self>| {
            let weak = weak.clone();
            let on_end = Closure::<dyn FnMut(JsValue)>::new(move |_| {
                if let Some(voice) = weak.upgrade() {
                    voice.stopped();
                }
            });
            Self {
                constructor,
                button,
                current: RefCell::new(None),
                on_result,
                on_end,
            }
        });
        Some(voice)
    }

    /// Whether dictation is running.
    pub fn listening(&self) -> bool {
        self.current.borrow().is_some()
    }

    /// Starts listening in `lang`, or stops when already listening. Returns whether it is
    /// listening now.
    pub fn toggle(&self, lang: &str) -> bool {
        if let Some(recognition) = self.current.borrow().as_ref() {
            call(recognition, "stop");
            return true;
        }
        match self.start(lang) {
            Ok(recognition) => {
                *self.current.borrow_mut() = Some(recognition);
                crate::dom::set(&self.button, "aria-pressed", "true");
                true
            }
            Err(_) => {
                self.stopped();
                false
            }
        }
    }

    fn start(&self, lang: &str) -> Result<JsValue, JsValue> {
        let recognition = Reflect::construct(&self.constructor, &Array::new())?;
        Reflect::set(&recognition, &"lang".into(), &lang.into())?;
        Reflect::set(&recognition, &"interimResults".into(), &false.into())?;
        Reflect::set(&recognition, &"maxAlternatives".into(), &1.into())?;
        Reflect::set(&recognition, &"onresult".into(), self.on_result.as_ref())?;
        Reflect::set(&recognition, &"onend".into(), self.on_end.as_ref())?;
        Reflect::get(&recognition, &"start".into())?
            .dyn_into::<Function>()?
            .call0(&recognition)?;
        Ok(recognition)
    }

    fn stopped(&self) {
        self.current.borrow_mut().take();
        crate::dom::set(&self.button, "aria-pressed", "false");
    }
}

fn recognition_constructor(window: &Window) -> Option<Function> {
    RECOGNITION_NAMES.into_iter().find_map(|name| {
        Reflect::get(window, &JsValue::from_str(name))
            .ok()?
            .dyn_into::<Function>()
            .ok()
    })
}

/// The text of a recognition `result` event: the best alternative of each final result.
fn transcript(event: &JsValue) -> String {
    let get = |value: &JsValue, key: JsValue| Reflect::get(value, &key).unwrap_or_default();
    let results = get(event, "results".into());
    let count = get(&results, "length".into()).as_f64().unwrap_or(0.0) as u32;
    let mut words = String::new();
    for i in 0..count {
        let best = get(&get(&results, i.into()), 0.into());
        if let Some(text) = get(&best, "transcript".into()).as_string() {
            let text = text.trim();
            if !text.is_empty() {
                if !words.is_empty() {
                    words.push(' ');
                }
                words.push_str(text);
            }
        }
    }
    words
}

fn call(target: &JsValue, method: &str) {
    if let Ok(function) =
        Reflect::get(target, &JsValue::from_str(method)).and_then(JsCast::dyn_into::<Function>)
    {
        let _ = function.call0(target);
    }
}
