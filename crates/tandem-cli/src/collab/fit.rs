//! `tandem router fit`: label prompts by running both models (an item "needs the server" when
//! the two answers disagree, or with `--labels` when the local answer is wrong), fit the learned
//! router on the local model's prompt features, calibrate its threshold to `--target-share`,
//! and pick the uncertainty signal that best predicts the same label as the router's cascade
//! rule, calibrated to the same share. Writes router.json.
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Args;
use tandem_collab::metrics::auroc;
use tandem_collab::{
    fit_logistic, threshold_for_share, uncertainty_score, CascadeRule, FitParams, RouterLabel,
    Signal, TokenSignal, TokenStats,
};

use super::runner::{self, RunArgs};
use super::suite;

#[derive(Args)]
pub struct FitArgs {
    /// Prompts: JSON lines with "messages" ("answer" is read only with --labels).
    #[arg(long)]
    pub prompts: PathBuf,
    #[command(flatten)]
    pub run: RunArgs,
    /// The share of requests the router's threshold (and the cascade's) should send to the
    /// server, in [0, 1].
    #[arg(long, allow_negative_numbers = true)]
    pub target_share: f32,
    /// Where router.json goes.
    #[arg(long)]
    pub out: PathBuf,
    /// Label with the prompts' answers ("the local answer is wrong") instead of by
    /// disagreement between the two models.
    #[arg(long)]
    pub labels: bool,
    /// L2 penalty of the logistic regression (over standardised features).
    #[arg(long, default_value_t = FitParams::default().l2, allow_negative_numbers = true)]
    pub l2: f32,
    /// The share of generated tokens policy `token-defer` should hand to the server (its rule,
    /// router.json's `token_defer`, is calibrated on the local model's own tokens); 0: no rule.
    #[arg(long, default_value_t = 0.2, allow_negative_numbers = true)]
    pub defer_share: f32,
    /// The per-token signal of that rule (`margin` needs runs generated on the CPU, which keep
    /// each token's top-2).
    #[arg(long, default_value = "margin")]
    pub defer_signal: TokenSignal,
}

