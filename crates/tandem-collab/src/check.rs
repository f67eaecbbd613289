//! Input checks shared by every module, so each public function rejects bad input the same way.
use crate::{Error, Result};

/// Rejects an empty slice.
pub(crate) fn non_empty<T>(what: &'static str, values: &[T]) -> Result<()> {
    if values.is_empty() {
        return Err(Error::Empty { what });
    }
    Ok(())
}

/// Rejects a slice whose length is not the one it pairs with.
pub(crate) fn same_len<T>(what: &'static str, values: &[T], expected: usize) -> Result<()> {
    if values.len() != expected {
        return Err(Error::LengthMismatch {
            what,
            expected,
            actual: values.len(),
        });
    }
    Ok(())
}

/// Rejects the first NaN or infinity, naming its index.
pub(crate) fn finite(what: &'static str, values: &[f32]) -> Result<()> {
    match values.iter().position(|v| !v.is_finite()) {
        Some(index) => Err(Error::NonFinite { what, index }),
        None => Ok(()),
    }
}

/// Rejects a scalar that is not finite.
pub(crate) fn finite_scalar(param: &'static str, value: f32) -> Result<()> {
    if !value.is_finite() {
        return Err(Error::param(
            param,
            format!("{value} is not a finite number"),
        ));
    }
    Ok(())
}

/// Rejects a share (a fraction of requests) outside [0, 1].
pub(crate) fn share(param: &'static str, value: f32) -> Result<()> {
    if !(0.0..=1.0).contains(&value) {
        return Err(Error::param(param, format!("{value} is not in [0, 1]")));
    }
    Ok(())
}
