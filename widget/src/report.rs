//! The guided form at work: "Report it here" opens the service's form in the transcript, one
//! step at a time; Next checks the step (the error is shown next to its field, announced, and
//! focus goes to the field), Back and Change keep everything entered, "Use my location" asks
//! the browser, and Send posts the request and shows its tracking number and link. When
//! sending fails, nothing is lost: the form stays, with the city's phone and online form.
//!
//! Focus moves only in answer to the resident's own action (the step they asked for, or the
//! thank-you that replaces the form they sent from).

use std::cell::{RefCell, RefMut};
use std::rc::Rc;

use protocol::ErrorCode;
use protocol::requests::{Datatype, MAX_DESCRIPTION_CHARS};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, HtmlInputElement};

use crate::dom;
use crate::http;
use crate::ids;
use crate::live_forms;
use crate::live_parts::Parts;
use crate::reply::Failure;
use crate::report_draft::{self, Draft, Position, Problem, Step};
use crate::report_view::ReportView;
use crate::report_wire;

/// Where service forms are; the only URLs "Report it here" may open.
pub const SERVICES_PATH: &str = "/api/v1/services/";
/// Where requests are sent.
const REQUESTS_PATH: &str = "/api/v1/requests";

/// The guided forms in the transcript.
pub struct Reports {
    parts: Parts,
    /// Each open form's draft, by the form's id prefix.
    drafts: RefCell<Vec<(String, Draft)>>,
}

impl Reports {
    /// The guided forms, sharing the widget's `parts`.
    pub fn new(parts: Parts) -> Rc<Self> {
        Rc::new(Self {
            parts,
            drafts: RefCell::new(Vec::new()),
        })
    }

    /// Wires "Report it here" buttons and the forms' buttons and submits in the transcript.
    pub fn wire(self: &Rc<Self>) {
        let log = &self.parts.chrome.log;
        let reports = Rc::clone(self);
        dom::listen(log, "click", move |event| {
            let Some(button) = dom::event_closest(&event, "button") else {
                return;
            };
            if dom::has_class(&button, "report-open") {
                spawn_local(Rc::clone(&reports).open(button.into()));
                return;
            }
            let Some(form) = dom::closest(&button, "form.report") else {
                return;
            };
            if dom::has_class(&button, "back") {
                reports.back(&form);
            } else if dom::has_class(&button, "cancel") {
                reports.cancel(&form);
            } else if dom::has_class(&button, "change") {
                let step = button
                    .get_attribute("data-step")
                    .and_then(|s| s.parse().ok());
                if let Some(step) = step {
                    reports.change(&form, step);
                }
            } else if dom::has_class(&button, "locate") {
                reports.locate(&form);
            }
        });
        let reports = Rc::clone(self);
        dom::listen(log, "submit", move |event| {
            let Some(form) = dom::event_element(&event) else {
                return;
            };
            if dom::has_class(&form, "report") {
                event.prevent_default();
                Rc::clone(&reports).next(form);
            }
        });
    }

    /// Fetches the service's form behind `button` and opens it at its first step.
    async fn open(self: Rc<Self>, button: Element) {
        let Some(path) = button
            .get_attribute("data-url")
            .filter(|url| url.starts_with(SERVICES_PATH))
        else {
            return;
        };
        if button.get_attribute("aria-disabled").as_deref() == Some("true") {
            return;
        }
        dom::set(&button, "aria-disabled", "true");
        let texts = self.parts.texts();
        self.parts.announcer.say(&texts.get(ids::REPORT_LOADING));
        let url = self.parts.config.endpoint(&path);
        let form = http::get_json(&url).await.and_then(|json| {
            report_wire::service_form(&json).ok_or(Failure::Server(ErrorCode::Internal))
        });
        dom::unset(&button, "aria-disabled");
        let form = match form {
            Ok(form) => form,
            Err(failure) => {
                self.parts.show_failure(failure);
                return;
            }
        };
        let prefix = crate::strings::concat(&["wf-rq", &self.parts.uid().to_string()]);
        let draft = Draft::new(form);
        let view = self.view(&texts, &prefix);
        let Some((message, form_el)) = view.shell(&draft) else {
            return;
        };
        let move_focus = self.parts.focus_within(&button) || self.focus_is_lost();
        self.parts.append(&message);
        self.drafts.borrow_mut().push((prefix, draft));
        self.show_step(&form_el, move_focus);
    }

