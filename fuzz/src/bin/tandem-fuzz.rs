//! The libFuzzer binary: one build for every target, chosen by TANDEM_FUZZ_TARGET (see
//! scripts/fuzz.sh, which builds it with coverage instrumentation on the stable toolchain).
#![no_main]

use std::sync::OnceLock;

use tandem_fuzz::Target;

fn target() -> Target {
    static T: OnceLock<Target> = OnceLock::new();
    *T.get_or_init(|| {
        let name = std::env::var("TANDEM_FUZZ_TARGET").unwrap_or_default();
        Target::from_name(&name).unwrap_or_else(|| {
            let all: Vec<_> = Target::ALL.iter().map(|t| t.name()).collect();
            eprintln!("TANDEM_FUZZ_TARGET must be one of {all:?}, not {name:?}");
            std::process::exit(2)
        })
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    target().run(data);
});
