#!/usr/bin/env python3
"""Fit Wayfinder's answer / choices / handoff decision on labelled development sets.

usage: fit_decision.py OUT.json FEATURES.jsonl QUERIES.jsonl [FEATURES.jsonl QUERIES.jsonl ...]

OUT.json is server/decision-model.json for features of hits ranked by words alone, and
server/decision-model-semantic.json for those of hits ranked by meaning (written by
`wayfinder eval --semantic-model`, two features more; the questions the words alone were sure
of have the features of words alone there and are left out).

FEATURES.jsonl  written by `wayfinder eval --features`: {"qid", "features": [...], "top_ids"}
QUERIES.jsonl   the labelled queries: {"qid", "relevant_ids": [...]} ([] = no answer exists)

The model is three logistic regressions on the features (see `Features::to_vec` in
server/src/decide.rs), each fitted by Newton's method with a small L2 penalty, each set
weighted equally whatever its size: one estimates P(the best hit is a right answer)
("weights"), one P(a right answer is among the first three hits) ("choice_weights"), one
P(the base has an answer at all) ("answerable_weights"). A threshold on the first, a
threshold on the advantage of choices over a handoff and a floor on the best hit's coverage
are then chosen on the same data: below the floor, hand off; otherwise answer when the first
probability reaches its threshold; else offer the first three as choices when their expected
utility, 0.5 x P(right among three), exceeds a handoff's, P(no answer), by at least the
second threshold; else hand off. They maximise the mean utility per set:

    right answer +1, wrong answer -3, handoff when no answer exists +1,
    choices that include a right answer +0.5, anything else 0.

A feature that is 0 in every row (the bigram features: no development question is in a
language analysed as bigrams) gets no evidence from the fit; its weights are kept from the
model OUT.json replaces, when that has them.

Only the Python standard library is used. Writes OUT.json, which the server embeds.
"""
import json
import math
import sys

L2 = 1e-3
ITERATIONS = 25


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def rows_of(features_path, queries_path):
    labels = {q["qid"]: set(q.get("relevant_ids") or []) for q in load_jsonl(queries_path)}
    rows = []
    for line in load_jsonl(features_path):
        relevant = labels[line["qid"]]
        top = line["top_ids"]
        rows.append({
            "x": [1.0] + line["features"] if line["features"] else None,
            "right_first": bool(top) and top[0] in relevant,
            "right_in_3": any(t in relevant for t in top[:3]),
            "answerable": bool(relevant),
        })
    return rows


def solve(a, b):
    """Solves a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-12:
            continue
        for r in range(n):
            if r != col:
                factor = m[r][col] / m[col][col]
                for c in range(col, n + 1):
                    m[r][c] -= factor * m[col][c]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


def fit(data):
    """data: list of (x, y, weight)."""
    k = len(data[0][0])
    w = [0.0] * k
    for _ in range(ITERATIONS):
        grad = [L2 * w[j] if j else 0.0 for j in range(k)]
        hess = [[(L2 if (i == j and i) else 0.0) for j in range(k)] for i in range(k)]
        for x, y, weight in data:
            p = sigmoid(sum(wi * xi for wi, xi in zip(w, x)))
            g = weight * (p - y)
            h = weight * p * (1 - p)
            for i in range(k):
                grad[i] += g * x[i]
                hi = h * x[i]
                row = hess[i]
                for j in range(k):
                    row[j] += hi * x[j]
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return w


def probabilities(rows, w):
    return [sigmoid(sum(wi * xi for wi, xi in zip(w, r["x"]))) if r["x"] else 0.0 for r in rows]


CHOICES_VALUE = 0.5


def decision(r, p, p3, pa, answer_at, choice_at, floor):
    """'answer', 'choices' or 'handoff', as `decide_with` in server/src/decide.rs."""
    if r["x"] is None or r["x"][1] < floor:
        return "handoff"
    if p >= answer_at:
        return "answer"
    if CHOICES_VALUE * p3 - (1.0 - pa) >= choice_at:
        return "choices"
    return "handoff"


def utility(rows, ps, ps3, pas, answer_at, choice_at, floor):
    total = 0.0
    for r, p, p3, pa in zip(rows, ps, ps3, pas):
        made = decision(r, p, p3, pa, answer_at, choice_at, floor)
        if made == "answer":
            total += 1.0 if r["right_first"] else -3.0
        elif made == "choices":
            total += CHOICES_VALUE if r["right_in_3"] else 0.0
        else:
            total += 0.0 if r["answerable"] else 1.0
    return total / len(rows)


def handoffs(rows, ps, ps3, pas, answer_at, choice_at, floor):
    """(answerable questions handed off, questions without an answer handed off), as shares."""
    made = [decision(r, p, p3, pa, answer_at, choice_at, floor)
            for r, p, p3, pa in zip(rows, ps, ps3, pas)]
    answerable = [m for m, r in zip(made, rows) if r["answerable"]]
    other = [m for m, r in zip(made, rows) if not r["answerable"]]
    share = lambda ms: ms.count("handoff") / len(ms) if ms else 0.0
    return share(answerable), share(other)


def keep_unfitted(weights, key, columns, replaced):
    """`weights` with those of all-zero `columns` taken from the replaced model's `key`."""
    previous = replaced.get(key)
    if not previous or len(previous) != len(weights):
        return weights
    return [previous[j] if j in columns else w for j, w in enumerate(weights)]