    /// The form's elements in the UI language of `texts`, ids prefixed with `prefix`.
    fn view<'a>(&'a self, texts: &'a crate::texts::Texts, prefix: &'a str) -> ReportView<'a> {
        ReportView {
            doc: &self.parts.doc,
            texts,
            prefix,
        }
    }

    /// Whether nothing in the widget has focus (it was on something that went away).
    fn focus_is_lost(&self) -> bool {
        self.parts.root.active_element().is_none()
    }

    /// The draft of `form` (borrowed until the guard is dropped).
    fn draft(&self, form: &Element) -> Option<RefMut<'_, Draft>> {
        let prefix = form.get_attribute("data-report")?;
        RefMut::filter_map(self.drafts.borrow_mut(), |drafts| {
            drafts
                .iter_mut()
                .find(|(p, _)| *p == prefix)
                .map(|(_, draft)| draft)
        })
        .ok()
    }

    /// Draws the draft's current step into `form`, focusing its first field when `focus`.
    fn show_step(&self, form: &Element, focus: bool) {
        let Some(prefix) = form.get_attribute("data-report") else {
            return;
        };
        let texts = self.parts.texts();
        let view = self.view(&texts, &prefix);
        let Some(first) = self.draft(form).map(|draft| view.step(form, &draft)) else {
            return;
        };
        if can_locate(&self.parts.window)
            && let Some(row) = dom::find(form, ".locate-row")
        {
            dom::unset(&row, "hidden");
        }
        if focus && let Some(first) = first {
            dom::focus(&first);
        }
    }

    /// Next (or Send on the review): checks the step, then moves on or sends.
    fn next(self: Rc<Self>, form: Element) {
        if form.has_attribute("aria-busy") {
            return;
        }
        self.read_step(&form);
        let on_review = self.draft(&form).is_some_and(|d| d.step() == Step::Review);
        if on_review {
            let problem = self.draft(&form).and_then(|d| d.first_problem());
            match problem {
                Some((at, problem)) => {
                    if let Some(mut d) = self.draft(&form) {
                        d.change(at);
                    }
                    self.show_step(&form, true);
                    self.show_problem(&form, &problem);
                }
                None => spawn_local(self.send(form)),
            }
            return;
        }
        let next = self.draft(&form).map(|mut d| d.advance());
        match next {
            Some(Ok(())) => self.show_step(&form, true),
            Some(Err(problem)) => self.show_problem(&form, &problem),
            None => {}
        }
    }

    fn back(&self, form: &Element) {
        self.read_step(form);
        if let Some(mut d) = self.draft(form) {
            d.back();
        }
        self.show_step(form, true);
    }

    fn change(&self, form: &Element, step: usize) {
        if let Some(mut d) = self.draft(form) {
            d.change(step);
        }
        self.show_step(form, true);
    }

    /// Cancel: the form gives way to a note that nothing was sent; focus returns to the
    /// question box.
    fn cancel(&self, form: &Element) {
        let texts = self.parts.texts();
        if let Some(prefix) = form.get_attribute("data-report") {
            self.drafts.borrow_mut().retain(|(p, _)| *p != prefix);
        }
        let note = dom::text(
            &self.parts.doc,
            "p",
            &[("class", "form-done")],
            &texts.get(ids::REPORT_CANCELLED),
        );
        dom::replace(form, &note);
        dom::focus(&self.parts.chrome.input);
        self.parts.announcer.say(&texts.get(ids::REPORT_CANCELLED));
    }

    /// Copies what the current step's fields hold into the draft.
    fn read_step(&self, form: &Element) {
        let Some(mut draft) = self.draft(form) else {
            return;
        };
        {
            let step = draft.step();
            match step {
                Step::Question(_) => {
                    let Some(q) = draft.question(step).cloned() else {
                        return;
                    };
                    let name = report_draft::question_field(&q);
                    let values = match q.datatype {
                        Datatype::Singlevaluelist | Datatype::Multivaluelist => {
                            checked(form, &name)
                        }
                        _ => vec![live_forms::value(form, &name)],
                    };
                    draft.set_answer(&q.code, values);
                }
                Step::Where => draft.address = live_forms::value(form, "address"),
                Step::Details => {
                    draft.description = live_forms::value(form, "description");
                    draft.media_url = live_forms::value(form, "media_url");
                }
                Step::Contact => {
                    let c = &mut draft.contact;
                    c.first_name = live_forms::value(form, "first_name");
                    c.last_name = live_forms::value(form, "last_name");
                    c.email = live_forms::value(form, "email");
                    c.phone = live_forms::value(form, "phone");
                }
                Step::Review => {}
            }
        }
    }

    /// Shows `problem` next to its field, announces it and puts focus on the field.
    fn show_problem(&self, form: &Element, problem: &Problem) {
        let Some(prefix) = form.get_attribute("data-report") else {
            return;
        };
        let texts = self.parts.texts();
        let view = self.view(&texts, &prefix);
        let max = view.number(MAX_DESCRIPTION_CHARS);
        let text = texts.format_args(problem.message, &[("max", max.as_arg())]);
        let mut field_id = prefix.clone();
        field_id.push('-');
        field_id.push_str(&problem.field);
        let Some(field) = dom::find(form, &dom::attr_is("", "id", &field_id)) else {
            return;
        };
        let group = field.tag_name().eq_ignore_ascii_case("fieldset");
        if let Some(error) = live_forms::error_of(form, &field_id) {
            live_forms::set_error(&field, &error, Some(&text), !group);
        }
        self.parts.announcer.say(&text);
        let target = if group {
            dom::find(&field, "input:checked").or_else(|| dom::find(&field, "input"))
        } else {
            Some(field)
        };
        if let Some(target) = target {
            dom::focus(&target);
        }
    }

    /// Sends the request; the thank-you with the tracking number replaces the form, or the
    /// form stays with what went wrong and where else to turn.
    async fn send(self: Rc<Self>, form: Element) {
        let texts = self.parts.texts();
        let site = self.parts.config.site.clone();
        let consent = self.parts.session.borrow().consent().map(str::to_owned);
        let Some(request) = self
            .draft(&form)
            .map(|d| d.request_json(&site, texts.lang(), consent.as_deref(), local_to_iso))
        else {
            return;
        };
        let (phone, form_url) = self
            .draft(&form)
            .map(|d| (d.form.phone.clone(), d.form.form_url.clone()))
            .unwrap_or_default();
        dom::set(&form, "aria-busy", "true");
        self.parts.announcer.say(&texts.get(ids::REPORT_SENDING));
        let url = self.parts.config.endpoint(REQUESTS_PATH);
        let result = http::post_json(&url, &Json(request))
            .await
            .and_then(|json| {
                report_wire::receipt(&json).ok_or(Failure::Server(ErrorCode::Internal))
            });
        dom::unset(&form, "aria-busy");
        let Some(prefix) = form.get_attribute("data-report") else {
            return;
        };
        let view = self.view(&texts, &prefix);
        match result {
            Ok(receipt) => {
                let (done, spoken) = view.sent(&receipt);
                let had_focus = self.parts.focus_within(&form);
                dom::replace(&form, &done);
                self.drafts.borrow_mut().retain(|(p, _)| *p != prefix);
                if had_focus && let Some(first) = dom::find(&done, ".form-done") {
                    dom::focus(&first);
                }
                self.parts.announcer.say(&spoken);
            }
            Err(_) => {
                let Some(error) = dom::find(&form, ".form-error") else {
                    return;
                };
                let spoken = view.failed_into(&error, &phone, form_url.as_deref());
                self.parts.announcer.say(&spoken);
            }
        }
    }

    /// "Use my location": asks the browser once; the position (or why there is none) is
    /// shown under the button and announced.
    fn locate(self: &Rc<Self>, form: &Element) {
        let texts = self.parts.texts();
        let Some(located) = dom::find(form, ".located") else {
            return;
        };
        located.set_text_content(Some(&texts.get(ids::REPORT_LOCATING)));
        dom::unset(&located, "hidden");
        self.parts.announcer.say(&texts.get(ids::REPORT_LOCATING));

        let reports = Rc::clone(self);
        let found_form = form.clone();
        let found_at = located.clone();
        let found = Closure::once_into_js(move |position: JsValue| {
            let coords = field(&position, "coords");
            let read = |key: &str| field(&coords, key).as_f64();
            let (Some(lat), Some(long)) = (read("latitude"), read("longitude")) else {
                return;
            };
            let accuracy = read("accuracy").unwrap_or(0.0);
            if let Some(mut d) = reports.draft(&found_form) {
                d.position = Some(Position {
                    lat,
                    long,
                    accuracy,
                });
            }
            let texts = reports.parts.texts();
            let prefix = found_form.get_attribute("data-report").unwrap_or_default();
            let view = reports.view(&texts, &prefix);
            view.located_into(&found_at, accuracy);
            reports
                .parts
                .announcer
                .say(&found_at.text_content().unwrap_or_default());
            clear_where_error(&found_form, &prefix);
        });
        let reports = Rc::clone(self);
        let failed_at = located;
        let failed = Closure::once_into_js(move |_error: JsValue| {
            let text = reports.parts.texts().get(ids::REPORT_LOCATE_FAILED);
            failed_at.set_text_content(Some(&text));
            reports.parts.announcer.say(&text);
        });
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeout".into(), &JsValue::from(20_000));
        let _ = js_sys::Reflect::set(&options, &"maximumAge".into(), &JsValue::from(60_000));
        let geolocation = field(&self.parts.window.navigator(), "geolocation");
        if let Ok(ask) = js_sys::Reflect::get(&geolocation, &"getCurrentPosition".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>())
        {
            let _ = ask.call3(&geolocation, &found, &failed, &options);
        }
    }
}

