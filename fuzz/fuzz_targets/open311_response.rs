//! Open311 GeoReport v2 documents: what a city's system answers (JSON, read by the client),
//! a service list as `wayfinder import` reads it, and the XML form Wayfinder serves of the
//! same documents.
//!
//! The first byte picks the HTTP status the body came with (2xx most of the time); the rest
//! is the body. Properties: nothing panics; a refusal always carries its status and at least
//! one error; every document read is written as well-formed XML whose text is the document's
//! own; a service list's problems point at lines of the file.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use serde::Serialize;
use server::open311::client::{UpstreamError, decode};
use server::open311::georeport::{self, Created, Request, Service, ServiceDefinition};

fuzz_target!(|data: &[u8]| {
    let Some((&first, body)) = data.split_first() else {
        return;
    };
    let Ok(body) = std::str::from_utf8(body) else {
        return;
    };
    let status = match first % 8 {
        0 => 404,
        1 => 400,
        2 => 500,
        3 => 201,
        _ => 200,
    };

    match decode::<Vec<Service>>(status, body) {
        Ok(services) => list_xml("services", "service", &services),
        Err(error) => refusal(status, &error),
    }
    if let Ok(definition) = decode::<ServiceDefinition>(status, body) {
        object_xml("service_definition", &definition);
    }
    if let Ok(requests) = decode::<Vec<Request>>(status, body) {
        list_xml("service_requests", "request", &requests);
    }
    if let Ok(created) = decode::<Vec<Created>>(status, body) {
        list_xml("service_requests", "request", &created);
    }

    let path = Path::new("services.json");
    match knowledge::open311::parse_rows(path, body, "en") {
        Ok(read) => {
            let lines = body.lines().count().max(1);
            for problem in &read.problems {
                assert!(
                    (1..=lines).contains(&problem.line),
                    "problem on line {} of {lines}: {problem:?}",
                    problem.line
                );
            }
        }
        Err(problem) => assert!(problem.line >= 1, "{problem:?}"),
    }
});

/// A failed read must say why: a refusal keeps the status and has an error to show.
fn refusal(status: u16, error: &UpstreamError) {
    match error {
        UpstreamError::Refused {
            status: refused,
            errors,
        } => {
            assert_eq!(*refused, status);
            assert!(!errors.is_empty(), "a refusal without errors");
        }
        UpstreamError::Invalid(_) => assert!((200..300).contains(&status)),
        UpstreamError::Unreachable(_) => panic!("decoding cannot be unreachable"),
    }
}

/// Writes `items` as the XML list Wayfinder serves and checks it.
fn list_xml<T: Serialize>(root: &str, item: &str, items: &[T]) {
    let values: Vec<serde_json::Value> = items
        .iter()
        .map(|i| serde_json::to_value(i).expect("documents serialise"))
        .collect();
    let xml = georeport::to_xml(root, item, &values);
    check_xml(&xml, &serde_json::Value::Array(values));
}

/// Writes one object as XML and checks it.
fn object_xml<T: Serialize>(root: &str, object: &T) {
    let value = serde_json::to_value(object).expect("documents serialise");
    let xml = georeport::object_xml(root, &value);
    check_xml(&xml, &value);
}

/// `xml` parses, and every string of `value` is the text of an element of it.
fn check_xml(xml: &str, value: &serde_json::Value) {
    let document = roxmltree::Document::parse(xml)
        .unwrap_or_else(|error| panic!("not well-formed XML ({error}):\n{xml}"));
    let texts: Vec<&str> = document
        .descendants()
        .filter(|n| n.is_element())
        .filter_map(|n| n.text())
        .collect();
    let mut strings = Vec::new();
    collect_strings(value, &mut strings);
    for s in strings {
        // Characters XML 1.0 does not allow are left out of the document.
        let s: String = s
            .chars()
            .filter(|&c| {
                matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
            })
            .collect();
        let s = s.as_str();
        if s.is_empty() {
            continue;
        }
        // XML parsers normalise line ends (`\r\n` and `\r` read as `\n`); roxmltree does
        // not next to a character reference: compare with line ends normalised on both sides.
        let normalise = |t: &str| t.replace("\r\n", "\n").replace('\r', "\n");
        let expected = normalise(s);
        assert!(
            texts.iter().any(|t| normalise(t) == expected),
            "{s:?} is not the text of an element:\n{xml}"
        );
    }
}

/// Every string in `value`.
fn collect_strings<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match value {
        serde_json::Value::String(s) => out.push(s),
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect_strings(i, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}