def main(argv):
    if len(argv) < 4 or len(argv) % 2 != 0:
        sys.exit(__doc__)
    out = argv[1]
    sets = [(argv[i], rows_of(argv[i], argv[i + 1])) for i in range(2, len(argv), 2)]
    # Ranked by meaning, the questions the words alone were sure of have the features of
    # words alone, and the other model decides them: fit on the widest rows only.
    width = max(len(r["x"]) for _, rows in sets for r in rows if r["x"])
    for path, rows in sets:
        other = [r for r in rows if r["x"] and len(r["x"]) != width]
        if other:
            print(f"{path}: {len(other)} questions decided by the other model, left out")
    sets = [(path, [r for r in rows if not r["x"] or len(r["x"]) == width]) for path, rows in sets]
    def data(target):
        points = []
        for _, rows in sets:
            usable = [r for r in rows if r["x"]]
            for r in usable:
                points.append((r["x"], 1.0 if r[target] else 0.0, 1.0 / len(usable)))
        return points

    w = fit(data("right_first"))
    w3 = fit(data("right_in_3"))
    wa = fit(data("answerable"))
    try:
        with open(out, encoding="utf-8") as f:
            replaced = json.load(f)
    except FileNotFoundError:
        replaced = {}
    unfitted = {j for j in range(1, width)
                if all(r["x"][j] == 0.0 for _, rows in sets for r in rows if r["x"])}
    if unfitted:
        print(f"feature columns {sorted(unfitted)} are 0 in every row: weights kept from {out}")
        w = keep_unfitted(w, "weights", unfitted, replaced)
        w3 = keep_unfitted(w3, "choice_weights", unfitted, replaced)
        wa = keep_unfitted(wa, "answerable_weights", unfitted, replaced)
    ps = [probabilities(rows, w) for _, rows in sets]
    ps3 = [probabilities(rows, w3) for _, rows in sets]
    pas = [probabilities(rows, wa) for _, rows in sets]
    answer_grid = [i / 100 for i in range(5, 100, 2)]
    # The advantage of choices over a handoff lies between -1 and CHOICES_VALUE.
    choice_grid = [round(-1.0 + i / 50, 2) for i in range(0, 76)]
    best = None
    for floor in [0.0, 0.1, 0.2, 0.3, 0.4]:
        for a in answer_grid:
            for c in choice_grid:
                u = sum(utility(rows, p, p3, pa, a, c, floor)
                        for (_, rows), p, p3, pa in zip(sets, ps, ps3, pas)) / len(sets)
                if best is None or u > best[0] + 1e-12:
                    best = (u, a, c, floor)
    u, answer_at, choice_at, floor = best
    names = ["bias", "coverage", "margin", "second_coverage", "terms", "score_per_term",
             "bigram", "bigram_x_coverage"]
    if len(w) == len(names) + 2:
        # Features of hits ranked by meaning (`wayfinder eval --semantic-model`).
        names += ["similarity", "similarity_margin"]
    model = {
        "features": names,
        "weights": [round(x, 6) for x in w],
        "choice_weights": [round(x, 6) for x in w3],
        "answerable_weights": [round(x, 6) for x in wa],
        "answer_threshold": answer_at,
        "choice_advantage": choice_at,
        "min_coverage": floor,
        "fitted_on": [path for path, _ in sets],
        "mean_utility": round(u, 4),
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(model, f, indent=2)
        f.write("\n")
    print(json.dumps(model, indent=2))
    for (path, rows), p, p3, pa in zip(sets, ps, ps3, pas):
        u = utility(rows, p, p3, pa, answer_at, choice_at, floor)
        false, correct = handoffs(rows, p, p3, pa, answer_at, choice_at, floor)
        print(f"{path}: utility {u:.3f} per query, handed off: {false:.3f} of the answerable, "
              f"{correct:.3f} of the others")


if __name__ == "__main__":
    main(sys.argv)
