//! The privacy pipeline on arbitrary text: entities inside the text, restore undoes redact, and
//! a reply restored in chunks (cut where the input says) equals the reply restored whole.
use tandem_privacy::{redact_conversation, Policy, StreamRestorer, Vault};

pub fn run(data: &[u8]) {
    let [a, b] = super::parts::<2>(data);
    let text = String::from_utf8_lossy(a).into_owned();
    let second = String::from_utf8_lossy(b).into_owned();
    for e in tandem_privacy::detect(&text) {
        assert!(e.start < e.end && e.end <= text.len(), "{e:?}");
        assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        assert_eq!(&text[e.start..e.end], e.value);
    }
    let mut vault = Vault::new();
    let r = vault.redact(&text, &Policy::redact_all());
    // Restore gives back the text, except that values differing only in formatting share one
    // placeholder and come back as first seen. (Text that already holds a '[' may spell a
    // placeholder; restore would rightly fill it, so it is not compared.)
    if !text.contains('[') {
        let mut expected = String::with_capacity(text.len());
        let mut at = 0;
        for e in &r.entities {
            let slot = vault
                .slots()
                .iter()
                .find(|s| s.placeholder == e.placeholder);
            let slot = slot.expect("every placeholder used has a slot");
            expected.push_str(&text[at..e.start]);
            expected.push_str(&slot.value);
            at = e.end;
        }
        expected.push_str(&text[at..]);
        assert_eq!(vault.restore(&r.redacted), expected, "restore(redact(x))");
    }
    let whole = vault.restore(&r.redacted);
    let cut = super::cuts(data, r.redacted.len(), 3);
    let mut restorer = StreamRestorer::new();
    let mut streamed = String::new();
    let mut at = 0;
    for c in cut {
        let c = (c..=r.redacted.len())
            .find(|&i| r.redacted.is_char_boundary(i))
            .unwrap_or(r.redacted.len());
        streamed.push_str(&restorer.push(&vault, &r.redacted[at..c]));
        at = c;
    }
    streamed.push_str(&restorer.push(&vault, &r.redacted[at..]));
    streamed.push_str(&restorer.finish(&vault));
    assert_eq!(streamed, whole, "streamed restore differs");
    let conv = redact_conversation(&[text, second], &Policy::redact_all());
    let _ = conv;
}
