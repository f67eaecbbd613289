#!/usr/bin/env python3
"""The task suite the model pair is trained and judged on: generated, with checkable answers.

Four families, each at difficulty 1 (easy), 2 and 3 (hard). Difficulty is the number of steps the
model has to chain (`STEPS`: operations, conversions, hops), never the size of the numbers or the
length of the words: every level draws its operands and words from the same ranges. Every answer is
written as a worked solution, one step per line, with the answer alone on the last line (how
`tandem eval` reads a completion).

- arithmetic: +, -, * over 2, 3 or 4 operands (1, 2, 3 operations; parentheses where precedence
  needs them; carries and borrows throughout), one line per operation in evaluation order;
- facts: look-ups in the fact base `facts.json` (`PEOPLE` people, each with a friend and a home
  city): 1, 2 or 3 hops, each hop a fact about one person (friend, friend of the friend, home
  city), so every hop is a look-up the model has to have memorised;
- strings: reverse, sort the letters, shift each letter, rotate, count a letter: 1, 2 or 3 chained
  operations (chains built so the answer depends on every step);
- units: conversions with 1, 2 or 3 factors.

Splits are drawn with their own seeds (`SPLIT_SEEDS`) and made disjoint by prompt: `train` for the
language models, `dev` to choose checkpoints, `calib` to fit and calibrate routers, `test` the
held-out split `tandem eval` reports on, `fresh` a second held-out sample for checking calibration.
Fact questions held out are (person, question) pairs no training item asks; every fact itself is
in training (the models cannot know a fact they never saw; `main` checks it). The fact base is
large enough (`PEOPLE`) that memorising it takes capacity and training: with 400 people and
city -> country -> language tables of 30 and 8 rows, the SMALL knew every fact and 3 hops were no
harder than 1.

    python models/pair/tasks.py        # writes models/pair/facts.json and models/pair/suite/*.jsonl
"""
from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
FAMILIES = ["arithmetic", "facts", "strings", "units"]
LEVELS = [1, 2, 3]
# Steps per level: operations (arithmetic, strings), conversions (units); facts take `level` hops.
STEPS = {1: 1, 2: 2, 3: 3}
SPLIT_SEEDS = {"train": 11, "dev": 12, "calib": 13, "test": 14, "fresh": 15}
SPLIT_SIZES = {"train": 80000, "dev": 360, "calib": 720, "test": 720, "fresh": 720}
LETTERS = "abcdefghijklmnopqrstuvwxyz"
FORMS = 4  # phrasings per fact question
HELD_PER_PERSON = 4  # of the 3 x FORMS questions about a person, this many are held out
PEOPLE = 500
CITIES = 30


# ---------------------------------------------------------------------------------------------
# The fact base
# ---------------------------------------------------------------------------------------------
def make_facts(seed: int = 7) -> dict:
    """`PEOPLE` one-word names (3 syllables), each with a home city and a friend. Friends form
    one cycle through everybody, so a chain of friends never comes back to where it started
    within the suite's 2 friend hops."""
    rng = random.Random(seed)
    cons, vows = "bdfgklmnprstvz", "aeiou"

    def unique(n: int, syllables: int, taken: set) -> list[str]:
        out = []
        while len(out) < n:
            w = "".join(rng.choice(cons) + rng.choice(vows) for _ in range(syllables)).capitalize()
            if w not in taken:
                taken.add(w)
                out.append(w)
        return out

    taken: set = set()
    cities = unique(CITIES, 2, taken)
    people = unique(PEOPLE, 3, taken)
    cycle = people[:]
    rng.shuffle(cycle)
    return {
        "city_of": {p: cities[rng.randrange(len(cities))] for p in people},
        "friend_of": {p: cycle[(i + 1) % len(cycle)] for i, p in enumerate(cycle)},
    }


# ---------------------------------------------------------------------------------------------
# Generators: each returns (prompt, worked answer lines)
# ---------------------------------------------------------------------------------------------
def arithmetic(rng: random.Random, level: int):
    """`STEPS[level]` operations over operands 1..19, with parentheses where the meaning needs
    them. The worked solution has one line per operation, `a op b=v`, in the one order the printed
    expression fixes (innermost parentheses first, then `*`, then left to right): every line
    follows from the prompt and the lines before it. (A random order, as the expression tree was
    drawn, made the same prompt's steps differ between items; rewriting the whole expression on
    each line learned worse.) No intermediate result below 0 or above 199, and no product of two
    numbers both above 9."""
    prec = {"+": 1, "-": 1, "*": 2}
    while True:
        # A random expression tree: combine adjacent operands until one is left.
        items = [(str(v), None) for v in (rng.randint(1, 19) for _ in range(STEPS[level] + 1))]
        while len(items) > 1:
            i = rng.randrange(len(items) - 1)
            op = rng.choice("+-*")
            (ta, pa), (tb, pb) = items[i], items[i + 1]
            # Parenthesise a child that binds looser than this operator (or as loose, on the
            # right of a minus), so the printed expression means the tree.
            left = f"({ta})" if pa and prec[pa] < prec[op] else ta
            right = f"({tb})" if pb and (prec[pb] < prec[op] or (op == "-" and prec[pb] == 1)) else tb
            items[i:i + 2] = [(f"{left}{op}{right}", op)]
        expr = items[0][0]
        lines = ordered_steps(expr)
        if lines is not None:
            return f"Compute {expr}.", lines


