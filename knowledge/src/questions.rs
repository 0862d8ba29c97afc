//! The questions of a service's request form, written by editors in the entry's own language.
//!
//! A service entry with an `open311_service_code` may list what the city needs to know when a
//! resident reports it, as `[[questions]]` tables in the front matter — the attributes of an
//! Open311 service definition, in words residents read:
//!
//! ```toml
//! [[questions]]
//! code = "size"                 # the attribute code, the same in every language
//! description = "How big is the pothole?"
//! datatype = "singlevaluelist"  # string | number | datetime | text | singlevaluelist | multivaluelist
//! required = true               # default false
//! hint = "Compare it with something you know."   # optional
//! values = [
//!   { key = "small", name = "Smaller than a dinner plate" },
//!   { key = "large", name = "Larger than a car tyre" },
//! ]
//! ```
//!
//! Sites that keep requests themselves ask these questions; sites connected to a city's Open311
//! system use them to word that system's questions in the resident's language, matched by code.

use std::path::Path;

use toml::Value;

use crate::diagnostic::Diagnostic;

/// The front-matter key of the questions.
pub const KEY: &str = "questions";

/// What kind of answer a question takes (Open311's attribute datatypes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Datatype {
    /// One line of text.
    String,
    /// A number.
    Number,
    /// A date and time.
    Datetime,
    /// Several lines of text.
    Text,
    /// One of the values.
    Singlevaluelist,
    /// Any of the values.
    Multivaluelist,
}

impl Datatype {
    /// Every datatype with the word editors (and Open311) use for it.
    pub const ALL: [(Self, &'static str); 6] = [
        (Self::String, "string"),
        (Self::Number, "number"),
        (Self::Datetime, "datetime"),
        (Self::Text, "text"),
        (Self::Singlevaluelist, "singlevaluelist"),
        (Self::Multivaluelist, "multivaluelist"),
    ];

    /// The datatype named `word`.
    pub fn from_word(word: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, w)| *w == word).map(|(d, _)| *d)
    }

    /// The word for this datatype.
    pub fn word(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(d, _)| *d == self)
            .map_or("string", |(_, w)| w)
    }

    /// Whether answers are picked from `values`.
    pub fn is_list(self) -> bool {
        matches!(self, Self::Singlevaluelist | Self::Multivaluelist)
    }
}

/// One question of a service's form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The attribute code: what the answer is filed under, the same in every language.
    pub code: String,
    /// The question, as residents read it.
    pub description: String,
    /// What kind of answer it takes.
    pub datatype: Datatype,
    /// Whether an answer is needed.
    pub required: bool,
    /// Extra guidance.
    pub hint: Option<String>,
    /// The choices of a list question, `(key, name)` in order.
    pub values: Vec<(String, String)>,
}

