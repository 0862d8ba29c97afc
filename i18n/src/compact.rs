//! Fluent messages compiled into a compact JSON form that a few dozen lines can format, so
//! the widget formats its strings without shipping a Fluent parser and resolver to every
//! resident. The `.ftl` files stay the source of truth; the server compiles each one when it
//! starts.
//!
//! ```text
//! {"lang": "<tag>", "messages": {"<id>": MESSAGE, ...}}
//!
//! MESSAGE = PATTERN                                    a message with a value only
//!         | {"value": PATTERN, "attrs": {"<name>": PATTERN, ...}}
//!                                                      with attributes ("value" left out
//!                                                      when the message has none)
//! PATTERN = "text"                                     text only
//!         | [ELEMENT, ...]
//! ELEMENT = "text"
//!         | {"var": "<name>"}                          the argument's text; "{$name}" when
//!                                                      the argument is missing
//!         | {"select": "<name>", "cases": [[KEY, PATTERN], ...], "default": <index>}
//!                                                      the first case whose key matches the
//!                                                      argument, else case <index>
//! KEY     = "<name>"        matches a text argument equal to it, or a number argument whose
//!                           plural category (zero, one, two, few, many, other) it is
//!         | <number>        matches a number argument equal to it
//!         | null            matches nothing (a key such as `[1.0]`: fluent-bundle only
//!                           matches it with a number formatted to one decimal)
//! ```
//!
//! Everything else Fluent can say is resolved here, once, exactly as `fluent-bundle` (with
//! `use_isolating` off, as [`crate::Catalog`] sets it) would at every call: string and number
//! literals become text, message and term references are inlined, selectors on literals and
//! terms are decided. What no compact form can express is refused with
//! [`I18nError::Unsupported`]: functions (`NUMBER()`), terms with arguments, variables inside
//! terms, and reference cycles.

use std::collections::HashMap;
use std::str::FromStr;

use fluent_bundle::types::FluentNumber;
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, Pattern, PatternElement};
use intl_pluralrules::operands::PluralOperands;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use serde_json::{Map, Value};
use unic_langid::LanguageIdentifier;

use crate::catalog::{Catalog, I18nError};

/// Compiles the Fluent `source` of language `lang` (named `source_name` in errors) into the
/// compact JSON form described in this module. Fails where [`Catalog::new`] fails (syntax
/// errors, duplicate ids, a bad tag) and on what the compact form cannot express.
pub fn compile(lang: &str, source_name: &str, source: &str) -> Result<String, I18nError> {
    Catalog::new(lang, &[(source_name, source)])?;
    let resource = fluent_syntax::parser::parse(source)
        .map_err(|(_, errors)| I18nError::syntax(source_name, &errors))?;
    let mut compiler = Compiler {
        lang,
        source_name,
        messages: HashMap::new(),
        terms: HashMap::new(),
        trail: Vec::new(),
    };
    for entry in &resource.body {
        match entry {
            Entry::Message(message) => {
                compiler.messages.insert(message.id.name, message);
            }
            Entry::Term(term) => {
                compiler.terms.insert(term.id.name, term);
            }
            _ => {}
        }
    }
    let mut messages = Map::new();
    for entry in &resource.body {
        let Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name;
        let value = match &message.value {
            Some(pattern) => Some(compiler.root(id, pattern)?),
            None => None,
        };
        let mut attrs = Map::new();
        for attribute in &message.attributes {
            let name = format!("{id}.{}", attribute.id.name);
            let pattern = compiler.root(&name, &attribute.value)?;
            attrs.insert(attribute.id.name.to_owned(), pattern);
        }
        let compiled = match value {
            Some(value) if attrs.is_empty() => value,
            value => {
                let mut object = Map::new();
                if let Some(value) = value {
                    object.insert("value".into(), value);
                }
                object.insert("attrs".into(), Value::Object(attrs));
                Value::Object(object)
            }
        };
        messages.insert(id.to_owned(), compiled);
    }
    let mut root = Map::new();
    root.insert("lang".into(), Value::String(lang.to_owned()));
    root.insert("messages".into(), Value::Object(messages));
    Ok(Value::Object(root).to_string())
}

