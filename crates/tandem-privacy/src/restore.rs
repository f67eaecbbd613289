//! Restoring placeholders in a streamed reply, whose chunks may split a placeholder anywhere
//! ("[PER" + "SON_1]"): the text that could still become a placeholder is held back until the
//! next chunk decides it; everything else goes out at once, so nothing is delayed further than
//! one placeholder's length and nothing is lost or repeated.

use crate::vault::Vault;

#[derive(Debug, Clone, Default)]
pub struct StreamRestorer {
    pending: String,
}

impl StreamRestorer {
    pub fn new() -> Self {
        StreamRestorer::default()
    }

    /// A restorer that resumes with `pending` held back (the binding keeps no state: JS passes
    /// it in and out).
    pub fn resume(pending: String) -> Self {
        StreamRestorer { pending }
    }

    /// What is held back.
    pub fn pending(&self) -> &str {
        &self.pending
    }

    /// The restored text that can be shown after `chunk`.
    pub fn push(&mut self, vault: &Vault, chunk: &str) -> String {
        self.pending.push_str(chunk);
        // Hold back from the last '[' when what follows could still complete a placeholder.
        let hold = self
            .pending
            .rfind('[')
            .filter(|&i| vault.could_complete(&self.pending[i..]));
        let split = hold.unwrap_or(self.pending.len());
        let ready: String = self.pending.drain(..split).collect();
        vault.restore(&ready)
    }

    /// What is left at the end of the stream (an unfinished placeholder stays as written).
    pub fn finish(&mut self, vault: &Vault) -> String {
        let rest = std::mem::take(&mut self.pending);
        vault.restore(&rest)
    }
}
