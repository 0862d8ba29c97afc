//! A service request being filled in, one step at a time: the service's questions, where,
//! more details, how to reach the resident, and a last look before sending. What the
//! resident entered is kept here (never only in the page), checked step by step, and turned
//! into the [`protocol::requests::RequestSubmission`] the server takes.

use protocol::requests::{Datatype, FormQuestion, MAX_DESCRIPTION_CHARS, ServiceForm};

use crate::ids;
use crate::json::Object;

/// Longest answer to a one-line question, name, e-mail, phone or address, in characters.
pub const MAX_LINE_CHARS: usize = 200;

/// One step of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The service's question at this index.
    Question(usize),
    /// Where the problem is: an address, or the resident's position.
    Where,
    /// A description and a photo link, both optional.
    Details,
    /// How to reach the resident, all optional.
    Contact,
    /// Everything entered, to check before sending.
    Review,
}

/// What is wrong with a step: the field (by its input name) and the message id that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The `name` of the input (or group) the problem is about.
    pub field: String,
    /// The message id of the explanation.
    pub message: &'static str,
}

/// The resident's position from "use my location".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    /// Latitude, WGS84.
    pub lat: f64,
    /// Longitude, WGS84.
    pub long: f64,
    /// How far off it may be, in metres.
    pub accuracy: f64,
}

/// The contact details a resident chose to give, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactDraft {
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// E-mail address.
    pub email: String,
    /// Phone number.
    pub phone: String,
}

/// A request being filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The service's form.
    pub form: ServiceForm,
    /// Answers by question code, as typed or picked (one value except for multi-value lists).
    pub answers: Vec<(String, Vec<String>)>,
    /// The address as typed.
    pub address: String,
    /// The position, when the resident shared it.
    pub position: Option<Position>,
    /// The description as typed.
    pub description: String,
    /// The photo link as typed.
    pub media_url: String,
    /// How to reach the resident.
    pub contact: ContactDraft,
    /// Index of the current step in [`Draft::steps`].
    pub at: usize,
    /// Whether the resident came from the review to change one step (Next returns there).
    pub changing: bool,
}

impl Draft {
    /// A new, empty draft of `form`, at its first step.
    pub fn new(form: ServiceForm) -> Self {
        Self {
            form,
            answers: Vec::new(),
            address: String::new(),
            position: None,
            description: String::new(),
            media_url: String::new(),
            contact: ContactDraft::default(),
            at: 0,
            changing: false,
        }
    }

    /// Every step, in order.
    pub fn steps(&self) -> Vec<Step> {
        (0..self.form.questions.len())
            .map(Step::Question)
            .chain([Step::Where, Step::Details, Step::Contact, Step::Review])
            .collect()
    }

    /// The step the resident is on.
    pub fn step(&self) -> Step {
        self.steps().get(self.at).copied().unwrap_or(Step::Review)
    }

    /// The number of steps.
    pub fn total(&self) -> usize {
        self.form.questions.len() + 4
    }

    /// The question of a question step.
    pub fn question(&self, step: Step) -> Option<&FormQuestion> {
        match step {
            Step::Question(i) => self.form.questions.get(i),
            _ => None,
        }
    }

    /// The answer values of question `code` (empty when unanswered).
    pub fn answer(&self, code: &str) -> &[String] {
        self.answers
            .iter()
            .find(|(c, _)| c == code)
            .map_or(&[], |(_, values)| values.as_slice())
    }

    /// Keeps `values` as the answer to question `code`.
    pub fn set_answer(&mut self, code: &str, values: Vec<String>) {
        match self.answers.iter_mut().find(|(c, _)| c == code) {
            Some((_, old)) => *old = values,
            None => self.answers.push((code.to_owned(), values)),
        }
    }

    /// Checks the current step; `Ok` moves on (to the review when changing one step).
    pub fn advance(&mut self) -> Result<(), Problem> {
        self.check(self.step())?;
        if self.changing {
            self.changing = false;
            self.at = self.total() - 1;
        } else {
            self.at = (self.at + 1).min(self.total() - 1);
        }
        Ok(())
    }

    /// Goes one step back (what was entered stays).
    pub fn back(&mut self) {
        self.changing = false;
        self.at = self.at.saturating_sub(1);
    }

