# Compares a result CSV with an expected CSV, row by key (first column; for regional rates, whose
# header starts plan_id,county, the plan, county, rate cell and year; year and plan_id when the
# first column is `year`, as `settle --years` writes), column by name.
# Tolerances (methodology golden README): money 0.01, rates 1e-8, members 1e-5, flags and NA exact.
# Usage: awk -F, -f compare_csv.awk expected.csv result.csv   (no quoted fields in these files)
# Prints one line per mismatch and exits 1 when there is any.
function money(c) { return c ~ /^(expected|actual|gross_savings|plan_payment|program_net|federal_share|state_share|old_pmpm|regional_pmpm|new_pmpm|change_pmpm|change_dollars)$/ }
function rate(c) { return c ~ /^(savings_rate|msr|mlr|quality_score|share_rate|adjustment|scale)$/ }
function members(c) { return c == "members" || c == "member_months" }
function key() { return regional ? $1 "|" $2 "|" $4 "|" $5 : (name[file, 1] == "year" ? $1 " " $2 : $1) }
function absd(x) { return x < 0 ? -x : x }
FNR == 1 {
    file++
    if (file == 1) regional = ($1 == "plan_id" && $2 == "county")
    for (i = 1; i <= NF; i++) { name[file, i] = $i; col[file, $i] = i }
    ncol[file] = NF
    next
}
file == 1 { k = key(); for (i = 1; i <= NF; i++) exp_[k, name[1, i]] = $i; keys[k] = 1; next }
file == 2 {
    k = key()
    seen[k] = 1
    if (!(k in keys)) { print "unexpected row " k; bad++; next }
    for (i = 1; i <= ncol[1]; i++) {
        c = name[1, i]
        if (!((2, c) in col)) { if (!missing[c]++) { print "missing column " c; bad++ } continue }
        e = exp_[k, c]; g = $(col[2, c])
        if (e == "" || g == "" || !(money(c) || rate(c) || members(c))) {
            if (e != g) { print k " " c ": expected '" e "', got '" g "'"; bad++ }
            continue
        }
        tol = money(c) ? 0.0100001 : (members(c) ? 1e-5 : 1e-8)
        if (absd(e - g) > tol) { print k " " c ": expected " e ", got " g " (diff " e - g ")"; bad++ }
    }
}
END {
    for (k in keys) if (!(k in seen)) { print "missing row " k; bad++ }
    exit bad > 0
}
