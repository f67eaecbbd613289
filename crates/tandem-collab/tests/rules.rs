//! Every rule of `decide`, its reason string, and the precedence between rules.
use tandem_collab::{decide, Budget, Context, Decision, Route, Rule, Score};

fn score(value: f32, threshold: f32) -> Score {
    Score {
        name: "router".into(),
        value,
        threshold,
    }
}

fn check(d: &Decision, route: Route, rule: Rule, reason: &str) {
    assert_eq!((d.route, d.rule, d.reason.as_str()), (route, rule, reason));
}

/// A context where every rule applies at once.
fn everything() -> Context {
    Context {
        privacy: Some("email".into()),
        online: false,
        server_available: false,
        budget: Some(Budget {
            calls_today: 20,
            max_calls_per_day: Some(20),
            tokens_today: 60_000,
            max_tokens_per_day: Some(50_000),
        }),
        rtt_ms: Some(850.4),
        latency_target_ms: Some(500.0),
        metered: Some(true),
        battery_low: Some(true),
        sticky: Some(Route::Server),
        forced: Some(Route::Server),
        local_fits: Some(false),
    }
}

#[test]
fn each_rule_and_its_reason() {
    let high = score(0.81, 0.4);
    let d = |ctx: Context| decide(&ctx, Some(&high));
    let base = Context::default;

    check(
        &d(Context {
            privacy: Some("health".into()),
            ..base()
        }),
        Route::Local,
        Rule::Privacy,
        "privacy: health never leaves the device",
    );
    check(
        &d(Context {
            privacy: Some("  ".into()),
            ..base()
        }),
        Route::Local,
        Rule::Privacy,
        "privacy: unspecified never leaves the device",
    );
    check(
        &d(Context {
            online: false,
            ..base()
        }),
        Route::Local,
        Rule::Offline,
        "offline",
    );
    check(
        &d(Context {
            server_available: false,
            ..base()
        }),
        Route::Local,
        Rule::ServerUnreachable,
        "server unreachable",
    );
    check(
        &d(Context {
            budget: Some(Budget {
                calls_today: 20,
                max_calls_per_day: Some(20),
                ..Budget::default()
            }),
            ..base()
        }),
        Route::Local,
        Rule::CallBudget,
        "budget: 20 of 20 server calls used today",
    );
    check(
        &d(Context {
            budget: Some(Budget {
                tokens_today: 51_200,
                max_tokens_per_day: Some(50_000),
                ..Budget::default()
            }),
            ..base()
        }),
        Route::Local,
        Rule::TokenBudget,
        "budget: 51200 of 50000 server tokens used today",
    );
    check(
        &d(Context {
            forced: Some(Route::Local),
            ..base()
        }),
        Route::Local,
        Rule::Policy,
        "policy: local",
    );
    check(
        &decide(
            &Context {
                forced: Some(Route::Server),
                ..base()
            },
            Some(&score(0.1, 0.4)),
        ),
        Route::Server,
        Rule::Policy,
        "policy: server",
    );
    check(
        &d(Context {
            rtt_ms: Some(850.4),
            latency_target_ms: Some(500.0),
            ..base()
        }),
        Route::Local,
        Rule::Latency,
        "latency: rtt 850 ms above target 500 ms",
    );
    check(
        &d(Context {
            metered: Some(true),
            ..base()
        }),
        Route::Local,
        Rule::Metered,
        "metered network",
    );
    check(
        &decide(
            &Context {
                battery_low: Some(true),
                ..base()
            },
            Some(&score(0.1, 0.4)),
        ),
        Route::Server,
        Rule::BatteryLow,
        "battery low: saving the device",
    );
    check(
        &d(Context {
            sticky: Some(Route::Local),
            ..base()
        }),
        Route::Local,
        Rule::Sticky,
        "sticky: conversation stayed local",
    );
    check(
        &decide(
            &Context {
                sticky: Some(Route::Server),
                ..base()
            },
            None,
        ),
        Route::Server,
        Rule::Sticky,
        "sticky: conversation stayed server",
    );
    check(
        &d(base()),
        Route::Server,
        Rule::Score,
        "router: score 0.81 > threshold 0.40",
    );
    check(
        &decide(&base(), Some(&score(0.12, 0.4))),
        Route::Local,
        Rule::Score,
        "router: score 0.12 ≤ threshold 0.40",
    );
    check(
        &decide(&base(), None),
        Route::Local,
        Rule::NoScore,
        "no router: local by default",
    );
}