def ordered_steps(expr: str) -> list[str] | None:
    """`a op b=v` per operation in evaluation order, then the value; None when a step breaks the
    suite's bounds (a result outside 0..199, a product of two numbers above 9)."""
    toks: list = []
    for ch in expr:
        if ch.isdigit() and toks and isinstance(toks[-1], int):
            toks[-1] = toks[-1] * 10 + int(ch)
        else:
            toks.append(int(ch) if ch.isdigit() else ch)
    lines = []
    while len(toks) > 1:
        close = toks.index(")") if ")" in toks else len(toks)
        open_ = max((j for j in range(close) if toks[j] == "("), default=-1)
        group = range(open_ + 1, close)
        ops = [j for j in group if toks[j] in ("*", "+", "-")]
        j = next((j for j in ops if toks[j] == "*"), ops[0])
        a, op, b = toks[j - 1], toks[j], toks[j + 1]
        if op == "*" and min(a, b) > 9:
            return None
        v = a + b if op == "+" else a - b if op == "-" else a * b
        if not 0 <= v <= 199:
            return None
        lines.append(f"{a}{op}{b}={v}")
        toks[j - 1:j + 2] = [v]
        if open_ >= 0 and toks[open_ + 2] == ")":  # "(v)" -> "v"
            toks[open_:open_ + 3] = [v]
    return lines + [str(toks[0])]


def fact_chain(facts: dict, p: str, level: int) -> list[tuple[str, str, str]]:
    """The look-ups a level-`level` question about `p` chains: (relation, person, value)."""
    chain = []
    for _ in range(level - 1):
        q = facts["friend_of"][p]
        chain.append(("friend", p, q))
        p = q
    chain.append(("city", p, facts["city_of"][p]))
    return chain


def facts_item(rng: random.Random, level: int, facts: dict, person: str | None = None, form: int | None = None):
    p = person or rng.choice(sorted(facts["city_of"]))
    form = rng.randrange(FORMS) if form is None else form
    q = {
        1: ["Where does {p} live?", "Which city is {p} from?", "In which city does {p} live?",
            "Name the city {p} lives in."],
        2: ["Where does {p}'s friend live?", "Which city is {p}'s friend from?",
            "In which city does the friend of {p} live?", "Name the city {p}'s friend lives in."],
        3: ["Where does the friend of {p}'s friend live?", "Which city is {p}'s friend's friend from?",
            "In which city does {p}'s friend's friend live?",
            "Name the city the friend of {p}'s friend lives in."],
    }[level][form].format(p=p)
    chain = fact_chain(facts, p, level)
    lines = [f"{a}'s friend is {b}." if rel == "friend" else f"{a} lives in {b}." for rel, a, b in chain]
    return q, lines + [chain[-1][2]]


STRING_OPS = {
    "reverse": ("reverse it", lambda w: w[::-1]),
    "sort": ("sort its letters", lambda w: "".join(sorted(w))),
    "shift": ("shift each letter by one", lambda w: "".join(chr((ord(c) - 97 + 1) % 26 + 97) for c in w)),
    "rotate": ("move the first letter to the end", lambda w: w[1:] + w[:1]),
}


def strings(rng: random.Random, level: int):
    """A chain of `STEPS[level]` operations, each line one intermediate word. Consecutive
    operations differ and no chain ends in a sort that would undo what came before, so the answer
    depends on every step (no shortcut). A one-step item may also count a letter."""
    w = "".join(rng.choice(LETTERS[:12]) for _ in range(rng.randint(4, 6)))
    if level == 1:
        op = rng.choice(["reverse", "sort", "shift", "rotate", "count"])
        if op == "count":
            letter = rng.choice(w)
            return f"Count the letter {letter} in {w}.", [str(w.count(letter))]
        q = {"reverse": f"Reverse {w}.", "sort": f"Sort the letters of {w}.",
             "shift": f"Shift each letter of {w} by one.", "rotate": f"Move the first letter of {w} to the end."}[op]
        return q, [STRING_OPS[op][1](w)]
    ops: list = []
    while len(ops) < STEPS[level]:
        op = rng.choice(["reverse", "shift", "rotate"] + (["sort"] if not ops else []))
        if ops and op == ops[-1]:
            continue
        ops.append(op)
    lines, cur = [], w
    for o in ops:
        cur = STRING_OPS[o][1](cur)
        lines.append(cur)
    q = f"Take {w}, " + ", then ".join(STRING_OPS[o][0] for o in ops) + "."
    return q, lines


