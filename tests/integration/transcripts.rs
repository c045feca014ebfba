//! Command transcripts: `tests/cmd/<case>.md` holds commands and what each prints (stdout and
//! stderr together) and exits with, run in `tests/cmd/<case>.in/`; with a `<case>.out/` beside
//! it the commands run in a copy of that folder and the files in `.out/` are compared.
//!
//! `[..]` in an expected line stands for what differs from run to run (the time a build took);
//! `[ROOT]` and `[CWD]` for the temporary folder. `TRYCMD=overwrite cargo test --test integration
//! transcripts` writes what the commands print into the `.md` files: read the diff before
//! committing.

#[test]
fn every_command_prints_and_exits_as_its_transcript_says() {
    trycmd::TestCases::new()
        .register_bin(
            "gongjiang",
            std::path::Path::new(env!("CARGO_BIN_EXE_gongjiang")),
        )
        .env("NO_COLOR", "1")
        .env("GONGJIANG_TIMINGS", "")
        // 2026-11-18: the year `new` and the date checks take as this one.
        .env("SOURCE_DATE_EPOCH", "1795000000")
        .case(crate::support::repo().join("tests/cmd/*.md"));
}