/// JSON text already written.
struct Json(String);

impl crate::json::ToJson for Json {
    fn to_json(&self) -> String {
        self.0.clone()
    }
}

/// The values of the checked boxes or radio buttons named `name` in `form`.
fn checked(form: &Element, name: &str) -> Vec<String> {
    let mut selector = dom::attr_is("input", "name", name);
    selector.push_str(":checked");
    dom::find_all(form, &selector)
        .map(|input| input.unchecked_into::<HtmlInputElement>().value())
        .collect()
}

/// Removes the "type an address or use your location" error once a position is known.
fn clear_where_error(form: &Element, prefix: &str) {
    let mut field_id = String::from(prefix);
    field_id.push_str("-address");
    if let (Some(field), Some(error)) = (
        dom::find(form, &dom::attr_is("", "id", &field_id)),
        live_forms::error_of(form, &field_id),
    ) {
        live_forms::set_error(&field, &error, None, true);
    }
}

/// Field `key` of a JavaScript object (undefined when missing).
fn field(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Whether the browser can tell the resident's position (it needs a secure page).
fn can_locate(window: &web_sys::Window) -> bool {
    let secure = field(window, "isSecureContext").as_bool().unwrap_or(false);
    secure && !field(&window.navigator(), "geolocation").is_undefined()
}

/// A date and time as a `datetime-local` input gives it (the resident's own time), in ISO
/// 8601 with its offset (as UTC), as Open311 wants it.
fn local_to_iso(local: &str) -> Option<String> {
    let date = js_sys::Date::new(&JsValue::from_str(local));
    date.get_time()
        .is_finite()
        .then(|| String::from(date.to_iso_string()))
}