/// Reads the `questions` value of the front matter `front` (whose first line is file line 2).
/// Every problem is recorded with its line; the questions read without problems are returned.
pub fn read(
    path: &Path,
    front: &str,
    value: &Value,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Question> {
    let Value::Array(tables) = value else {
        problems.push(Diagnostic::error(
            path,
            line_of_table(front, 0),
            "`questions` must be a list of [[questions]] tables",
        ));
        return Vec::new();
    };
    let mut questions: Vec<Question> = Vec::with_capacity(tables.len());
    for (n, table) in tables.iter().enumerate() {
        let line = line_of_table(front, n);
        let mut problem = |message: String| problems.push(Diagnostic::error(path, line, message));
        let Value::Table(table) = table else {
            problem("each question must be a [[questions]] table".into());
            continue;
        };
        if let Some(question) = question(table, n + 1, &mut problem) {
            if questions.iter().any(|q| q.code == question.code) {
                problem(format!(
                    "question {}: the code {:?} is used by an earlier question",
                    n + 1,
                    question.code
                ));
                continue;
            }
            questions.push(question);
        }
    }
    questions
}

/// Keys a question may have.
const QUESTION_KEYS: &[&str] = &[
    "code",
    "description",
    "datatype",
    "required",
    "hint",
    "values",
];

/// Longest question or hint, in characters.
const MAX_TEXT_CHARS: usize = 500;

/// One `[[questions]]` table (the `n`th, counted from 1).
fn question(table: &toml::Table, n: usize, problem: &mut impl FnMut(String)) -> Option<Question> {
    let mut ok = true;
    for key in table.keys() {
        if !QUESTION_KEYS.contains(&key.as_str()) {
            problem(format!(
                "question {n}: unknown key `{key}` (allowed: {})",
                QUESTION_KEYS.join(", ")
            ));
            ok = false;
        }
    }
    let mut text = |key: &str, needed: bool| -> Option<String> {
        match table.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => {
                if s.chars().count() > MAX_TEXT_CHARS {
                    problem(format!(
                        "question {n}: `{key}` is longer than {MAX_TEXT_CHARS} characters"
                    ));
                    ok = false;
                }
                Some(s.trim().to_owned())
            }
            None if !needed => None,
            None => {
                problem(format!("question {n}: `{key}` is missing"));
                ok = false;
                None
            }
            Some(_) => {
                problem(format!("question {n}: `{key}` must be a non-empty string"));
                ok = false;
                None
            }
        }
    };
    let code = text("code", true);
    let description = text("description", true);
    let hint = text("hint", false);
    let datatype_word = text("datatype", true);
    if let Some(code) = &code
        && !code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        problem(format!(
            "question {n}: the code {code:?} may only have letters a-z, digits, `_` and `-`"
        ));
        ok = false;
    }
    let datatype = datatype_word.as_deref().and_then(|word| {
        let found = Datatype::from_word(word);
        if found.is_none() {
            let words: Vec<&str> = Datatype::ALL.iter().map(|(_, w)| *w).collect();
            problem(format!(
                "question {n}: datatype {word:?} is not one of {}",
                words.join(", ")
            ));
        }
        found
    });
    let required = match table.get("required") {
        None => false,
        Some(Value::Boolean(b)) => *b,
        Some(_) => {
            problem(format!("question {n}: `required` must be true or false"));
            ok = false;
            false
        }
    };
    let values = match table.get("values") {
        None => Some(Vec::new()),
        Some(value) => match values(value) {
            Ok(values) => Some(values),
            Err(message) => {
                problem(format!("question {n}: {message}"));
                ok = false;
                None
            }
        },
    };
    let (datatype, values) = (datatype?, values?);
    if datatype.is_list() && values.is_empty() {
        problem(format!(
            "question {n}: a {} question needs `values` to choose from",
            datatype.word()
        ));
        ok = false;
    }
    if !datatype.is_list() && !values.is_empty() {
        problem(format!(
            "question {n}: only list questions (singlevaluelist, multivaluelist) take `values`"
        ));
        ok = false;
    }
    if !ok {
        return None;
    }
    Some(Question {
        code: code?,
        description: description?,
        datatype,
        required,
        hint,
        values,
    })
}

/// The `values` of a list question: `{ key, name }` tables with unique keys.
fn values(value: &Value) -> Result<Vec<(String, String)>, String> {
    let shape = "`values` must be a list like [{ key = \"small\", name = \"Small\" }]";
    let Value::Array(items) = value else {
        return Err(shape.into());
    };
    let mut out: Vec<(String, String)> = Vec::with_capacity(items.len());
    for item in items {
        let Value::Table(table) = item else {
            return Err(shape.into());
        };
        let field = |key: &str| match table.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            _ => None,
        };
        let (Some(key), Some(name)) = (field("key"), field("name")) else {
            return Err(format!("{shape}: each value needs a `key` and a `name`"));
        };
        if table.len() > 2 {
            return Err(format!("{shape}: a value has only `key` and `name`"));
        }
        if out.iter().any(|(k, _)| *k == key) {
            return Err(format!("the value key {key:?} is listed twice"));
        }
        out.push((key, name));
    }
    Ok(out)
}

/// The file line of the `n`th (from 0) `[[questions]]` header of `front`, or of the
/// `questions = ...` key; 1 when neither is found.
fn line_of_table(front: &str, n: usize) -> usize {
    front
        .lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.trim_start();
            line.starts_with("[[questions]]")
                || line
                    .strip_prefix(KEY)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .nth(n)
        .map_or(1, |(i, _)| i + 2)
}

