//! The widget's formatter against fluent-bundle: for every locale, every message and
//! attribute, with text, number and missing arguments, the compiled strings the server serves
//! format in the widget to exactly what fluent-bundle (`use_isolating` off, as
//! `i18n::Catalog`) makes of the `.ftl` source. Then the same for Fluent's other constructs
//! (selections, plurals, terms, references, literals) in languages with different plural rules.

use std::path::{Path, PathBuf};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use wayfinder_widget::locale;
use wayfinder_widget::texts::{Arg, Part, Texts};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the widget crate sits in the workspace")
        .to_path_buf()
}

/// fluent-bundle, set up as `i18n::Catalog` sets it up.
struct Reference {
    bundle: FluentBundle<FluentResource>,
}

impl Reference {
    fn new(lang: &str, source: &str) -> Self {
        let id = lang.parse().expect("a language tag");
        let mut bundle = FluentBundle::new(vec![id]);
        bundle.set_use_isolating(false);
        bundle
            .add_resource(FluentResource::try_new(source.to_owned()).expect("parses"))
            .expect("no duplicates");
        Self { bundle }
    }

    /// Message `key` (`id` or `id.attr`) with `args`, or `None` when it has no such pattern.
    fn format(&self, key: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        let (id, attr) = match key.split_once('.') {
            Some((id, attr)) => (id, Some(attr)),
            None => (key, None),
        };
        let message = self.bundle.get_message(id)?;
        let pattern = match attr {
            Some(attr) => message.get_attribute(attr)?.value(),
            None => message.value()?,
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => FluentValue::from((*text).to_owned()),
                Arg::Number(n, _) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned(),
        )
    }
}

/// What the widget shows for `key` (`id` or `id.attr`).
fn widget(texts: &Texts, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    match key.split_once('.') {
        Some((id, attr)) => texts.attr(id, attr, args),
        None => texts.format_args(key, args),
    }
}

/// A number as fluent-bundle shows a number argument (the widget shows what `Intl` makes
/// of it; for these samples the two agree).
fn shown(n: f64) -> String {
    n.to_string()
}

const TEXTS: &[&str] = &[
    "X",
    "Ana María",
    "سارة",
    "Parks and Recreation",
    "3",
    "one",
    "",
    "{$name}",
    "line\nbreak",
];

const NUMBERS: &[f64] = &[
    0.0,
    1.0,
    2.0,
    3.0,
    4.0,
    5.0,
    7.0,
    11.0,
    12.0,
    21.0,
    22.0,
    25.0,
    100.0,
    101.0,
    1_000_000.0,
    0.5,
    1.5,
    2.25,
    -1.0,
];