    /// Goes from the review to `step`, to change it.
    pub fn change(&mut self, step: usize) {
        if step < self.total() - 1 {
            self.at = step;
            self.changing = true;
        }
    }

    /// What is wrong with `step` as entered, if anything.
    pub fn check(&self, step: Step) -> Result<(), Problem> {
        let problem = |field: &str, message| {
            Err(Problem {
                field: field.to_owned(),
                message,
            })
        };
        match step {
            Step::Question(i) => {
                let Some(q) = self.form.questions.get(i) else {
                    return Ok(());
                };
                let field = question_field(q);
                let values: Vec<&String> = self
                    .answer(&q.code)
                    .iter()
                    .filter(|v| !v.trim().is_empty())
                    .collect();
                let list = matches!(
                    q.datatype,
                    Datatype::Singlevaluelist | Datatype::Multivaluelist
                );
                if values.is_empty() {
                    return match (q.required, list) {
                        (true, true) => problem(&field, ids::REPORT_MISSING_CHOICE),
                        (true, false) => problem(&field, ids::REPORT_MISSING),
                        _ => Ok(()),
                    };
                }
                if q.datatype == Datatype::Number && values.iter().any(|v| number(v).is_none()) {
                    return problem(&field, ids::REPORT_NUMBER);
                }
                Ok(())
            }
            Step::Where => {
                if self.address.trim().is_empty() && self.position.is_none() {
                    problem("address", ids::REPORT_WHERE_MISSING)
                } else {
                    Ok(())
                }
            }
            Step::Details => {
                if self.description.trim().chars().count() > MAX_DESCRIPTION_CHARS {
                    problem("description", ids::REPORT_DESCRIPTION_LONG)
                } else if !self.media_url.trim().is_empty() && !is_web_address(&self.media_url) {
                    problem("media_url", ids::REPORT_PHOTO_INVALID)
                } else {
                    Ok(())
                }
            }
            Step::Contact => {
                let email = self.contact.email.trim();
                if !email.is_empty() && !is_email(email) {
                    problem("email", ids::REPORT_EMAIL_INVALID)
                } else {
                    Ok(())
                }
            }
            Step::Review => {
                let steps = self.steps();
                steps[..steps.len() - 1]
                    .iter()
                    .try_for_each(|step| self.check(*step))
            }
        }
    }

    /// The first step with a problem, with the problem (before sending).
    pub fn first_problem(&self) -> Option<(usize, Problem)> {
        self.steps()
            .iter()
            .enumerate()
            .find_map(|(i, step)| self.check(*step).err().map(|p| (i, p)))
    }

    /// The answers to send, by code in the order of the codes (as a map is written): each
    /// trimmed, numbers with a point, dates and times through `datetime` (which turns
    /// `2026-11-26T10:30`, the resident's time, into ISO 8601 with its offset), unanswered
    /// questions left out. `true` marks multi-value answers.
    fn attributes(
        &self,
        datetime: &impl Fn(&str) -> Option<String>,
    ) -> Vec<(&str, bool, Vec<String>)> {
        let mut out: Vec<(&str, bool, Vec<String>)> = Vec::new();
        for q in &self.form.questions {
            let values: Vec<String> = self
                .answer(&q.code)
                .iter()
                .map(|v| v.trim())
                .filter(|v| !v.is_empty())
                .map(|v| match q.datatype {
                    Datatype::Number => number(v).unwrap_or_else(|| v.to_owned()),
                    Datatype::Datetime => datetime(v).unwrap_or_else(|| v.to_owned()),
                    _ => v.to_owned(),
                })
                .collect();
            if values.is_empty() {
                continue;
            }
            // Insertion by code: a handful of questions, and no sorting code in the widget.
            let at = out
                .iter()
                .position(|(code, _, _)| *code > q.code.as_str())
                .unwrap_or(out.len());
            out.insert(
                at,
                (&q.code, q.datatype == Datatype::Multivaluelist, values),
            );
        }
        out
    }

