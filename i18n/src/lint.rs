//! Checking a translation against the reference locale: the same messages and attributes,
//! each using the same variables, so no resident ever sees a gap or a raw `{ $site }`.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{
    CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement,
};

use crate::catalog::I18nError;

/// The variables (`$name`) used by each message value (key `id`) and attribute (key
/// `id.attr`) of a Fluent source, through placeables, selectors, variants and function
/// arguments. Terms are not included.
pub fn message_variables(source: &str) -> Result<BTreeMap<String, BTreeSet<String>>, I18nError> {
    let resource = fluent_syntax::parser::parse(source)
        .map_err(|(_, errors)| I18nError::syntax("<source>", &errors))?;
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        let Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name;
        if let Some(value) = &message.value {
            let mut vars = BTreeSet::new();
            pattern_variables(value, &mut vars);
            out.insert(id.to_owned(), vars);
        }
        for attribute in &message.attributes {
            let mut vars = BTreeSet::new();
            pattern_variables(&attribute.value, &mut vars);
            out.insert(format!("{id}.{}", attribute.id.name), vars);
        }
    }
    Ok(out)
}

fn pattern_variables(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, vars);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, vars),
        Expression::Select { selector, variants } => {
            inline_variables(selector, vars);
            for variant in variants {
                pattern_variables(&variant.value, vars);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            arguments_variables(arguments, vars)
        }
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => arguments_variables(arguments, vars),
        InlineExpression::Placeable { expression } => expression_variables(expression, vars),
        _ => {}
    }
}

fn arguments_variables(arguments: &CallArguments<&str>, vars: &mut BTreeSet<String>) {
    for positional in &arguments.positional {
        inline_variables(positional, vars);
    }
    for named in &arguments.named {
        inline_variables(&named.value, vars);
    }
}

/// Everything in which `translation` differs from `reference`: missing or extra messages and
/// attributes, and messages whose variables differ. Empty when the translation is complete.
pub fn compare_with_reference(
    reference: &str,
    translation: &str,
) -> Result<Vec<String>, I18nError> {
    let reference = message_variables(reference)?;
    let translation = message_variables(translation)?;
    let mut problems = Vec::new();
    for (key, vars) in &reference {
        match translation.get(key) {
            None => problems.push(format!("`{key}` is missing")),
            Some(other) if other != vars => problems.push(format!(
                "`{key}` uses variables {other:?}, the reference uses {vars:?}"
            )),
            Some(_) => {}
        }
    }
    for key in translation.keys().filter(|k| !reference.contains_key(*k)) {
        problems.push(format!("`{key}` is not in the reference"));
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "-brand = Wayfinder\nhello = Hi { $name }\n    .title = { $count ->\n        [one] one\n       *[other] { $count } of { NUMBER($total) }\n    }\nplain = \"$5\" fee\n";

    #[test]
    fn variables_are_found_through_selectors_and_functions() {
        let vars = message_variables(EN).unwrap();
        let set = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<BTreeSet<_>>();
        assert_eq!(vars.len(), 3, "{vars:?}");
        assert_eq!(vars["hello"], set(&["name"]));
        assert_eq!(vars["hello.title"], set(&["count", "total"]));
        assert_eq!(vars["plain"], set(&[]));
    }

    #[test]
    fn differences_from_the_reference_are_listed() {
        let es = "hola = Hola\nhello = Hola { $nombre }\n    .title = { $count } de { $total }\n";
        let problems = compare_with_reference(EN, es).unwrap();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("`hello` uses variables"))
        );
        assert!(problems.iter().any(|p| p == "`plain` is missing"));
        assert!(
            problems
                .iter()
                .any(|p| p == "`hola` is not in the reference")
        );
        assert!(compare_with_reference(EN, EN).unwrap().is_empty());
    }
}
