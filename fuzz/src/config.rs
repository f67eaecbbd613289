//! config.json: parsed, validated, and the numbers derived from it (rope frequencies) finite.
use tandem_core::Config;

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(cfg) = Config::from_hf_json(text) else {
        return;
    };
    assert!(
        cfg.validate().is_ok(),
        "from_hf_json returned an invalid config"
    );
    let inv = cfg.rope_inv_freq();
    assert!(
        inv.iter().all(|f| f.is_finite()),
        "rope frequencies {inv:?}"
    );
}
