# Compares a result CSV with an expected CSV, row by key (first column), column by name.
# Tolerances (methodology golden README): money 0.01, rates 1e-8, members 1e-5, flags and NA exact.
# Usage: awk -F, -f compare_csv.awk expected.csv result.csv   (no quoted fields in these files)
# Prints one line per mismatch and exits 1 when there is any.
function money(c) { return c ~ /^(expected|actual|gross_savings|plan_payment|program_net|federal_share|state_share)$/ }
function rate(c) { return c ~ /^(savings_rate|msr|mlr|quality_score|share_rate)$/ }
function absd(x) { return x < 0 ? -x : x }
FNR == 1 {
    file++
    for (i = 1; i <= NF; i++) { name[file, i] = $i; col[file, $i] = i }
    ncol[file] = NF
    next
}
file == 1 { for (i = 1; i <= NF; i++) exp_[$1, name[1, i]] = $i; keys[$1] = 1; next }
file == 2 {
    seen[$1] = 1
    if (!($1 in keys)) { print "unexpected row " $1; bad++; next }
    for (i = 1; i <= ncol[1]; i++) {
        c = name[1, i]
        if (!((2, c) in col)) { if (!missing[c]++) { print "missing column " c; bad++ } continue }
        e = exp_[$1, c]; g = $(col[2, c])
        if (e == "" || g == "" || !(money(c) || rate(c) || c == "members")) {
            if (e != g) { print $1 " " c ": expected '" e "', got '" g "'"; bad++ }
            continue
        }
        tol = money(c) ? 0.0100001 : (c == "members" ? 1e-5 : 1e-8)
        if (absd(e - g) > tol) { print $1 " " c ": expected " e ", got " g " (diff " e - g ")"; bad++ }
    }
}
END {
    for (k in keys) if (!(k in seen)) { print "missing row " k; bad++ }
    exit bad > 0
}