    /// The request for `site` in `lang` as JSON: exactly what `serde_json` writes for the
    /// [`protocol::requests::RequestSubmission`] of the same values (see the tests).
    pub fn request_json(
        &self,
        site: &str,
        lang: &str,
        consent: Option<&str>,
        datetime: impl Fn(&str) -> Option<String>,
    ) -> String {
        let mut object = Object::new()
            .text("site", site)
            .text("lang", lang)
            .text("service_code", &self.form.service_code)
            .maybe_text("address", given(&self.address));
        if let Some(p) = self.position {
            object = object.float("lat", p.lat).float("long", p.long);
        }
        let attributes = self.attributes(&datetime);
        if !attributes.is_empty() {
            let mut answers = Object::new();
            for (code, many, values) in &attributes {
                answers = if *many {
                    answers.list(code, values)
                } else {
                    answers.text(code, values.first().map_or("", String::as_str))
                };
            }
            object = object.raw("attributes", &answers.finish());
        }
        let c = &self.contact;
        let contact = Object::new()
            .maybe_text("first_name", given(&c.first_name))
            .maybe_text("last_name", given(&c.last_name))
            .maybe_text("email", given(&c.email))
            .maybe_text("phone", given(&c.phone))
            .finish();
        object
            .maybe_text("description", given(&self.description))
            .maybe_text("media_url", given(&self.media_url))
            .raw("contact", &contact)
            .maybe_text("consent", consent)
            .finish()
    }

    /// The same request as the wire type, to check [`Draft::request_json`] against serde.
    #[cfg(test)]
    pub fn submission(
        &self,
        site: &str,
        lang: &str,
        consent: Option<&str>,
        datetime: impl Fn(&str) -> Option<String>,
    ) -> protocol::requests::RequestSubmission {
        use protocol::requests::{AttributeAnswer, Contact, RequestSubmission};
        let own = |text: &str| given(text).map(str::to_owned);
        RequestSubmission {
            site: site.to_owned(),
            lang: lang.to_owned(),
            service_code: self.form.service_code.clone(),
            address: own(&self.address),
            lat: self.position.map(|p| p.lat),
            long: self.position.map(|p| p.long),
            attributes: self
                .attributes(&datetime)
                .into_iter()
                .map(|(code, many, mut values)| {
                    let answer = if many {
                        AttributeAnswer::Many(values)
                    } else {
                        AttributeAnswer::One(values.swap_remove(0))
                    };
                    (code.to_owned(), answer)
                })
                .collect(),
            description: own(&self.description),
            media_url: own(&self.media_url),
            contact: Contact {
                first_name: own(&self.contact.first_name),
                last_name: own(&self.contact.last_name),
                email: own(&self.contact.email),
                phone: own(&self.contact.phone),
            },
            consent: consent.map(str::to_owned),
        }
    }

    /// The answer to question `q` as the resident reads it (choice names, not keys).
    pub fn shown_answer(&self, q: &FormQuestion) -> Option<String> {
        let values = self.answer(&q.code);
        let mut names = String::new();
        for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
            if !names.is_empty() {
                names.push_str(", ");
            }
            match q.datatype {
                Datatype::Singlevaluelist | Datatype::Multivaluelist => names.push_str(
                    q.values
                        .iter()
                        .find(|value| value.key == v)
                        .map_or(v, |value| value.name.as_str()),
                ),
                Datatype::Datetime => names.push_str(&v.replacen('T', " ", 1)),
                _ => names.push_str(v),
            }
        }
        (!names.is_empty()).then_some(names)
    }
}

/// `text` trimmed, unless that leaves nothing.
fn given(text: &str) -> Option<&str> {
    let text = text.trim();
    (!text.is_empty()).then_some(text)
}

/// The input name of question `q`'s field (or radio/checkbox group).
pub fn question_field(q: &FormQuestion) -> String {
    format!("q-{}", q.code)
}

/// A number as typed, with a comma or a point before the decimals (and commas between
/// thousands when a point is there); written back with a point: `-12`, `2.5`. Checked by its
/// characters, not parsed: parsing floats would add kilobytes to the widget.
pub fn number(text: &str) -> Option<String> {
    let text = text.trim().replace(' ', "");
    let normal = if has_point(&text) {
        text.replace(',', "")
    } else {
        text.replace(',', ".")
    };
    let digits = normal.strip_prefix(['-', '+']).unwrap_or(&normal);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let ok = all_digits(whole)
        && all_digits(fraction)
        && !whole.is_empty()
        && fraction.is_empty() != has_point(digits);
    ok.then_some(normal)
}

/// Whether `text` has a `.` (by bytes: `str::contains` with a `char` brings a substring
/// search into the wasm).
fn has_point(text: &str) -> bool {
    text.bytes().any(|b| b == b'.')
}