/// The CLDR plural category (`zero`, `one`, `two`, `few`, `many` or `other`) of `n` in
/// language `lang`, chosen as fluent-bundle chooses it: the closest language with plural
/// rules, else English.
pub fn plural_category(lang: &str, n: f64) -> &'static str {
    let Ok(operands) = PluralOperands::try_from(n) else {
        return "other";
    };
    category(lang, operands)
}

fn category(lang: &str, operands: PluralOperands) -> &'static str {
    let english: LanguageIdentifier = "en".parse().unwrap_or_default();
    let requested: Vec<LanguageIdentifier> = lang.parse().into_iter().collect();
    let available = PluralRules::get_locales(PluralRuleType::CARDINAL);
    let chosen = negotiate_languages(
        &requested,
        &available,
        Some(&english),
        NegotiationStrategy::Lookup,
    )
    .first()
    .map_or(english.clone(), |id| (*id).clone());
    let Ok(rules) = PluralRules::create(chosen, PluralRuleType::CARDINAL) else {
        return "other";
    };
    match rules.select(operands) {
        Ok(PluralCategory::ZERO) => "zero",
        Ok(PluralCategory::ONE) => "one",
        Ok(PluralCategory::TWO) => "two",
        Ok(PluralCategory::FEW) => "few",
        Ok(PluralCategory::MANY) => "many",
        _ => "other",
    }
}

/// Whose arguments a pattern sees: a message's (and those of the messages it references), or
/// none, inside a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Message,
    Term,
}

/// A compiled pattern element.
#[derive(Debug)]
enum Element {
    Text(String),
    Var(String),
    Select {
        var: String,
        cases: Vec<(Key, Vec<Element>)>,
        default: usize,
    },
}

/// A variant key as the interpreter matches it.
#[derive(Debug)]
enum Key {
    Name(String),
    Number(f64),
    Never,
}

/// A selector's value known while compiling.
enum Known {
    Text(String),
    Number(FluentNumber),
}

struct Compiler<'a> {
    lang: &'a str,
    source_name: &'a str,
    messages: HashMap<&'a str, &'a ast::Message<&'a str>>,
    terms: HashMap<&'a str, &'a ast::Term<&'a str>>,
    /// The messages, terms and attributes being compiled, outermost first (`id`, `id.attr`,
    /// `-term`), to catch a reference cycle.
    trail: Vec<String>,
}

