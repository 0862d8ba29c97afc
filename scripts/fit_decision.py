#!/usr/bin/env python3
"""Fit Wayfinder's answer / choices / handoff decision on labelled development sets.

usage: fit_decision.py OUT.json FEATURES.jsonl QUERIES.jsonl [FEATURES.jsonl QUERIES.jsonl ...]

OUT.json is server/decision-model.json for features of hits ranked by words alone, and
server/decision-model-semantic.json for those of hits ranked by meaning (written by
`wayfinder eval --semantic-model`, two features more; the questions the words alone were sure
of have the features of words alone there and are left out).

FEATURES.jsonl  written by `wayfinder eval --features`: {"qid", "features": [...], "top_ids"}
QUERIES.jsonl   the labelled queries: {"qid", "relevant_ids": [...]} ([] = no answer exists)

The model is two logistic regressions on the features (see `Features::to_vec` in
server/src/decide.rs), each fitted by Newton's method with a small L2 penalty, each set
weighted equally whatever its size: one estimates P(the best hit is a right answer)
("weights"), the other P(a right answer is among the first three hits) ("choice_weights").
A threshold on each and a floor on the best hit's coverage are then chosen on the same data:
below the floor, hand off; otherwise answer when the first probability reaches its
threshold, else offer the first three as choices when the second reaches its threshold,
else hand off. They maximise the mean utility per set:

    right answer +1, wrong answer -3, handoff when no answer exists +1,
    choices that include a right answer +0.5, anything else 0.

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


def utility(rows, ps, ps3, answer_at, choice_at, floor):
    total = 0.0
    for r, p, p3 in zip(rows, ps, ps3):
        if r["x"] is None or r["x"][1] < floor:
            p = p3 = 0.0
        if p >= answer_at:
            total += 1.0 if r["right_first"] else -3.0
        elif p3 >= choice_at:
            total += 0.5 if r["right_in_3"] else 0.0
        else:
            total += 0.0 if r["answerable"] else 1.0
    return total / len(rows)


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
    ps = [probabilities(rows, w) for _, rows in sets]
    ps3 = [probabilities(rows, w3) for _, rows in sets]
    grid = [i / 100 for i in range(5, 100, 2)]
    best = None
    for floor in [0.0, 0.1, 0.2, 0.3, 0.4]:
        for a in grid:
            for c in grid:
                u = sum(utility(rows, p, p3, a, c, floor)
                        for (_, rows), p, p3 in zip(sets, ps, ps3)) / len(sets)
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
        "answer_threshold": answer_at,
        "choice_threshold": choice_at,
        "min_coverage": floor,
        "fitted_on": [path for path, _ in sets],
        "mean_utility": round(u, 4),
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(model, f, indent=2)
        f.write("\n")
    print(json.dumps(model, indent=2))
    for (path, rows), p, p3 in zip(sets, ps, ps3):
        u = utility(rows, p, p3, answer_at, choice_at, floor)
        print(f"{path}: utility {u:.3f} per query")


if __name__ == "__main__":
    main(sys.argv)
