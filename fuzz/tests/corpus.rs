//! Every committed corpus input and every input that once failed (fuzz/regressions/) through
//! its target, as ordinary tests: a fixed parser stays fixed without the fuzzer.
use std::path::Path;

use tandem_fuzz::Target;

fn replay(dir: &str, target: Target) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(dir)
        .join(target.name());
    let Ok(entries) = std::fs::read_dir(&root) else {
        return 0;
    };
    let mut n = 0;
    for e in entries.flatten() {
        let data = std::fs::read(e.path()).expect("a corpus file");
        target.run(&data);
        n += 1;
    }
    n
}

/// scripts/fuzz.sh takes the list of targets from these directories.
#[test]
fn every_corpus_directory_is_a_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for e in std::fs::read_dir(root).expect("fuzz/corpus").flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        assert!(
            Target::from_name(&name).is_some(),
            "fuzz/corpus/{name} is no target"
        );
    }
}

#[test]
fn corpora_and_regressions_replay_clean() {
    for t in Target::ALL {
        let seeds = replay("corpus", t);
        assert!(seeds > 0, "fuzz/corpus/{} is empty", t.name());
        replay("regressions", t);
    }
}

/// The seeds are worth mutating only if they reach deep: the micro model files load and run, a
/// chat request is answered.
#[test]
fn seeds_are_valid_inputs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let read = |p: &str| std::fs::read(root.join(p)).expect("a seed");
    let st = tandem_core::safetensors_file::SafetensorsFile::from_bytes(
        "micro",
        read("safetensors/micro-f16.safetensors"),
    )
    .expect("the micro safetensors seed");
    let cfg = tandem_fuzz::micro_config();
    tandem_core::load::hf_parts(cfg, vec![st], None, Ok(None), vec![])
        .and_then(|p| p.load_cpu())
        .expect("the micro model loads from its safetensors seed");
    let g = tandem_core::load::from_gguf_bytes(read("gguf/micro-f32.gguf"), None)
        .expect("the micro model loads from its GGUF seed");
    let ids = g
        .text
        .prompt_ids(&[tandem_core::ChatMessage::new("user", "hello")]);
    assert!(ids.is_ok_and(|ids| ids.len() > 3));
    tandem_collab::Router::from_json(
        std::str::from_utf8(
            read("router/small")
                .split(|&b| b == 0)
                .next()
                .unwrap_or(&[]),
        )
        .expect("utf-8"),
    )
    .expect("the small router seed");
}
