//! The accounts the check creates with `wayfinder staff add` and signs in.

use std::path::Path;

use anyhow::Result;

use super::SITE;
use crate::cmd;

/// The password of the accounts the check creates (in its own throw-away database).
pub const PASSWORD: &str = "api-check-lantern-otter-2026";

/// An account `wayfinder staff add` creates.
pub struct Account {
    /// Sign-in e-mail address.
    pub email: &'static str,
    /// Display name.
    pub name: &'static str,
    /// `staff` or `admin`.
    pub role: &'static str,
}

/// The staff member of the `staff` pass, whose console stays online.
pub const STAFF: Account = Account {
    email: "staff@api-check.example",
    name: "Sam",
    role: "staff",
};

/// The admin of the `admin` pass.
pub const ADMIN: Account = Account {
    email: "admin@api-check.example",
    name: "Ada",
    role: "admin",
};

/// The staff member whose session the `sign-out` pass ends.
pub const LEAVING: Account = Account {
    email: "leaving@api-check.example",
    name: "Lee",
    role: "staff",
};

/// Every account, in the order they are created.
pub const ALL: [&Account; 3] = [&STAFF, &ADMIN, &LEAVING];

/// Creates `account` with `wayfinder staff add` (`binary`, its configuration `config`),
/// before the server starts.
pub fn add(binary: &Path, config: &Path, root: &Path, account: &Account) -> Result<()> {
    let mut add = cmd::command(
        binary,
        [
            "staff".as_ref(),
            "add".as_ref(),
            "--config".as_ref(),
            config.as_os_str(),
            "--site".as_ref(),
            SITE.as_ref(),
            "--email".as_ref(),
            account.email.as_ref(),
            "--name".as_ref(),
            account.name.as_ref(),
            "--role".as_ref(),
            std::ffi::OsStr::new(account.role),
        ],
        root,
    );
    add.env("WAYFINDER_PASSWORD", PASSWORD);
    cmd::run(&mut add)
}