impl Compiler<'_> {
    /// A message's value or attribute (named `name`) as JSON.
    fn root(&mut self, name: &str, pattern: &Pattern<&str>) -> Result<Value, I18nError> {
        self.trail = vec![name.to_owned()];
        let elements = self.pattern(pattern, Scope::Message)?;
        Ok(pattern_json(elements))
    }

    fn unsupported(&self, what: &str) -> I18nError {
        let message = self.trail.first().map_or("?", String::as_str);
        I18nError::Unsupported {
            source_name: self.source_name.to_owned(),
            details: format!("`{message}`: {what}"),
        }
    }

    fn pattern(
        &mut self,
        pattern: &Pattern<&str>,
        scope: Scope,
    ) -> Result<Vec<Element>, I18nError> {
        let mut out = Vec::new();
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => {
                    out.push(Element::Text((*value).to_owned()))
                }
                PatternElement::Placeable { expression } => {
                    self.expression(expression, scope, &mut out)?;
                }
            }
        }
        Ok(out)
    }

    fn expression(
        &mut self,
        expression: &Expression<&str>,
        scope: Scope,
        out: &mut Vec<Element>,
    ) -> Result<(), I18nError> {
        match expression {
            Expression::Inline(inline) => self.inline(inline, scope, out),
            Expression::Select { selector, variants } => {
                if let (InlineExpression::VariableReference { id }, Scope::Message) =
                    (selector, scope)
                {
                    let mut cases = Vec::with_capacity(variants.len());
                    let mut default = 0;
                    for (index, variant) in variants.iter().enumerate() {
                        if variant.default {
                            default = index;
                        }
                        cases.push((key(&variant.key), self.pattern(&variant.value, scope)?));
                    }
                    out.push(Element::Select {
                        var: id.name.to_owned(),
                        cases,
                        default,
                    });
                    return Ok(());
                }
                let known = self.known(selector, scope)?;
                let chosen = variants
                    .iter()
                    .find(|variant| self.matches(&variant.key, &known))
                    .or_else(|| variants.iter().find(|variant| variant.default));
                if let Some(variant) = chosen {
                    out.extend(self.pattern(&variant.value, scope)?);
                }
                Ok(())
            }
        }
    }

    fn inline(
        &mut self,
        inline: &InlineExpression<&str>,
        scope: Scope,
        out: &mut Vec<Element>,
    ) -> Result<(), I18nError> {
        match inline {
            InlineExpression::StringLiteral { value } => out.push(Element::Text(
                fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned(),
            )),
            InlineExpression::NumberLiteral { value } => out.push(Element::Text(
                FluentNumber::from_str(value)
                    .map_or_else(|_| (*value).to_owned(), |n| n.as_string().into_owned()),
            )),
            InlineExpression::VariableReference { id } => match scope {
                Scope::Message => out.push(Element::Var(id.name.to_owned())),
                Scope::Term => {
                    return Err(
                        self.unsupported(&format!("a variable (${}) inside a term", id.name))
                    );
                }
            },
            InlineExpression::FunctionReference { id, .. } => {
                return Err(self.unsupported(&format!("a function ({}())", id.name)));
            }
            InlineExpression::MessageReference { id, attribute } => {
                let name = match attribute {
                    Some(attribute) => format!("{}.{}", id.name, attribute.name),
                    None => id.name.to_owned(),
                };
                let messages = &self.messages;
                let pattern = messages.get(id.name).and_then(|message| match attribute {
                    Some(attribute) => message
                        .attributes
                        .iter()
                        .find(|a| a.id.name == attribute.name)
                        .map(|a| &a.value),
                    None => message.value.as_ref(),
                });
                match pattern {
                    Some(pattern) => self.follow(name, pattern, scope, out)?,
                    None => out.push(Element::Text(format!("{{{name}}}"))),
                }
            }
            InlineExpression::TermReference {
                id,
                attribute,
                arguments,
            } => {
                if arguments
                    .as_ref()
                    .is_some_and(|a| !a.positional.is_empty() || !a.named.is_empty())
                {
                    return Err(self.unsupported(&format!("a term with arguments (-{})", id.name)));
                }
                let name = match attribute {
                    Some(attribute) => format!("-{}.{}", id.name, attribute.name),
                    None => format!("-{}", id.name),
                };
                let terms = &self.terms;
                let pattern = terms.get(id.name).and_then(|term| match attribute {
                    Some(attribute) => term
                        .attributes
                        .iter()
                        .find(|a| a.id.name == attribute.name)
                        .map(|a| &a.value),
                    None => Some(&term.value),
                });
                match pattern {
                    Some(pattern) => self.follow(name, pattern, Scope::Term, out)?,
                    None => out.push(Element::Text(format!("{{{name}}}"))),
                }
            }
            InlineExpression::Placeable { expression } => {
                self.expression(expression, scope, out)?
            }
        }
        Ok(())
    }

    /// Inlines the referenced `pattern` (message, term or attribute `name`).
    fn follow(
        &mut self,
        name: String,
        pattern: &Pattern<&str>,
        scope: Scope,
        out: &mut Vec<Element>,
    ) -> Result<(), I18nError> {
        if self.trail.contains(&name) {
            return Err(self.unsupported(&format!("a reference cycle through `{name}`")));
        }
        self.trail.push(name);
        let elements = self.pattern(pattern, scope);
        self.trail.pop();
        out.extend(elements?);
        Ok(())
    }

    /// The value of a selector that does not depend on the arguments.
    fn known(
        &mut self,
        selector: &InlineExpression<&str>,
        scope: Scope,
    ) -> Result<Known, I18nError> {
        match selector {
            InlineExpression::StringLiteral { value } => Ok(Known::Text(
                fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned(),
            )),
            InlineExpression::NumberLiteral { value } => Ok(FluentNumber::from_str(value)
                .map_or_else(|_| Known::Text((*value).to_owned()), Known::Number)),
            other => {
                let mut elements = Vec::new();
                self.inline(other, scope, &mut elements)?;
                let mut text = String::new();
                for element in elements {
                    match element {
                        Element::Text(piece) => text.push_str(&piece),
                        _ => return Err(self.unsupported("a selector that depends on variables")),
                    }
                }
                Ok(Known::Text(text))
            }
        }
    }

    /// Whether variant `key` matches a known selector value, as fluent-bundle decides.
    fn matches(&self, key: &ast::VariantKey<&str>, known: &Known) -> bool {
        match key {
            ast::VariantKey::Identifier { name } => match known {
                Known::Text(text) => text == name,
                Known::Number(number) => {
                    PluralOperands::try_from(number.value).is_ok()
                        && category(self.lang, PluralOperands::from(number)) == *name
                }
            },
            ast::VariantKey::NumberLiteral { value } => match FluentNumber::from_str(value) {
                Ok(key) => matches!(known, Known::Number(number) if *number == key),
                Err(_) => matches!(known, Known::Text(text) if text == value),
            },
        }
    }
}

