//! `/widget/manifest.json` of a real server on 127.0.0.1: it lists every file of the widget
//! folder and every compiled strings file, and each file the server serves has the size and
//! the Subresource Integrity hash the manifest gives (checked with a SHA-384 of this file's
//! own, so the server's hashing is not trusted to check itself).

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use reqwest::{Client, StatusCode, header};
use serde_json::Value;

/// The widget folder the test server serves.
fn widget_dir() -> PathBuf {
    std::env::var("WAYFINDER_WIDGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| common::repo_root().join("target/widget"))
}

/// The files under `dir`, as paths relative to it with `/` separators.
fn files_under(dir: &Path, prefix: &str, found: &mut BTreeSet<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let entry = entry.expect("a folder entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, &format!("{prefix}{name}/"), found);
        } else {
            found.insert(format!("{prefix}{name}"));
        }
    }
}

async fn manifest(client: &Client, server: &common::TestServer) -> Vec<Value> {
    let response = client
        .get(server.url("/widget/manifest.json"))
        .send()
        .await
        .expect("manifest request");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()[header::CONTENT_TYPE]
            .to_str()
            .expect("ASCII")
            .starts_with("application/json")
    );
    let manifest: Value = response.json().await.expect("manifest JSON");
    manifest["files"].as_array().expect("a files array").clone()
}

#[tokio::test]
async fn every_served_file_matches_its_manifest_entry() {
    let server = common::start().await;
    let client = Client::new();
    let files = manifest(&client, &server).await;

    let listed: BTreeSet<String> = files
        .iter()
        .map(|file| file["path"].as_str().expect("a path").to_owned())
        .collect();
    let mut expected = BTreeSet::new();
    files_under(&widget_dir(), "/widget/", &mut expected);
    for entry in std::fs::read_dir(common::repo_root().join("locales")).expect("locales/") {
        let path = entry.expect("a folder entry").path();
        if path.join("widget.ftl").is_file() {
            let tag = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            expected.insert(format!("/widget/locales/{tag}/widget.json"));
        }
    }
    assert_eq!(
        listed, expected,
        "the manifest lists the widget folder and every locale"
    );

    for file in &files {
        let path = file["path"].as_str().expect("a path");
        let response = client
            .get(server.url(path))
            .send()
            .await
            .expect("file request");
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let body = response.bytes().await.expect("a body");
        assert_eq!(file["bytes"].as_u64(), Some(body.len() as u64), "{path}");
        assert_eq!(file["sha384"].as_str(), Some(sri(&body).as_str()), "{path}");
        let gzip = file["gzip_bytes"].as_u64().expect("gzip_bytes");
        assert!(gzip > 0 && gzip <= body.len() as u64 + 64, "{path}: {gzip}");
    }
}

#[tokio::test]
async fn compiled_strings_are_served_cached_and_gzipped() {
    let server = common::start().await;
    let client = Client::new();
    let response = client
        .get(server.url("/widget/locales/es/widget.json"))
        .send()
        .await
        .expect("strings request");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CACHE_CONTROL],
        "public, max-age=300"
    );
    let strings: Value = response.json().await.expect("JSON");
    assert_eq!(strings["lang"], "es");
    assert_eq!(strings["messages"]["send-button"], "Enviar");

    let gzipped = client
        .get(server.url("/widget/locales/es/widget.json"))
        .header(header::ACCEPT_ENCODING, "gzip")
        .send()
        .await
        .expect("strings request");
    assert_eq!(gzipped.status(), StatusCode::OK);
    assert_eq!(gzipped.headers()[header::CONTENT_ENCODING], "gzip");
    assert_eq!(gzipped.bytes().await.expect("a body")[..2], [0x1f, 0x8b]);

    let missing = client
        .get(server.url("/widget/locales/xx/widget.json"))
        .send()
        .await
        .expect("request");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[test]
fn the_test_hash_is_sha384() {
    assert_eq!(
        sri(b""),
        "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"
    );
    assert_eq!(
        sri(b"abc"),
        "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
    );
    let long: Vec<u8> = (0..1000u32).map(|i| ((i * 7) % 251) as u8).collect();
    assert_eq!(
        sri(&long),
        "sha384-8UF6DhwOSMthPj2Y4uzEMmp59fy10b+w9LJGHr5FlxFh8+Dm5M+97DLmJzoL1Wz2"
    );
}

/// `sha384-` and the base64 of the SHA-384 of `data` (FIPS 180-4).
fn sri(data: &[u8]) -> String {
    format!("sha384-{}", base64(&sha384(data)))
}

const K: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

fn sha384(data: &[u8]) -> Vec<u8> {
    let mut h: [u64; 8] = [
        0xcbbb9d5dc1059ed8,
        0x629a292a367cd507,
        0x9159015a3070dd17,
        0x152fecd8f70e5939,
        0x67332667ffc00b31,
        0x8eb44a8768581511,
        0xdb0c2e0d64f98fa7,
        0x47b5481dbefa4fa4,
    ];
    let mut message = data.to_vec();
    let bits = (data.len() as u128) * 8;
    message.push(0x80);
    while message.len() % 128 != 112 {
        message.push(0);
    }
    message.extend_from_slice(&bits.to_be_bytes());
    for block in message.chunks(128) {
        let mut w = [0u64; 80];
        for (i, word) in block.chunks(8).enumerate() {
            w[i] = u64::from_be_bytes(word.try_into().expect("8 bytes"));
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (state, add) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *state = state.wrapping_add(add);
        }
    }
    h[..6].iter().flat_map(|word| word.to_be_bytes()).collect()
}

fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, byte)| n | (u32::from(*byte) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
