//! A small, deterministic L-BFGS minimiser for the router's training loss.
//!
//! Why L-BFGS: the loss is smooth and convex, the dimension reaches ~1024 and examples ~2000.
//! Newton/IRLS would need a d×d Hessian per step (O(n·d²) + O(d³)); plain gradient descent
//! needs thousands of O(n·d) passes on badly scaled problems. L-BFGS keeps O(m·d) memory, one
//! O(n·d) evaluation per step almost always, and converges in tens to a few hundred steps. No
//! randomness and a fixed operation order make every run on the same inputs identical.
use std::collections::VecDeque;

/// Correction pairs kept (the usual choice; more helps little on logistic losses).
const HISTORY: usize = 10;
/// Stop once every gradient component is this small.
const GRAD_TOL: f64 = 1e-7;
/// Stop once a step improves the loss by less than this, relative to the loss.
const REL_LOSS_TOL: f64 = 1e-12;
/// Armijo's sufficient-decrease constant.
const ARMIJO: f64 = 1e-4;
/// Backtracking halvings tried before giving up on a direction.
const MAX_HALVINGS: usize = 40;

/// Minimises `f` from `x0` in at most `max_iter` steps. `f(x, grad)` returns the loss at `x`
/// and writes its gradient. Returns the best point and the number of steps taken.
pub(crate) fn minimize(
    x0: Vec<f64>,
    max_iter: usize,
    mut f: impl FnMut(&[f64], &mut [f64]) -> f64,
) -> (Vec<f64>, usize) {
    let n = x0.len();
    let mut x = x0;
    let mut g = vec![0.0; n];
    let mut fx = f(&x, &mut g);
    let mut x_new = vec![0.0; n];
    let mut g_new = vec![0.0; n];
    let mut dir = vec![0.0; n];
    // (s, y, 1 / s·y) for the last HISTORY accepted steps, oldest first.
    let mut history: VecDeque<(Vec<f64>, Vec<f64>, f64)> = VecDeque::with_capacity(HISTORY);
    let mut steps = 0;

    while steps < max_iter && fx.is_finite() && max_abs(&g) > GRAD_TOL {
        two_loop(&g, &history, &mut dir);
        let mut slope = dot(&g, &dir);
        if !(slope > 0.0 && slope.is_finite()) {
            // Not a descent direction (curvature went stale): restart from the gradient.
            history.clear();
            two_loop(&g, &history, &mut dir);
            slope = dot(&g, &dir);
        }
        // Backtracking line search along -dir, from the full quasi-Newton step.
        let mut t = 1.0;
        let mut accepted = None;
        for _ in 0..MAX_HALVINGS {
            for ((xn, &xi), &di) in x_new.iter_mut().zip(&x).zip(&dir) {
                *xn = xi - t * di;
            }
            let f_new = f(&x_new, &mut g_new);
            if f_new <= fx - ARMIJO * t * slope {
                accepted = Some(f_new);
                break;
            }
            t *= 0.5;
        }
        let Some(f_new) = accepted else { break };
        steps += 1;

        let s: Vec<f64> = x_new.iter().zip(&x).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = g_new.iter().zip(&g).map(|(a, b)| a - b).collect();
        let sy = dot(&s, &y);
        // Keep only pairs with positive curvature, so the implied Hessian stays positive.
        if sy > 1e-12 * dot(&y, &y).max(f64::MIN_POSITIVE) {
            if history.len() == HISTORY {
                history.pop_front();
            }
            history.push_back((s, y, 1.0 / sy));
        }
        std::mem::swap(&mut x, &mut x_new);
        std::mem::swap(&mut g, &mut g_new);
        let improvement = fx - f_new;
        fx = f_new;
        if improvement <= REL_LOSS_TOL * fx.abs().max(1.0) {
            break;
        }
    }
    (x, steps)
}

/// `dir` = the inverse-Hessian approximation applied to `g` (L-BFGS's two-loop recursion).
/// With no history it is `g` scaled to unit length, so the first trial step is of size 1.
fn two_loop(g: &[f64], history: &VecDeque<(Vec<f64>, Vec<f64>, f64)>, dir: &mut [f64]) {
    dir.copy_from_slice(g);
    let Some((s_last, y_last, _)) = history.back() else {
        let norm = dot(g, g).sqrt();
        if norm > 0.0 {
            dir.iter_mut().for_each(|d| *d /= norm);
        }
        return;
    };
    let mut alpha = [0.0; HISTORY];
    for (i, (s, y, rho)) in history.iter().enumerate().rev() {
        alpha[i] = rho * dot(s, dir);
        axpy(-alpha[i], y, dir);
    }
    let gamma = dot(s_last, y_last) / dot(y_last, y_last);
    dir.iter_mut().for_each(|d| *d *= gamma);
    for (i, (s, y, rho)) in history.iter().enumerate() {
        let beta = rho * dot(y, dir);
        axpy(alpha[i] - beta, s, dir);
    }
}

pub(crate) fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn axpy(a: f64, x: &[f64], y: &mut [f64]) {
    y.iter_mut().zip(x).for_each(|(yi, xi)| *yi += a * xi);
}

fn max_abs(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m, x| m.max(x.abs()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimises_an_ill_conditioned_quadratic() {
        // f = Σ c_i (x_i - i)², conditioning 1e4.
        let c: Vec<f64> = (0..20).map(|i| 10f64.powf(i as f64 / 19.0 * 4.0)).collect();
        let (x, steps) = minimize(vec![0.0; 20], 500, |x, g| {
            let mut f = 0.0;
            for i in 0..x.len() {
                let d = x[i] - i as f64;
                f += c[i] * d * d;
                g[i] = 2.0 * c[i] * d;
            }
            f
        });
        assert!(steps < 500);
        for (i, xi) in x.iter().enumerate() {
            assert!((xi - i as f64).abs() < 1e-5, "x[{i}] = {xi}");
        }
    }
}