/// A variant key for the interpreter, whose number arguments never carry fraction digits.
fn key(key: &ast::VariantKey<&str>) -> Key {
    match key {
        ast::VariantKey::Identifier { name } => Key::Name((*name).to_owned()),
        ast::VariantKey::NumberLiteral { value } => match FluentNumber::from_str(value) {
            Ok(number) if number.options.minimum_fraction_digits.is_none() => {
                Key::Number(number.value)
            }
            _ => Key::Never,
        },
    }
}

/// Compiled elements as a JSON pattern: adjacent text joined, a text-only pattern as a string.
fn pattern_json(elements: Vec<Element>) -> Value {
    let mut merged: Vec<Element> = Vec::with_capacity(elements.len());
    for element in elements {
        match (element, merged.last_mut()) {
            (Element::Text(text), _) if text.is_empty() => {}
            (Element::Text(text), Some(Element::Text(last))) => last.push_str(&text),
            (element, _) => merged.push(element),
        }
    }
    match merged.as_slice() {
        [] => Value::String(String::new()),
        [Element::Text(text)] => Value::String(text.clone()),
        _ => Value::Array(merged.into_iter().map(element_json).collect()),
    }
}

fn element_json(element: Element) -> Value {
    match element {
        Element::Text(text) => Value::String(text),
        Element::Var(name) => {
            let mut object = Map::new();
            object.insert("var".into(), Value::String(name));
            Value::Object(object)
        }
        Element::Select {
            var,
            cases,
            default,
        } => {
            let cases = cases
                .into_iter()
                .map(|(key, pattern)| Value::Array(vec![key_json(key), pattern_json(pattern)]))
                .collect();
            let mut object = Map::new();
            object.insert("select".into(), Value::String(var));
            object.insert("cases".into(), Value::Array(cases));
            object.insert("default".into(), Value::from(default));
            Value::Object(object)
        }
    }
}