/// Whether `text` is an http(s) address without spaces.
pub fn is_web_address(text: &str) -> bool {
    let text = text.trim();
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        has_point(host) && !rest.chars().any(char::is_whitespace)
    })
}

/// Whether `text` looks like an e-mail address: something, `@`, a domain with a dot.
pub fn is_email(text: &str) -> bool {
    let Some((name, domain)) = text.rsplit_once('@') else {
        return false;
    };
    !name.is_empty()
        && !text.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
}

#[cfg(test)]
mod tests {
    use protocol::requests::{AttributeAnswer, FormValue};

    use super::*;

    fn q(code: &str, datatype: Datatype, required: bool, keys: &[&str]) -> FormQuestion {
        FormQuestion {
            code: code.into(),
            description: format!("{code}?"),
            datatype,
            required,
            hint: None,
            values: keys
                .iter()
                .map(|k| FormValue {
                    key: (*k).into(),
                    name: k.to_uppercase(),
                })
                .collect(),
        }
    }

    fn draft() -> Draft {
        Draft::new(ServiceForm {
            service_code: "pothole".into(),
            name: "Report a pothole".into(),
            lang: "en".into(),
            questions: vec![
                q("size", Datatype::Singlevaluelist, true, &["s", "l"]),
                q("carts", Datatype::Multivaluelist, false, &["trash", "yard"]),
                q("days", Datatype::Number, false, &[]),
                q("seen", Datatype::Datetime, false, &[]),
            ],
            form_url: None,
            phone: "311".into(),
        })
    }

    fn set(d: &mut Draft, code: &str, values: &[&str]) {
        d.set_answer(code, values.iter().map(|v| (*v).to_owned()).collect());
    }

    #[test]
    fn walks_through_every_step_and_stops_at_problems() {
        let mut d = draft();
        assert_eq!(d.total(), 8);
        assert_eq!(d.step(), Step::Question(0));
        let missing = d.advance().expect_err("size is required");
        assert_eq!(missing.field, "q-size");
        assert_eq!(missing.message, ids::REPORT_MISSING_CHOICE);
        assert_eq!(d.step(), Step::Question(0), "a problem keeps the step");
        set(&mut d, "size", &["l"]);
        d.advance().expect("answered");
        d.advance().expect("carts are optional");
        set(&mut d, "days", &["three"]);
        assert_eq!(d.advance().map_err(|p| p.message), Err(ids::REPORT_NUMBER));
        set(&mut d, "days", &["3,5"]);
        d.advance().expect("a comma before decimals is a number");
        d.advance().expect("seen is optional");
        assert_eq!(d.step(), Step::Where);
        assert_eq!(
            d.advance().map_err(|p| p.field),
            Err("address".to_owned()),
            "an address or a position is needed"
        );
        d.position = Some(Position {
            lat: 40.7,
            long: -74.0,
            accuracy: 20.0,
        });
        d.advance().expect("a position is enough");
        d.media_url = "my photo".into();
        assert_eq!(
            d.advance().map_err(|p| p.message),
            Err(ids::REPORT_PHOTO_INVALID)
        );
        d.media_url = "https://example.com/p.jpg".into();
        d.description = "x".repeat(MAX_DESCRIPTION_CHARS + 1);
        assert_eq!(
            d.advance().map_err(|p| p.field),
            Err("description".to_owned())
        );
        d.description = "Deep, in the bike lane.".into();
        d.advance().expect("details");
        d.contact.email = "ana@example".into();
        assert_eq!(
            d.advance().map_err(|p| p.message),
            Err(ids::REPORT_EMAIL_INVALID)
        );
        d.contact.email = "ana@example.com".into();
        d.advance().expect("contact");
        assert_eq!(d.step(), Step::Review);
        assert_eq!(d.first_problem(), None);
    }

    #[test]
    fn back_keeps_answers_and_change_returns_to_the_review() {
        let mut d = draft();
        set(&mut d, "size", &["s"]);
        d.address = "Main St".into();
        d.at = d.total() - 1;
        d.change(0);
        assert_eq!(d.step(), Step::Question(0));
        set(&mut d, "size", &["l"]);
        d.advance().expect("changed");
        assert_eq!(d.step(), Step::Review, "back to the review after a change");
        d.back();
        assert_eq!(d.step(), Step::Contact);
        assert_eq!(d.answer("size"), ["l".to_owned()]);
        d.at = 0;
        d.back();
        assert_eq!(d.at, 0);
    }