#[test]
fn a_score_equal_to_the_threshold_stays_local() {
    let d = decide(&Context::default(), Some(&score(0.4, 0.4)));
    check(
        &d,
        Route::Local,
        Rule::Score,
        "router: score 0.40 ≤ threshold 0.40",
    );
}

#[test]
fn an_invalid_score_stays_local() {
    for s in [score(f32::NAN, 0.4), score(0.9, f32::INFINITY)] {
        let d = decide(&Context::default(), Some(&s));
        check(
            &d,
            Route::Local,
            Rule::Score,
            "router: invalid score, local by default",
        );
    }
}

/// Removing the rules one by one from the top shows each rule beats every rule below it.
#[test]
fn precedence_follows_the_table() {
    let s = score(0.05, 0.4);
    let mut ctx = everything();
    // Each rule that should decide, and how to switch it off before the next check.
    type Step = (Rule, fn(&mut Context));
    let steps: [Step; 12] = [
        (Rule::Privacy, |c| c.privacy = None),
        (Rule::Offline, |c| c.online = true),
        (Rule::ServerUnreachable, |c| c.server_available = true),
        (Rule::CallBudget, |c| {
            if let Some(b) = &mut c.budget {
                b.max_calls_per_day = None;
            }
        }),
        (Rule::TokenBudget, |c| c.budget = None),
        (Rule::Policy, |c| c.forced = None),
        (Rule::LocalContext, |c| c.local_fits = Some(true)),
        (Rule::Latency, |c| c.rtt_ms = None),
        (Rule::Metered, |c| c.metered = Some(false)),
        (Rule::BatteryLow, |c| c.battery_low = None),
        (Rule::Sticky, |c| c.sticky = None),
        (Rule::Score, |_| {}),
    ];
    for (rule, remove) in steps {
        let d = decide(&ctx, Some(&s));
        assert_eq!(d.rule, rule, "{d:?}");
        remove(&mut ctx);
    }
    assert_eq!(decide(&ctx, None).rule, Rule::NoScore);
}

#[test]
fn privacy_beats_a_forced_server_policy_and_a_high_score() {
    let ctx = Context {
        privacy: Some("email".into()),
        forced: Some(Route::Server),
        battery_low: Some(true),
        sticky: Some(Route::Server),
        ..Context::default()
    };
    let d = decide(&ctx, Some(&score(0.99, 0.1)));
    check(
        &d,
        Route::Local,
        Rule::Privacy,
        "privacy: email never leaves the device",
    );
}

#[test]
fn hard_constraints_beat_a_forced_server_policy() {
    let forced = |c: Context| Context {
        forced: Some(Route::Server),
        ..c
    };
    let offline = forced(Context {
        online: false,
        ..Context::default()
    });
    assert_eq!(decide(&offline, None).rule, Rule::Offline);
    let down = forced(Context {
        server_available: false,
        ..Context::default()
    });
    assert_eq!(decide(&down, None).rule, Rule::ServerUnreachable);
    let broke = forced(Context {
        budget: Some(Budget {
            calls_today: 3,
            max_calls_per_day: Some(0),
            ..Budget::default()
        }),
        ..Context::default()
    });
    let d = decide(&broke, None);
    check(
        &d,
        Route::Local,
        Rule::CallBudget,
        "budget: 3 of 0 server calls used today",
    );
}

#[test]
fn a_forced_policy_beats_preferences() {
    let ctx = Context {
        forced: Some(Route::Server),
        rtt_ms: Some(900.0),
        latency_target_ms: Some(100.0),
        metered: Some(true),
        ..Context::default()
    };
    assert_eq!(decide(&ctx, None).route, Route::Server);
    let ctx = Context {
        forced: Some(Route::Local),
        battery_low: Some(true),
        ..Context::default()
    };
    assert_eq!(decide(&ctx, None).route, Route::Local);
}

