//! A chat's transcript for the resident to keep: the bot conversation, then the chat with
//! staff, as plain text or as a self-contained web page, in the chat's language, with times
//! in the city's time zone.

use chrono::DateTime;
use chrono_tz::Tz;
use i18n::Catalog;
use protocol::{ChatEvent, EventBody, Party};

use crate::html::escape;
use crate::store::live::BotTurn;

/// Everything a transcript shows.
pub struct Transcript<'a> {
    /// The city's name.
    pub site_name: &'a str,
    /// The chat's language (for `lang` and `dir`).
    pub lang: &'a str,
    /// The city's time zone.
    pub timezone: Tz,
    /// The bot conversation before the chat.
    pub bot: &'a [BotTurn],
    /// The chat's events.
    pub events: &'a [ChatEvent],
    /// The bot's messages in the chat's language.
    pub catalog: &'a Catalog,
}

/// One line: when, who (empty for notices), what.
struct Line {
    at: String,
    who: String,
    text: String,
}

impl Transcript<'_> {
    fn time(&self, at: &str) -> String {
        DateTime::parse_from_rfc3339(at)
            .map(|t| {
                t.with_timezone(&self.timezone)
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_default()
    }

    fn lines(&self) -> Vec<Line> {
        let t = |id: &str, args: &[(&str, &str)]| self.catalog.format(id, args);
        let mut lines: Vec<Line> = self
            .bot
            .iter()
            .map(|turn| Line {
                at: self.time(&turn.at),
                who: if turn.role == "resident" {
                    t("transcript-you", &[])
                } else {
                    t("transcript-assistant", &[])
                },
                text: turn.text.clone(),
            })
            .collect();
        for event in self.events {
            let (who, text) = match &event.body {
                EventBody::Message { from, name, text } => (
                    match (from, name) {
                        (Party::Resident, _) => t("transcript-you", &[]),
                        (_, Some(name)) => name.clone(),
                        (_, None) => self.site_name.to_owned(),
                    },
                    text.clone(),
                ),
                EventBody::Joined {
                    name,
                    department: Some(department),
                } => (
                    String::new(),
                    t(
                        "transcript-joined-department",
                        &[("name", name), ("department", department)],
                    ),
                ),
                EventBody::Joined { name, .. } => {
                    (String::new(), t("transcript-joined", &[("name", name)]))
                }
                EventBody::Transferred { department } => (
                    String::new(),
                    t("transcript-transferred", &[("department", department)]),
                ),
                EventBody::Closed { .. } => (String::new(), t("transcript-closed", &[])),
            };
            lines.push(Line {
                at: self.time(&event.at),
                who,
                text,
            });
        }
        lines
    }

    fn title(&self) -> String {
        self.catalog
            .format("transcript-title", &[("site", self.site_name)])
    }

    /// Plain text, one line per message.
    pub fn text(&self) -> String {
        let mut out = format!("{}\n\n", self.title());
        for line in self.lines() {
            if line.who.is_empty() {
                out.push_str(&format!("[{}] — {}\n", line.at, line.text));
            } else {
                out.push_str(&format!("[{}] {}: {}\n", line.at, line.who, line.text));
            }
        }
        out
    }

    /// A self-contained, accessible web page.
    pub fn html(&self) -> String {
        let dir = i18n::direction(self.lang).as_str();
        let title = escape(&self.title());
        let mut out = format!(
            "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n\
             <style>body{{font:1rem/1.5 system-ui,sans-serif;max-inline-size:40rem;margin:1rem auto;padding:0 1rem}}\
             dt{{font-weight:bold;margin-block-start:1rem}}dd{{margin:0;white-space:pre-wrap}}\
             time{{font-weight:normal;color:#555}}.notice{{font-style:italic}}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<dl>\n",
            lang = escape(self.lang),
        );
        for line in self.lines() {
            let at = escape(&line.at);
            if line.who.is_empty() {
                out.push_str(&format!(
                    "<dt><time>{at}</time></dt>\n<dd class=\"notice\">{}</dd>\n",
                    escape(&line.text)
                ));
            } else {
                out.push_str(&format!(
                    "<dt><bdi>{}</bdi> <time>{at}</time></dt>\n<dd>{}</dd>\n",
                    escape(&line.who),
                    escape(&line.text)
                ));
            }
        }
        out.push_str("</dl>\n</main>\n</body>\n</html>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        let ftl = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../locales/es/bot.ftl"
        ))
        .unwrap();
        Catalog::new("es", &[("bot.ftl", &ftl)]).unwrap()
    }

    fn sample(catalog: &Catalog, f: impl FnOnce(&Transcript<'_>) -> String) -> String {
        let bot = vec![BotTurn {
            role: "resident".into(),
            text: "¿Cuándo pasa la basura?".into(),
            at: "2026-11-24T15:00:00.000Z".into(),
        }];
        let events = vec![
            ChatEvent {
                seq: 1,
                at: "2026-11-24T15:01:00.000Z".into(),
                body: EventBody::Joined {
                    name: "Alex".into(),
                    department: Some("Obras Públicas".into()),
                },
            },
            ChatEvent {
                seq: 2,
                at: "2026-11-24T15:02:00.000Z".into(),
                body: EventBody::Message {
                    from: Party::Staff,
                    name: Some("Alex".into()),
                    text: "<b>Hola</b>".into(),
                },
            },
        ];
        let transcript = Transcript {
            site_name: "Riverton",
            lang: "es",
            timezone: chrono_tz::America::Chicago,
            bot: &bot,
            events: &events,
            catalog,
        };
        f(&transcript)
    }

    #[test]
    fn text_is_in_the_chat_language_and_city_time() {
        let catalog = catalog();
        let text = sample(&catalog, |t| t.text());
        assert!(
            text.contains("[2026-11-24 09:00] Usted: ¿Cuándo pasa la basura?"),
            "{text}"
        );
        assert!(text.contains("Alex de Obras Públicas"), "{text}");
        assert!(text.contains("Alex: <b>Hola</b>"), "{text}");
    }

    #[test]
    fn html_escapes_what_people_wrote() {
        let catalog = catalog();
        let html = sample(&catalog, |t| t.html());
        assert!(html.contains("<html lang=\"es\" dir=\"ltr\">"), "{html}");
        assert!(html.contains("&lt;b&gt;Hola&lt;/b&gt;"), "{html}");
        assert!(!html.contains("<b>Hola"), "{html}");
    }
}
