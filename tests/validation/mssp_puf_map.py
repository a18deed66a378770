#!/usr/bin/env python3
"""Helper of mssp_puf.sh: maps CMS's MSSP ACO public use file to sharecast totals files and
compares sharecast's settlement with the PUF's earned shared savings. Standard library only.

  mssp_puf_map.py map PUF.csv WORKDIR      writes WORKDIR/totals-<preset>.csv per track and
                                           WORKDIR/mapped.json (rows kept, rows skipped and why)
  mssp_puf_map.py compare PUF.csv WORKDIR  reads WORKDIR/result-<preset>.csv, prints the report;
                                           exit 0 when >= 99 % of compared ACOs match, else 1

Mapping (methodology §1.4): ABtotBnchmk -> expected, ABtotExp -> actual, N_AB -> members,
QualScore (a fraction in the PUF, scale detected from the column) x 100 -> quality_score,
Met_QPS -> quality_gate, MinSavPerc (fraction or percent, detected) -> elected_msr for the
two-sided tracks only. Track by Current_Track_1 / _2 / _3 / _1_Plus.
A match: |ours - theirs| <= max($5, 0.15 % of |theirs|), for every ACO, savings and losses; a
loss CMS reduced for extreme and uncontrollable circumstances (DisAdj) is listed apart.
The PUF stays where it is: nothing from it is written outside WORKDIR (a temporary folder).
"""
import csv
import json
import math
import os
import sys
from collections import Counter, OrderedDict
from decimal import Decimal

TRACKS = OrderedDict([
    ("Current_Track_1", "mssp-track-1"),
    ("Current_Track_2", "mssp-track-2"),
    ("Current_Track_3", "mssp-track-3"),
    ("Current_Track_1_Plus", "mssp-track-1-plus"),
])
ONE_SIDED = {"mssp-track-1"}
REQUIRED = ["ACO_ID", "ABtotBnchmk", "ABtotExp", "N_AB", "QualScore", "Met_QPS",
            "MinSavPerc", "EarnSaveLoss"] + list(TRACKS)
SHOWN = ["Sav_rate", "GenSaveLoss", "DisAdj"]   # reported when present
TOTALS_HEADER = ["entity_id", "expected", "actual", "members", "quality_score",
                 "quality_gate", "elected_msr"]
TARGET = 99.0
ABS_TOL = 5.0
REL_TOL = 0.0015


def die(msg, code=2):
    print("mssp_puf: " + msg, file=sys.stderr)
    sys.exit(code)


def read_puf(path):
    """Rows of the PUF as dicts; UTF-8 first (BOM allowed), Latin-1 when that fails."""
    for enc in ("utf-8-sig", "latin-1"):
        try:
            with open(path, encoding=enc, newline="") as f:
                reader = csv.DictReader(f)
                rows = list(reader)
                header = reader.fieldnames or []
            return enc, [h.strip() for h in header], rows
        except UnicodeDecodeError:
            continue
    die("cannot decode " + path)


