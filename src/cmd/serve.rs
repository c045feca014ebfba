//! `gongjiang serve`: the live preview; it only returns on an operational failure or Ctrl-C.

use super::Outcome;
use gongjiang::serve;

pub fn run(opts: serve::Options) -> Result<Outcome, String> {
    serve::run(opts)?;
    Ok(Outcome::Success)
}