/// Compares widget and fluent-bundle for every message and attribute of `source` in `lang`,
/// with every sample argument set; returns how many formats were compared.
fn compare(lang: &str, name: &str, source: &str) -> usize {
    let compiled = i18n::compile(lang, name, source).unwrap_or_else(|e| panic!("{e}"));
    let texts = Texts::new(lang, Some(&compiled));
    assert_eq!(texts.lang(), lang, "{name}: the compiled strings load");
    let reference = Reference::new(lang, source);
    let catalog = i18n::Catalog::new(lang, &[(name, source)]).unwrap_or_else(|e| panic!("{e}"));
    let variables = i18n::message_variables(source).unwrap_or_else(|e| panic!("{e}"));
    let mut compared = 0;
    for (key, names) in &variables {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut sets: Vec<Vec<(&str, Arg<'_>)>> = vec![Vec::new()];
        for text in TEXTS {
            sets.push(names.iter().map(|n| (*n, Arg::Text(text))).collect());
        }
        // Each variable its own value, and one left out.
        sets.push(
            names
                .iter()
                .enumerate()
                .map(|(i, n)| (*n, Arg::Text(TEXTS[i % TEXTS.len()])))
                .collect(),
        );
        sets.push(names.iter().skip(1).map(|n| (*n, Arg::Text("Y"))).collect());
        let shown: Vec<String> = NUMBERS.iter().map(|n| shown(*n)).collect();
        for (n, text) in NUMBERS.iter().zip(&shown) {
            sets.push(names.iter().map(|v| (*v, Arg::Number(*n, text))).collect());
        }
        for args in &sets {
            let expected = reference
                .format(key, args)
                .unwrap_or_else(|| panic!("{name}: `{key}` has no pattern"));
            let got = widget(&texts, key, args);
            assert_eq!(got, expected, "{name}: `{key}` with {args:?}");
            // Text arguments: also exactly what i18n::Catalog (the server) formats.
            if args.iter().all(|(_, arg)| matches!(arg, Arg::Text(_))) {
                let text_args: Vec<(&str, &str)> =
                    args.iter().map(|(n, arg)| (*n, arg.shown())).collect();
                let catalog_text = match key.split_once('.') {
                    Some((id, attr)) => catalog.format_attr(id, attr, &text_args),
                    None => catalog.format(key, &text_args),
                };
                assert_eq!(got, catalog_text, "{name}: `{key}` with {args:?}");
                if !key.contains('.') {
                    assert_eq!(texts.format(key, &text_args), got, "{name}: `{key}`");
                }
            }
            compared += 1;
        }
    }
    compared
}

#[test]
fn every_locale_formats_every_message_as_fluent_does() {
    let mut compared = 0;
    for lang in locale::AVAILABLE {
        let path = repo_root().join("locales").join(lang).join("widget.ftl");
        let source = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        compared += compare(lang, &path.display().to_string(), &source);
    }
    assert!(compared > 1_000, "only {compared} formats compared");
}

/// Fluent's constructs beyond what the widget's strings use today.
const CONSTRUCTS: &str = r#"
-brand = Wayfinder
    .gender = neuter
-city = { -brand } City
plain = Plain text
multiline =
    First line
      indented
    last line
escapes = { "{" }literal{ "}" } { "\u00E9" } { "\"quoted\"" } { 1.50 } { 007 } { -3 }
vars = { $a } and { $b }, { $a } again
nested = Before { { $a } } after
terms = About { -brand } in { -city }.
missing = { nope } { nope.attr } { -nope } { plain.nope }
missing-selector = { -brand.nope ->
    [x] x
   *[other] other
}
reference = Said: { plain } / { vars }
with-attrs = Value { $a }
    .title = Title { $b }
    .label = Label
attrs-only =
    .aria = Only { $a }
attr-reference = { with-attrs.title } and { attrs-only.aria }
count = { $n ->
    [0] none
    [one] one thing
    [two] two things
    [few] a few ({ $n })
    [many] many ({ $n })
   *[other] { $n } things
}
exact-first = { $n ->
    [1] exactly one
    [one] category one
    [1.0] never
   *[other] other
}
default-first = { $n ->
   *[other] default
    [one] one
    [5] five
}
text-select = { $kind ->
    [staff] staff member
    [0] zero as text
    [one] the word one
   *[resident] resident
}
nested-select = { $n ->
    [one] { $kind ->
        [staff] one staff
       *[other] one { $kind }
    }
   *[other] { $n } { $kind ->
        [staff] staff
       *[other] people
    }
}
static-select = { -brand.gender ->
    [neuter] it
   *[other] they
} / { "b" ->
    [a] A
    [b] B
   *[c] C
} / { 1 ->
    [one] one
   *[other] other
} / { 3 ->
    [3] three
   *[other] other
}
empty-variant = { $n ->
    [one] {""}
   *[other] x
}
"#;

#[test]
fn fluent_constructs_format_as_fluent_does() {
    for lang in [
        "en", "ru", "ar", "fr", "pl", "zh-Hans", "ht", "tl", "ko", "cy",
    ] {
        let compared = compare(lang, &format!("constructs ({lang})"), CONSTRUCTS);
        assert!(compared > 100, "{lang}: only {compared} formats compared");
    }
}

#[test]
fn parts_say_where_each_value_goes() {
    let compiled = i18n::compile("ar", "constructs", CONSTRUCTS).unwrap_or_else(|e| panic!("{e}"));
    let texts = Texts::new("ar", Some(&compiled));
    let args = [("a", Arg::Text("سارة")), ("b", Arg::Number(3.0, "٣"))];
    assert_eq!(
        texts.parts("vars", &args),
        vec![
            Part::Arg(0),
            Part::Text(" and ".into()),
            Part::Arg(1),
            Part::Text(", ".into()),
            Part::Arg(0),
            Part::Text(" again".into()),
        ]
    );
    assert_eq!(texts.format_args("vars", &args), "سارة and ٣, سارة again");
}