def num(text):
    """A finite float, or None for an empty / non-numeric / non-finite cell."""
    if text is None:
        return None
    t = text.strip().replace("$", "").replace(",", "")
    if t == "" or t.upper() in ("NA", "N/A", ".", "*", "NULL", "NAN"):
        return None
    try:
        v = float(t)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def plain(v):
    """Shortest round-trip decimal, never in exponent form."""
    s = format(Decimal(repr(float(v))), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s if s not in ("", "-0") else "0"


def load(puf_path):
    enc, header, rows = read_puf(puf_path)
    rows = [{(k or "").strip(): (v if v is not None else "") for k, v in r.items()} for r in rows]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        die("%s lacks column(s): %s" % (puf_path, ", ".join(missing)))
    return enc, rows


def detect_scales(rows):
    """QualScore: fraction when every value <= 1 (x100 for quality_score), else already 0-100.
    MinSavPerc: fraction when every value <= 1, else percent (/100). The whole column is used,
    one-sided rows included: their table MSR is >= 2 %, which tells the scales apart."""
    q = [v for v in (num(r["QualScore"]) for r in rows) if v is not None]
    m = [v for v in (num(r["MinSavPerc"]) for r in rows) if v is not None]
    q_frac = not q or max(q) <= 1.0
    m_frac = not m or max(m) <= 1.0
    return q_frac, m_frac


def cmd_map(puf_path, work):
    enc, rows = load(puf_path)
    q_frac, m_frac = detect_scales(rows)
    per_track = OrderedDict((p, []) for p in TRACKS.values())
    kept = {}
    skipped = []          # (ACO_ID, reason)
    seen = set()
    for i, r in enumerate(rows, start=2):
        aco = r["ACO_ID"].strip()
        label = aco or "(line %d)" % i

        def skip(reason):
            skipped.append((label, reason))

        if not aco:
            skip("no ACO_ID"); continue
        if aco in seen:
            skip("duplicate ACO_ID"); continue
        seen.add(aco)
        flags = [p for c, p in TRACKS.items() if r[c].strip() in ("1", "1.0")]
        if len(flags) != 1:
            skip("no current track flag" if not flags else "several current track flags"); continue
        track = flags[0]
        e, a, n = num(r["ABtotBnchmk"]), num(r["ABtotExp"]), num(r["N_AB"])
        if e is None or a is None or n is None:
            skip("benchmark, expenditures or N_AB missing"); continue
        if e <= 0 or a < 0 or n <= 0:
            skip("benchmark <= 0, expenditures < 0 or N_AB <= 0"); continue
        q = num(r["QualScore"])
        if q is None:
            skip("QualScore missing"); continue
        q = q * 100.0 if q_frac else q
        if not 0.0 <= q <= 100.0:
            skip("QualScore out of range"); continue
        g = num(r["Met_QPS"])
        if g not in (0.0, 1.0):
            skip("Met_QPS missing or not 0/1"); continue
        elected = ""
        if track not in ONE_SIDED:
            m = num(r["MinSavPerc"])
            if m is None:
                skip("MinSavPerc missing on a two-sided track"); continue
            m = m if m_frac else m / 100.0
            if not 0.0 <= m <= 1.0:
                skip("MinSavPerc out of range"); continue
            elected = plain(m)
        per_track[track].append([aco, plain(e), plain(a), plain(n), plain(q), str(int(g)), elected])
        kept[aco] = track
    os.makedirs(work, exist_ok=True)
    for track, out in per_track.items():
        if not out:
            continue
        with open(os.path.join(work, "totals-%s.csv" % track), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(TOTALS_HEADER)
            w.writerows(out)
    with open(os.path.join(work, "mapped.json"), "w", encoding="utf-8") as f:
        json.dump({"encoding": enc, "rows": len(rows), "kept": kept, "skipped": skipped,
                   "qualscore_fraction": q_frac, "minsavperc_fraction": m_frac}, f)
    for track, out in per_track.items():
        if out:
            print(track)     # the tracks to settle, one per line, for the shell script


def fmt_money(v):
    return "NA" if v is None else "{:,.2f}".format(v)


def cmd_compare(puf_path, work):
    _, rows = load(puf_path)
    with open(os.path.join(work, "mapped.json"), encoding="utf-8") as f:
        mapped = json.load(f)
    puf = {r["ACO_ID"].strip(): r for r in rows}
    ours = {}
    for track in TRACKS.values():
        p = os.path.join(work, "result-%s.csv" % track)
        if os.path.exists(p):
            with open(p, encoding="utf-8", newline="") as f:
                for o in csv.DictReader(f):
                    ours[o["entity_id"]] = o

    order = list(TRACKS.values())
    stats = OrderedDict((t, [0, 0]) for t in order)   # matched, compared
    misses, not_compared, losses = [], OrderedDict(), []
    for aco, track in mapped["kept"].items():
        r = puf[aco]
        o = ours.get(aco)
        if o is None:
            not_compared.setdefault("no sharecast result", []).append(aco); continue
        theirs = num(r["EarnSaveLoss"])
        if theirs is None:
            not_compared.setdefault("EarnSaveLoss missing or not numeric", []).append(aco); continue
        mine = float(o["plan_payment"])
        if theirs < 0:
            losses.append((aco, track, r, o, theirs, mine)); continue
        stats[track][1] += 1
        if abs(mine - theirs) <= max(ABS_TOL, REL_TOL * abs(theirs)):
            stats[track][0] += 1
        else:
            misses.append((aco, track, r, o, theirs, mine))

    matched = sum(s[0] for s in stats.values())
    compared = sum(s[1] for s in stats.values())
    pct = lambda m, n: 100.0 * m / n if n else 0.0

    print("MSSP PUF validation: %s" % puf_path)
    print("  %d ACOs read (%s); %d settled, %d skipped" % (
        mapped["rows"], mapped["encoding"], len(mapped["kept"]), len(mapped["skipped"])))
    print("  QualScore read as a %s, MinSavPerc as a %s" % (
        "fraction (x100)" if mapped["qualscore_fraction"] else "0-100 score",
        "fraction" if mapped["minsavperc_fraction"] else "percent (/100)"))
    for reason, k in sorted(Counter(s[1] for s in mapped["skipped"]).items()):
        ids = [s[0] for s in mapped["skipped"] if s[1] == reason]
        print("  skipped %d: %s (%s%s)" % (k, reason, ", ".join(ids[:10]), ", ..." if k > 10 else ""))
    for reason, ids in not_compared.items():
        print("  not compared %d: %s (%s%s)" % (len(ids), reason, ", ".join(ids[:10]),
                                               ", ..." if len(ids) > 10 else ""))
    print("  compared: every settled ACO (shared savings below, shared losses after); match when "
          "|ours - theirs| <= max($%g, %.2f %% of |theirs|)" % (ABS_TOL, REL_TOL * 100))
    print()
    for t, (m, n) in stats.items():
        if n:
            print("  %-18s %4d / %4d  %7.2f %%" % (t, m, n, pct(m, n)))
    print("  %-18s %4d / %4d  %7.2f %%" % ("overall", matched, compared, pct(matched, compared)))

    def line(aco, track, r, o, theirs, mine):
        extra = " ".join("%s=%s" % (c, r.get(c, "").strip() or "NA") for c in SHOWN)
        return ("  %s %s expected=%s actual=%s N_AB=%s QualScore=%s Met_QPS=%s MinSavPerc=%s %s "
                "EarnSaveLoss=%s ours=%s our_msr=%s our_share_rate=%s diff=%s" % (
                    aco, track, r["ABtotBnchmk"].strip(), r["ABtotExp"].strip(), r["N_AB"].strip(),
                    r["QualScore"].strip(), r["Met_QPS"].strip(), r["MinSavPerc"].strip(), extra,
                    fmt_money(theirs), fmt_money(mine), o["msr"], o["share_rate"],
                    fmt_money(mine - theirs)))

    print()
    if misses:
        print("misses (%d):" % len(misses))
        for m in sorted(misses, key=lambda m: (order.index(m[1]), m[0])):
            print(line(*m))
    else:
        print("misses: none")

    # The loss side (two-sided tracks, EarnSaveLoss < 0): a match as on the savings side. CMS
    # reduced some PY2017-2018 losses for extreme and uncontrollable circumstances (DisAdj <= 0 in
    # the PUF, which totals mode does not model): such an ACO is reproduced once DisAdj is added
    # back, and is listed as reduced, not as a miss.
    loss_ok, loss_euc, loss_bad = [], [], []
    for m in losses:
        aco, track, r, o, theirs, mine = m
        close = lambda x: abs(mine - x) <= max(ABS_TOL, REL_TOL * abs(x))
        euc = num(r.get("DisAdj", "")) or 0.0
        if close(theirs):
            loss_ok.append(m)
        elif euc != 0.0 and close(theirs + euc):
            loss_euc.append(m)
        else:
            loss_bad.append(m)
    if losses:
        loss_compared = len(loss_ok) + len(loss_bad)
        print()
        print("loss side: %d ACOs owe shared losses" % len(losses))
        print("  %-18s %4d / %4d  %7.2f %%" % ("losses matched", len(loss_ok), loss_compared,
                                              pct(len(loss_ok), loss_compared)))
        print("  %d reduced by CMS for extreme and uncontrollable circumstances (not a miss: the PUF's "
              "DisAdj added back reproduces the loss before the reduction):" % len(loss_euc))
        for m in loss_euc:
            print(line(*m) + " DisAdj=" + m[2].get("DisAdj", "").strip())
        if loss_bad:
            print("loss misses (%d):" % len(loss_bad))
            for m in loss_bad:
                print(line(*m))
        else:
            print("loss misses: none")
        matched += len(loss_ok)
        compared += loss_compared

    ratio = pct(matched, compared)
    verdict = compared > 0 and ratio >= TARGET
    print()
    print("%s: %.2f %% of %d ACOs reproduced, savings and losses (target >= %g %%)" % (
        "PASS" if verdict else "FAIL", ratio, compared, TARGET))
    return 0 if verdict else 1


def main(argv):
    if len(argv) != 4 or argv[1] not in ("map", "compare"):
        die("usage: mssp_puf_map.py map|compare PUF.csv WORKDIR")
    if argv[1] == "map":
        cmd_map(argv[2], argv[3])
        return 0
    return cmd_compare(argv[2], argv[3])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