#[test]
fn local_preferences_beat_a_low_battery() {
    let ctx = Context {
        metered: Some(true),
        battery_low: Some(true),
        ..Context::default()
    };
    assert_eq!(decide(&ctx, None).rule, Rule::Metered);
    let ctx = Context {
        rtt_ms: Some(300.0),
        latency_target_ms: Some(200.0),
        battery_low: Some(true),
        ..Context::default()
    };
    assert_eq!(decide(&ctx, None).rule, Rule::Latency);
}

#[test]
fn rules_that_do_not_apply() {
    let high = score(0.9, 0.5);
    let cases = [
        // Budget under its caps, or without caps.
        Context {
            budget: Some(Budget {
                calls_today: 19,
                max_calls_per_day: Some(20),
                tokens_today: 10,
                max_tokens_per_day: Some(11),
            }),
            ..Context::default()
        },
        Context {
            budget: Some(Budget {
                calls_today: 1000,
                tokens_today: 1_000_000,
                ..Budget::default()
            }),
            ..Context::default()
        },
        // rtt at the target, unknown, or NaN.
        Context {
            rtt_ms: Some(500.0),
            latency_target_ms: Some(500.0),
            ..Context::default()
        },
        Context {
            rtt_ms: Some(900.0),
            ..Context::default()
        },
        Context {
            rtt_ms: Some(f32::NAN),
            latency_target_ms: Some(1.0),
            ..Context::default()
        },
        Context {
            metered: Some(false),
            battery_low: Some(false),
            ..Context::default()
        },
    ];
    for ctx in cases {
        let d = decide(&ctx, Some(&high));
        assert_eq!(d.rule, Rule::Score, "{ctx:?}");
    }
}

#[test]
fn scores_are_recorded_even_when_a_rule_overrides() {
    let d = decide(
        &Context {
            online: false,
            ..Context::default()
        },
        Some(&score(0.75, 0.5)),
    );
    assert_eq!(d.scores.get("router"), Some(&0.75));
    assert_eq!(d.scores.get("router_threshold"), Some(&0.5));
    assert!(decide(&Context::default(), None).scores.is_empty());
    let nan = decide(&Context::default(), Some(&score(f32::NAN, 0.5)));
    assert_eq!(nan.scores.len(), 1);
}

#[test]
fn json_shapes() {
    let ctx: Context = serde_json::from_str(
        r#"{"online": true, "server_available": true, "privacy": "email",
            "budget": {"calls_today": 2, "max_calls_per_day": 10},
            "sticky": "server", "forced": null}"#,
    )
    .unwrap();
    assert_eq!(ctx.privacy.as_deref(), Some("email"));
    assert_eq!(ctx.budget.unwrap().max_tokens_per_day, None);
    assert_eq!(ctx.sticky, Some(Route::Server));
    // A misspelt field is an error, not a silently ignored privacy flag.
    let typo = r#"{"online": true, "server_available": true, "privacyClass": "email"}"#;
    assert!(serde_json::from_str::<Context>(typo).is_err());
    // online and server_available must be stated.
    assert!(serde_json::from_str::<Context>("{}").is_err());

    let d = decide(&ctx, None);
    let v = serde_json::to_value(&d).unwrap();
    assert_eq!(v["route"], "local");
    assert_eq!(v["rule"], "privacy");
    assert_eq!(v["reason"], "privacy: email never leaves the device");
    assert!(v["scores"].is_object());
    let back: Decision = serde_json::from_value(v).unwrap();
    assert_eq!(back, d);

    assert_eq!("server".parse::<Route>().unwrap(), Route::Server);
    assert_eq!(Route::Local.to_string(), "local");
    assert_eq!(
        "remote".parse::<Route>().unwrap_err().kind(),
        "invalid_input"
    );
    let s: Score = serde_json::from_str(r#"{"name":"q10","value":2.0,"threshold":1.5}"#).unwrap();
    check(
        &decide(&Context::default(), Some(&s)),
        Route::Server,
        Rule::Score,
        "q10: score 2.00 > threshold 1.50",
    );
}