# Chains of units: (unit, factor to the next unit, next unit).
UNIT_CHAINS = [
    [("km", 1000, "m"), ("m", 100, "cm"), ("cm", 10, "mm")],
    [("t", 1000, "kg"), ("kg", 1000, "g")],
    [("mile", 8, "furlong"), ("furlong", 10, "chain"), ("chain", 4, "rod")],
    [("fortnight", 2, "week"), ("week", 7, "day"), ("day", 24, "h")],
    [("gal", 4, "qt"), ("qt", 2, "pt"), ("pt", 2, "cup"), ("cup", 8, "oz")],
    [("bushel", 4, "peck"), ("peck", 2, "dry gal"), ("dry gal", 4, "dry qt"), ("dry qt", 2, "dry pt")],
    [("crate", 6, "box"), ("box", 4, "pack"), ("pack", 5, "bar"), ("bar", 2, "piece")],
]


def units(rng: random.Random, level: int):
    while True:
        chain = rng.choice(UNIT_CHAINS)
        n = STEPS[level]
        if len(chain) < n:
            continue
        start = rng.randrange(len(chain) - n + 1)
        hops = chain[start:start + n]
        v = rng.randint(2, 99)
        lines, cur = [], v
        for unit, f, nxt in hops:
            lines.append(f"{cur}*{f}={cur * f}")
            cur *= f
        if cur > 9999999:
            continue
        return f"Convert {v} {hops[0][0]} to {hops[-1][2]}.", lines + [str(cur)]


def make_item(rng: random.Random, family: str, level: int, facts: dict):
    if family == "arithmetic":
        return arithmetic(rng, level)
    if family == "facts":
        return facts_item(rng, level, facts)
    if family == "strings":
        return strings(rng, level)
    return units(rng, level)


# ---------------------------------------------------------------------------------------------
# Splits
# ---------------------------------------------------------------------------------------------
def held_out_fact_questions(facts: dict) -> dict:
    """level -> [(person, form)]: the fact questions no training item asks, in a fixed order."""
    rng = random.Random(99)
    pool: dict = {lv: [] for lv in LEVELS}
    for p in sorted(facts["city_of"]):
        for lv, form in rng.sample([(lv, f) for lv in LEVELS for f in range(FORMS)], HELD_PER_PERSON):
            pool[lv].append((p, form))
    for lv in LEVELS:
        rng.shuffle(pool[lv])
    return pool


def build(split: str, facts: dict, exclude: set, pool: dict) -> list[dict]:
    """Items cycle family by family and level by level, so every cell is equally represented.

    Held-out splits take their fact questions from `pool` (consumed: no two splits share one);
    training never asks one of them."""
    rng = random.Random(SPLIT_SEEDS[split])
    n = SPLIT_SIZES[split]
    held = {(p, lv, f) for lv, pf in held_out_fact_questions(facts).items() for p, f in pf}
    out, seen = [], set()
    i = 0
    while len(out) < n:
        family, level = FAMILIES[i % 4], LEVELS[(i // 4) % 3]
        if family == "facts" and split != "train":
            if not pool[level]:
                raise SystemExit(f"too few held-out fact questions for {split}")
            p, form = pool[level].pop()
            q, lines = facts_item(rng, level, facts, p, form)
        else:
            for _ in range(10000):
                if family == "facts":
                    p, form = rng.choice(sorted(facts["city_of"])), rng.randrange(FORMS)
                    if (p, level, form) in held:
                        continue
                    q, lines = facts_item(rng, level, facts, p, form)
                else:
                    q, lines = make_item(rng, family, level, facts)
                if q not in exclude and q not in seen:
                    break
            else:
                raise SystemExit(f"cannot draw a new {family} item for {split}")
        if split != "train":
            seen.add(q)
        i += 1
        out.append({
            "id": f"{split}-{len(out):05d}", "family": family, "level": level,
            "messages": [{"role": "user", "content": q}],
            "answer": lines[-1], "solution": "\n".join(lines),
        })
    return out


def check_facts_seen(facts: dict, train: list[dict]) -> None:
    """Every fact a held-out question needs is stated in some training solution."""
    stated = {ln for it in train if it["family"] == "facts" for ln in it["solution"].splitlines()}
    missing = [(rel, p) for p in facts["city_of"] for rel, line in
               [("city", f"{p} lives in {facts['city_of'][p]}."),
                ("friend", f"{p}'s friend is {facts['friend_of'][p]}.")] if line not in stated]
    if missing:
        raise SystemExit(f"{len(missing)} facts never stated in training, e.g. {missing[:3]}")


def main() -> None:
    facts = make_facts()
    (HERE / "facts.json").write_text(json.dumps(facts, indent=1, sort_keys=True) + "\n")
    suite = HERE / "suite"
    suite.mkdir(exist_ok=True)
    # Held-out splits first; training never sees their prompts.
    taken: set = set()
    splits = {}
    pool = held_out_fact_questions(facts)
    for split in ["test", "fresh", "calib", "dev"]:
        splits[split] = build(split, facts, taken, pool)
        taken |= {it["messages"][0]["content"] for it in splits[split]}
    splits["train"] = build("train", facts, taken, pool)
    check_facts_seen(facts, splits["train"])
    for split, items in splits.items():
        with open(suite / f"{split}.jsonl", "w") as f:
            for it in items:
                f.write(json.dumps(it) + "\n")
        print(split, len(items))


if __name__ == "__main__":
    main()