fn key_json(key: Key) -> Value {
    match key {
        Key::Name(name) => Value::String(name),
        // Whole numbers as integers: `1`, not `1.0`.
        Key::Number(n) if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 => {
            Value::from(n as i64)
        }
        Key::Number(n) => serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number),
        Key::Never => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(lang: &str, source: &str) -> Value {
        let json = compile(lang, "test.ftl", source).unwrap();
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["lang"], lang);
        value["messages"].clone()
    }

    #[test]
    fn text_and_variables() {
        let m = messages(
            "en",
            "plain = Send\nhi = Hello, { $name }!\nlead = { $name }\n",
        );
        assert_eq!(m["plain"], "Send");
        assert_eq!(
            m["hi"],
            serde_json::json!(["Hello, ", {"var": "name"}, "!"])
        );
        assert_eq!(m["lead"], serde_json::json!([{"var": "name"}]));
    }

    #[test]
    fn multiline_text_keeps_its_line_breaks() {
        let m = messages("en", "long =\n    First line\n    second line\n");
        assert_eq!(m["long"], "First line\nsecond line");
    }

    #[test]
    fn selects_keep_their_cases_in_order() {
        let source = "n = { $count ->\n    [0] none\n    [one] one { $what }\n    [1.0] never\n   *[other] { $count } things\n}\n";
        let m = messages("en", source);
        assert_eq!(
            m["n"],
            serde_json::json!([{
                "select": "count",
                "cases": [
                    [0, "none"],
                    ["one", ["one ", {"var": "what"}]],
                    [null, "never"],
                    ["other", [{"var": "count"}, " things"]]
                ],
                "default": 3
            }])
        );
    }

    #[test]
    fn attributes_make_an_object() {
        let m = messages(
            "en",
            "button = Send\n    .title = Send your question\nonly =\n    .label = Label\n",
        );
        assert_eq!(
            m["button"],
            serde_json::json!({"value": "Send", "attrs": {"title": "Send your question"}})
        );
        assert_eq!(m["only"], serde_json::json!({"attrs": {"label": "Label"}}));
    }

    #[test]
    fn references_and_literals_are_resolved() {
        let source = "-brand = Wayfinder\n    .gender = neuter\nabout = About { -brand }\nfull = { about }: { \"{\" }{ 1.50 }{ 007 }\nmissing = { nope } { -nope } { about.title }\npick = { -brand.gender ->\n    [neuter] it\n   *[other] they\n}\ncount = { 1 ->\n    [one] single\n   *[other] many\n}\n";
        let m = messages("en", source);
        assert_eq!(m["about"], "About Wayfinder");
        assert_eq!(m["full"], "About Wayfinder: {1.507");
        assert_eq!(m["missing"], "{nope} {-nope} {about.title}");
        assert_eq!(m["pick"], "it");
        assert_eq!(m["count"], "single");
    }

    #[test]
    fn what_the_compact_form_cannot_say_is_refused() {
        for source in [
            "a = { NUMBER($n) }\n",
            "-t = T { $x }\na = { -t }\n",
            "-t = T\na = { -t(case: \"gen\") }\n",
            "a = { b }\nb = { a }\n",
        ] {
            let err = compile("en", "x.ftl", source).unwrap_err();
            assert!(
                matches!(err, I18nError::Unsupported { .. }),
                "{source}: {err}"
            );
            assert!(err.to_string().contains("x.ftl"), "{err}");
        }
    }

    #[test]
    fn what_the_catalog_rejects_is_rejected() {
        assert!(matches!(
            compile("en", "x.ftl", "= broken").unwrap_err(),
            I18nError::Syntax { .. }
        ));
        assert!(matches!(
            compile("en", "x.ftl", "a = 1\na = 2\n").unwrap_err(),
            I18nError::Conflict { .. }
        ));
    }

    #[test]
    fn plural_categories_follow_the_language() {
        assert_eq!(plural_category("en", 1.0), "one");
        assert_eq!(plural_category("en", 2.0), "other");
        assert_eq!(plural_category("ru", 3.0), "few");
        assert_eq!(plural_category("ru", 5.0), "many");
        assert_eq!(plural_category("ar", 0.0), "zero");
        assert_eq!(plural_category("zh-Hans", 1.0), "other");
        // No rules of its own: English, as fluent-bundle does.
        assert_eq!(plural_category("xx", 1.0), "one");
    }
}
