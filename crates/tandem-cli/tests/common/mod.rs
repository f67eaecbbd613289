//! What the CLI's integration tests share.
#![allow(dead_code)] // each test binary uses its own subset

use std::io::BufRead;
use std::process::{Child, Command, Stdio};

/// `tandem serve --model MODEL` on a free loopback port (CPU backend): the child and the
/// address it listens on ("127.0.0.1:PORT"), read from its "listening on" line.
pub fn serve(model: &str) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args([
            "serve",
            "--model",
            model,
            "--bind",
            "127.0.0.1:0",
            "--backend",
            "cpu",
        ])
        .env("RAYON_NUM_THREADS", "1")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
    let addr = loop {
        let mut line = String::new();
        if err.read_line(&mut line).unwrap() == 0 {
            let _ = child.kill();
            panic!("the server exited before listening");
        }
        if let Some(a) = line
            .trim()
            .strip_prefix("tandem-server: listening on http://")
        {
            break a.to_string();
        }
    };
    std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
    (child, addr)
}