/// How the questions of a translation differ from those of the default language: the codes,
/// datatypes and value keys must be the same, since answers are filed under them. `None` when
/// they agree (wording may differ, of course).
pub fn mismatch(default: &[Question], translation: &[Question]) -> Option<String> {
    let codes = |qs: &[Question]| qs.iter().map(|q| q.code.clone()).collect::<Vec<_>>();
    if codes(default) != codes(translation) {
        return Some(format!(
            "the questions' codes {:?} differ from the default language's {:?}",
            codes(translation),
            codes(default)
        ));
    }
    for (d, t) in default.iter().zip(translation) {
        if d.datatype != t.datatype || d.required != t.required {
            return Some(format!(
                "question {:?} must have the same datatype and `required` as in the default language",
                d.code
            ));
        }
        let keys = |q: &Question| q.values.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
        if keys(d) != keys(t) {
            return Some(format!(
                "question {:?} must offer the same value keys {:?} as in the default language",
                d.code,
                keys(d)
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(front: &str) -> (Vec<Question>, Vec<String>) {
        let table: toml::Table = toml::from_str(front).expect("toml");
        let mut problems = Vec::new();
        let questions = read(
            Path::new("en/streets/pothole.md"),
            front,
            table.get(KEY).expect("questions"),
            &mut problems,
        );
        (questions, problems.iter().map(|p| p.to_string()).collect())
    }

    #[test]
    fn reads_every_datatype_with_its_values() {
        let (questions, problems) = parse(
            r#"
[[questions]]
code = "size"
description = "How big is it?"
datatype = "singlevaluelist"
required = true
hint = "Roughly."
values = [{ key = "small", name = "Small" }, { key = "large", name = "Large" }]

[[questions]]
code = "when"
description = "When did you see it?"
datatype = "datetime"
"#,
        );
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(questions.len(), 2);
        assert_eq!(questions[0].datatype, Datatype::Singlevaluelist);
        assert!(questions[0].required);
        assert_eq!(questions[0].hint.as_deref(), Some("Roughly."));
        assert_eq!(
            questions[0].values,
            vec![
                ("small".to_owned(), "Small".to_owned()),
                ("large".to_owned(), "Large".to_owned())
            ]
        );
        assert_eq!(questions[1].datatype, Datatype::Datetime);
        assert!(!questions[1].required);
    }

    #[test]
    fn problems_name_the_question_and_its_line() {
        let (questions, problems) = parse(
            "[[questions]]\ncode = \"ok\"\ndescription = \"Fine\"\ndatatype = \"text\"\n\n\
             [[questions]]\ncode = \"bad code\"\ndescription = \"D\"\ndatatype = \"colour\"\n\n\
             [[questions]]\ncode = \"pick\"\ndescription = \"D\"\ndatatype = \"multivaluelist\"\n\n\
             [[questions]]\ncode = \"ok\"\ndescription = \"Again\"\ndatatype = \"number\"\n",
        );
        assert_eq!(questions.len(), 1, "{problems:#?}");
        let has = |line: usize, text: &str| {
            problems
                .iter()
                .any(|p| p.contains(&format!("pothole.md:{line}:")) && p.contains(text))
        };
        assert!(has(7, "question 2: the code \"bad code\""), "{problems:#?}");
        assert!(has(7, "datatype \"colour\" is not one of"), "{problems:#?}");
        assert!(
            has(12, "question 3: a multivaluelist question needs `values`"),
            "{problems:#?}"
        );
        assert!(
            has(17, "question 4: the code \"ok\" is used by an earlier"),
            "{problems:#?}"
        );
    }

    #[test]
    fn values_must_be_well_formed_and_only_on_lists() {
        let (_, problems) = parse(
            "[[questions]]\ncode = \"a\"\ndescription = \"D\"\ndatatype = \"string\"\nvalues = [{ key = \"x\", name = \"X\" }]\n\n\
             [[questions]]\ncode = \"b\"\ndescription = \"D\"\ndatatype = \"singlevaluelist\"\nvalues = [{ key = \"x\", name = \"X\" }, { key = \"x\", name = \"Y\" }]\n\n\
             [[questions]]\ncode = \"c\"\ndescription = \"D\"\ndatatype = \"singlevaluelist\"\nvalues = [\"x\"]\nrequired = \"yes\"\n",
        );
        let text = problems.join("\n");
        assert!(text.contains("question 1: only list questions"), "{text}");
        assert!(
            text.contains("question 2: the value key \"x\" is listed twice"),
            "{text}"
        );
        assert!(
            text.contains("question 3: `values` must be a list like"),
            "{text}"
        );
        assert!(
            text.contains("question 3: `required` must be true or false"),
            "{text}"
        );
    }

    #[test]
    fn translations_must_keep_codes_types_and_keys() {
        let q = |code: &str, datatype: Datatype, keys: &[&str]| Question {
            code: code.into(),
            description: "D".into(),
            datatype,
            required: false,
            hint: None,
            values: keys
                .iter()
                .map(|k| ((*k).to_owned(), k.to_uppercase()))
                .collect(),
        };
        let en = vec![
            q("size", Datatype::Singlevaluelist, &["s", "l"]),
            q("n", Datatype::Number, &[]),
        ];
        let mut es = en.clone();
        es[0].description = "¿Qué tamaño?".into();
        assert_eq!(mismatch(&en, &es), None);
        assert!(mismatch(&en, &es[..1]).is_some_and(|m| m.contains("codes")));
        let keys = vec![
            q("size", Datatype::Singlevaluelist, &["s", "m"]),
            en[1].clone(),
        ];
        assert!(mismatch(&en, &keys).is_some_and(|m| m.contains("value keys")));
        let kind = vec![en[0].clone(), q("n", Datatype::String, &[])];
        assert!(mismatch(&en, &kind).is_some_and(|m| m.contains("datatype")));
    }
}
