//! An `LD_PRELOAD` shim, compiled with gcc at bench time, that sets `TCP_NODELAY` on every
//! socket a server accepts: tantivy-cli's HTTP server writes a response in several pieces and,
//! with Nagle's algorithm on, waits for the client's delayed ACK (about 40 ms) between them.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cmd;

/// The shim: `accept` and `accept4` call the real ones, then set `TCP_NODELAY` (which fails
/// harmlessly on sockets that are not TCP).
const SOURCE: &str = r#"#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

static void nodelay(int fd) {
    if (fd >= 0) {
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
}

int accept(int fd, struct sockaddr *addr, socklen_t *len) {
    static int (*real)(int, struct sockaddr *, socklen_t *);
    if (!real) real = (int (*)(int, struct sockaddr *, socklen_t *))dlsym(RTLD_NEXT, "accept");
    int client = real(fd, addr, len);
    nodelay(client);
    return client;
}

int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags) {
    static int (*real)(int, struct sockaddr *, socklen_t *, int);
    if (!real) real = (int (*)(int, struct sockaddr *, socklen_t *, int))dlsym(RTLD_NEXT, "accept4");
    int client = real(fd, addr, len, flags);
    nodelay(client);
    return client;
}
"#;

/// Writes and compiles the shim in `dir`; returns the shared library to preload.
pub fn build(dir: &Path) -> Result<PathBuf> {
    let source = dir.join("nodelay.c");
    let library = dir.join("nodelay.so");
    std::fs::write(&source, SOURCE)?;
    let mut gcc = cmd::command("gcc", ["-shared", "-fPIC", "-O2", "-o"], dir);
    gcc.arg(&library).arg(&source).arg("-ldl");
    cmd::run(&mut gcc)?;
    Ok(library)
}
