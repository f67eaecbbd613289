//! router.json: what parses is valid, scores every finite feature vector into [0, 1], and
//! is written back as the same router.
use tandem_collab::Router;

pub fn run(data: &[u8]) {
    let [json, rest] = super::parts::<2>(data);
    let Ok(text) = std::str::from_utf8(json) else {
        return;
    };
    let Ok(mut router) = Router::from_json(text) else {
        return;
    };
    // Features from the rest of the input: any f32 bit pattern, NaN and infinities included.
    let features: Vec<f32> = (0..router.dim)
        .map(|i| {
            let b = |k: usize| rest.get(4 * i + k).copied().unwrap_or(0);
            f32::from_le_bytes([b(0), b(1), b(2), b(3)])
        })
        .collect();
    let finite = features.iter().all(|x| x.is_finite());
    match router.score(&features) {
        Ok(s) => assert!(finite && (0.0..=1.0).contains(&s), "score {s}"),
        Err(_) => assert!(!finite, "a finite vector of the right length was refused"),
    }
    assert!(router.score(&features[..features.len() - 1]).is_err());
    let written = router
        .to_json()
        .expect("a router read is a router that can be written");
    let again = Router::from_json(&written).expect("what was written reads back");
    assert_eq!(again, router);
    if let Ok(s) = router.score(&features) {
        let share = f32::from(rest.first().copied().unwrap_or(0)) / 255.0;
        if router.calibrate(&[s, 0.0, 1.0], share).is_ok() {
            let _ = router.share_of(&[s]);
        }
    }
}