    #[test]
    fn the_review_finds_the_first_step_with_a_problem() {
        let mut d = draft();
        d.address = "Main St".into();
        d.at = d.total() - 1;
        assert_eq!(
            d.check(Step::Review).map_err(|p| p.field),
            Err("q-size".to_owned())
        );
        assert_eq!(d.first_problem().map(|(i, _)| i), Some(0));
    }

    #[test]
    fn the_submission_has_what_was_given_and_nothing_else() {
        let mut d = draft();
        set(&mut d, "size", &["l"]);
        set(&mut d, "carts", &["trash", "yard"]);
        set(&mut d, "days", &[" 2,5 "]);
        set(&mut d, "seen", &["2026-11-26T10:30"]);
        d.address = "  120 Main St ".into();
        d.contact.first_name = "Ana".into();
        d.contact.phone = "   ".into();
        let offset = |local: &str| Some(format!("{local}:00-05:00"));
        let sent = d.submission("riverton", "es", Some("2026-11-01"), offset);
        let json = d.request_json("riverton", "es", Some("2026-11-01"), offset);
        assert_eq!(json, serde_json::to_string(&sent).expect("json"));
        assert_eq!(
            serde_json::from_str::<protocol::requests::RequestSubmission>(&json).expect("reads"),
            sent
        );
        assert_eq!(sent.address.as_deref(), Some("120 Main St"));
        assert_eq!((sent.lat, sent.long), (None, None));
        assert_eq!(sent.attributes["size"], AttributeAnswer::One("l".into()));
        assert_eq!(
            sent.attributes["carts"],
            AttributeAnswer::Many(vec!["trash".into(), "yard".into()])
        );
        assert_eq!(sent.attributes["days"], AttributeAnswer::One("2.5".into()));
        assert_eq!(
            sent.attributes["seen"],
            AttributeAnswer::One("2026-11-26T10:30:00-05:00".into())
        );
        assert_eq!(sent.description, None);
        assert_eq!(sent.contact.first_name.as_deref(), Some("Ana"));
        assert_eq!(sent.contact.phone, None);
        assert_eq!(sent.lang, "es");
        assert_eq!(
            d.shown_answer(&d.form.questions[1].clone()).as_deref(),
            Some("TRASH, YARD")
        );
        assert_eq!(
            d.shown_answer(&d.form.questions[3].clone()).as_deref(),
            Some("2026-11-26 10:30")
        );
    }

    #[test]
    fn the_json_is_what_serde_writes_with_a_position_and_nothing_else() {
        let mut d = draft();
        d.position = Some(Position {
            lat: 40.7128,
            long: -74.0,
            accuracy: 12.0,
        });
        d.description = "Línea \"uno\"\n\tbarra \\ 😀".into();
        d.media_url = "https://example.com/p.jpg".into();
        let none = |_: &str| None;
        let json = d.request_json("riverton", "en", None, none);
        assert_eq!(
            json,
            serde_json::to_string(&d.submission("riverton", "en", None, none)).expect("json")
        );
        assert!(json.contains("\"long\":-74.0"), "{json}");
        assert!(!json.contains("attributes"), "{json}");
    }

    #[test]
    fn numbers_addresses_and_emails() {
        assert_eq!(number("1,5").as_deref(), Some("1.5"));
        assert_eq!(number("1,500.25").as_deref(), Some("1500.25"));
        assert_eq!(number("12").as_deref(), Some("12"));
        assert_eq!(number("-3").as_deref(), Some("-3"));
        assert_eq!(number("twelve"), None);
        assert_eq!(number("inf"), None);
        assert_eq!(number("0x10"), None);
        assert_eq!(number("1e3"), None);
        assert_eq!(number("3."), None);
        assert_eq!(number("1.2.3"), None);
        assert_eq!(number(""), None);
        assert!(is_web_address("https://example.com/a.jpg"));
        assert!(!is_web_address("https://example.com/a b.jpg"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address("https://localhost"));
        assert!(is_email("ana.perez@ciudad.example"));
        assert!(!is_email("ana@ciudad"));
        assert!(!is_email("@ciudad.example"));
        assert!(!is_email("ana perez@ciudad.example"));
    }
}