fn escalation(escalate: bool) -> tandem_collab::Escalation {
    tandem_collab::Escalation {
        escalate,
        reason: if escalate {
            "cascade: q10 logprob -3.60 below -2.50 → escalate".into()
        } else {
            "cascade: q10 logprob -0.10 not below -2.50 → keep local".into()
        },
        score: if escalate { 3.6 } else { 0.1 },
    }
}

#[test]
fn after_a_local_answer_the_escalation_decides_when_no_rule_keeps_it_local() {
    let ctx = Context::default();
    let d = tandem_collab::decide_after_local(&ctx, &escalation(true), 2.5);
    assert_eq!((d.route, d.rule), (Route::Server, Rule::Cascade));
    assert_eq!(
        d.reason,
        "cascade: q10 logprob -3.60 below -2.50 → escalate"
    );
    assert_eq!(d.scores["cascade"], 3.6);
    assert_eq!(d.scores["cascade_threshold"], 2.5);
    let d = tandem_collab::decide_after_local(&ctx, &escalation(false), 2.5);
    assert_eq!((d.route, d.rule), (Route::Local, Rule::Cascade));
    assert_eq!(
        d.reason,
        "cascade: q10 logprob -0.10 not below -2.50 → keep local"
    );
}

#[test]
fn after_a_local_answer_a_rule_that_keeps_it_local_wins_over_the_escalation() {
    for (ctx, rule, reason) in [
        (
            Context {
                privacy: Some("health".into()),
                ..Context::default()
            },
            Rule::Privacy,
            "privacy: health never leaves the device",
        ),
        (
            Context {
                online: false,
                ..Context::default()
            },
            Rule::Offline,
            "offline",
        ),
        (
            Context {
                metered: Some(true),
                ..Context::default()
            },
            Rule::Metered,
            "metered network",
        ),
    ] {
        let d = tandem_collab::decide_after_local(&ctx, &escalation(true), 2.5);
        assert_eq!(
            (d.route, d.rule, d.reason.as_str()),
            (Route::Local, rule, reason)
        );
        assert_eq!(d.scores["cascade"], 3.6, "the verdict is still recorded");
    }
    // A rule that would send it to the server (low battery) leaves the verdict to the cascade.
    let ctx = Context {
        battery_low: Some(true),
        ..Context::default()
    };
    let d = tandem_collab::decide_after_local(&ctx, &escalation(false), 2.5);
    assert_eq!((d.route, d.rule), (Route::Local, Rule::Cascade));
}

#[test]
fn a_prompt_the_local_model_cannot_hold_goes_to_the_server_unless_the_server_is_ruled_out() {
    let too_long = |c: Context| Context {
        local_fits: Some(false),
        ..c
    };
    // It beats every preference for local, stickiness and a score that says local.
    let ctx = too_long(Context {
        rtt_ms: Some(900.0),
        latency_target_ms: Some(100.0),
        metered: Some(true),
        sticky: Some(Route::Local),
        ..Context::default()
    });
    check(
        &decide(&ctx, Some(&score(0.01, 0.5))),
        Route::Server,
        Rule::LocalContext,
        "context: the prompt does not fit the local model",
    );
    // What forbids the server, and a forced policy, still decide (a forced local then fails in
    // the engine with its typed context_overflow error).
    let private = too_long(Context {
        privacy: Some("email".into()),
        ..Context::default()
    });
    assert_eq!(decide(&private, None).rule, Rule::Privacy);
    let offline = too_long(Context {
        online: false,
        ..Context::default()
    });
    assert_eq!(decide(&offline, None).rule, Rule::Offline);
    let forced = too_long(Context {
        forced: Some(Route::Local),
        ..Context::default()
    });
    assert_eq!(
        (decide(&forced, None).route, decide(&forced, None).rule),
        (Route::Local, Rule::Policy)
    );
    // Known to fit, or not checked: no effect.
    for fits in [Some(true), None] {
        let ctx = Context {
            local_fits: fits,
            ..Context::default()
        };
        assert_eq!(decide(&ctx, None).rule, Rule::NoScore);
    }
}