pub fn run(a: FitArgs) -> Result<()> {
    if !(a.target_share.is_finite() && (0.0..=1.0).contains(&a.target_share)) {
        bail!(
            "--target-share {} is not a share: give a number in [0, 1]",
            a.target_share
        );
    }
    if !(a.defer_share.is_finite() && (0.0..=1.0).contains(&a.defer_share)) {
        bail!(
            "--defer-share {} is not a share: give a number in [0, 1]",
            a.defer_share
        );
    }
    if !(a.l2.is_finite() && a.l2 >= 0.0) {
        bail!("--l2 {} must be a finite number ≥ 0", a.l2);
    }
    super::check_out("--out", Some(&a.out))?;
    super::check_out("--save-runs", a.run.save_runs.as_deref())?;
    let items = suite::read(&a.prompts, a.labels)?;
    let (runs, info) = runner::obtain(&items, &a.prompts, &a.run, None)?;
    let n = runs.len();

    let (label, what) = if a.labels {
        (RouterLabel::LocalWrong, "local answers wrong")
    } else {
        (RouterLabel::Disagreement, "disagreements")
    };
    let ys: Vec<bool> = items
        .iter()
        .zip(&runs)
        .map(|(item, r)| match label {
            RouterLabel::LocalWrong => {
                !tandem_collab::is_correct(&r.local_text, item.answer.as_deref().unwrap_or(""))
            }
            RouterLabel::Disagreement => !tandem_collab::agree(&r.local_text, &r.server_text),
        })
        .collect();
    let positives = ys.iter().filter(|&&y| y).count();
    if positives == 0 || positives == n {
        let why = match (label, positives == 0) {
            (RouterLabel::Disagreement, true) => "the local and server answers agree on all",
            (RouterLabel::Disagreement, false) => "the local and server answers differ on all",
            (RouterLabel::LocalWrong, true) => "the local answer is right on all",
            (RouterLabel::LocalWrong, false) => "the local answer is wrong on all",
        };
        bail!(
            "{why} {n} prompts of {}: a router needs examples of both routes \
             (more or more varied prompts{})",
            a.prompts.display(),
            if a.labels {
                ""
            } else {
                ", or --labels to label by the answers"
            }
        );
    }

    let xs: Vec<Vec<f32>> = runs.iter().map(|r| r.features.clone()).collect();
    let params = FitParams {
        l2: a.l2,
        label,
        ..FitParams::default()
    };
    let mut router = fit_logistic(&xs, &ys, &params).context("fitting the router")?;
    let fit_notes = std::mem::take(&mut router.notes);
    let scores = router.scores(&xs)?;
    let router_auroc = auroc(&scores, &ys)?;
    router
        .calibrate(&scores, a.target_share)
        .context("calibrating the router")?;
    let router_share = router.share_of(&scores)?;

    // The cascade: the signal whose uncertainty best ranks the same label (first in
    // Signal::ALL's order on a tie).
    let stats = runs
        .iter()
        .map(|r| {
            TokenStats::from_tokens(&r.local_logprobs, &r.local_entropies)
                .with_context(|| format!("item {:?}", r.id))
        })
        .collect::<Result<Vec<_>>>()?;
    let mut best: Option<(Signal, f32, Vec<f32>)> = None;
    for sig in Signal::ALL {
        let s: Vec<f32> = stats.iter().map(|st| uncertainty_score(st, sig)).collect();
        let auc = auroc(&s, &ys)?.unwrap_or(0.5);
        if best.as_ref().is_none_or(|(_, b, _)| auc > *b) {
            best = Some((sig, auc, s));
        }
    }
    let Some((signal, signal_auroc, signal_scores)) = best else {
        bail!("no uncertainty signal to choose from");
    };
    let cascade_threshold =
        threshold_for_share(&signal_scores, a.target_share).context("calibrating the cascade")?;
    let cascade_share = tandem_collab::share_above(&signal_scores, cascade_threshold)?;
    router.cascade = Some(CascadeRule {
        signal,
        threshold: cascade_threshold,
    });

    let tokens = if a.defer_share > 0.0 {
        runner::token_uncertainties(&runs)?
    } else {
        Vec::new()
    };
    let no_margins =
        a.defer_signal == TokenSignal::Margin && tokens.iter().any(|t| t.margin.is_none());
    let defer = if a.defer_share == 0.0 {
        String::new()
    } else if no_margins {
        // Runs from a GPU or from before margins were kept: the router is still fitted, without
        // the rule, and the output says why (policy token-defer then needs --defer-threshold).
        let why = "; token-defer: no rule (the generations have no top-2 margins: they ran on a \
                   GPU or come from an older runs file; generate on the CPU, or pick \
                   --defer-signal entropy or logprob)";
        eprintln!("warning: {}", &why[2..]);
        why.to_string()
    } else {
        let rule = tandem_collab::token_defer::calibrate(a.defer_signal, &tokens, a.defer_share)
            .context("calibrating token-defer")?;
        router.token_defer = Some(rule);
        format!(
            "; token-defer: {} threshold {} over {} local tokens (target share {})",
            a.defer_signal.name(),
            rule.threshold,
            tokens.len(),
            a.defer_share
        )
    };

    let auc_text = |v: Option<f32>| v.map_or("undefined".to_string(), |v| format!("{v:.3}"));
    let server = match &info.server_model {
        Some(m) => format!("{} (model {m})", info.server),
        None => info.server.clone(),
    };
    let pct = 100.0 * positives as f64 / n as f64;
    router.notes = format!(
        "fitted by `tandem router fit` on {prompts} ({n} prompts; local {local}, server {server}, \
         greedy, max_tokens {max_tokens}{runs}); label {label}: {positives} of {n} ({pct:.1}%) \
         {what}; {fit_notes}; training AUROC {router_auc}; threshold calibrated to share {target} \
         (sends {router_share:.3} of the training prompts); cascade: {signal} (training AUROC \
         {signal_auc:.3}, best of {signals} signals), threshold {cascade_threshold} (sends \
         {cascade_share:.3}){defer}",
        prompts = a.prompts.display(),
        local = info.local,
        max_tokens = info.max_tokens,
        runs = match &a.run.runs {
            // The file's name only: a runs file usually lives in a temporary directory, and a
            // committed router.json should not name one.
            Some(p) => format!(
                ", generations reused from {}",
                p.file_name().map_or_else(
                    || p.display().to_string(),
                    |f| f.to_string_lossy().into_owned()
                )
            ),
            None => String::new(),
        },
        label = match label {
            RouterLabel::Disagreement => "disagreement",
            RouterLabel::LocalWrong => "local_wrong",
        },
        router_auc = auc_text(router_auroc),
        target = a.target_share,
        signal_auc = signal_auroc,
        signals = Signal::ALL.len(),
    );
    let json = router.to_json().context("the fitted router")?;
    std::fs::write(&a.out, json + "\n")
        .with_context(|| format!("cannot write {}", a.out.display()))?;
    println!(
        "{}: {n} prompts, {positives} {what} ({pct:.1}%); router dim {}, training AUROC {}, \
         threshold {:.4} sends {router_share:.3} (target {}); cascade {signal} (AUROC \
         {signal_auroc:.3}) threshold {cascade_threshold:.4} sends {cascade_share:.3}{defer}",
        a.out.display(),
        router.dim,
        auc_text(router_auroc),
        router.threshold,
        a.target_share,
    );
    Ok(())
}
