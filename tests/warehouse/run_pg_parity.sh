#!/usr/bin/env bash
# The warehouse import against a real PostgreSQL (issue 19): run under with_postgres.sh.
# The sample's members.csv is loaded into tables (NUMERIC columns; double precision columns; renamed
# columns in a quoted schema read through a column map) and imported with --members-from; each
# project must equal the one imported from the CSV file: export-experience, validity (the member
# aggregates' statistics) and settle outputs byte-identical. Then the failures a user meets: a
# wrong port, a column map naming a missing column, a password in the URL, no password at all,
# a row breaking a rule, and Ctrl+C during the query (cancelled in the server) each exit
# non-zero with a clear message and leave the project byte-identical.
# Usage: with_postgres.sh run_pg_parity.sh path/to/sharecast
set -euo pipefail
sc=${1:?usage: with_postgres.sh $0 path/to/sharecast}
t=$SHARECAST_PG_TMP
psql_wh() { $SHARECAST_PG_PSQL "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

"$sc" generate-sample --seed 11 --members 30000 --out "$t/sample" >/dev/null
members=$t/sample/members.csv
header=$(head -n 1 "$members" | tr -d '\r')

# CREATE TABLE NAME with the CSV's columns: keys as text, year integer, every figure as $2.
create_table() {
  local name=$1 type=$2 cols=() c
  IFS=, read -r -a names <<<"$header"
  for c in "${names[@]}"; do
    case $c in
      member_id|plan_id|region|rate_cell) cols+=("$c text") ;;
      year) cols+=("$c integer") ;;
      *) cols+=("$c $type") ;;
    esac
  done
  psql_wh -c "CREATE TABLE $name ($(IFS=,; echo "${cols[*]}"))" -c "\\copy $name FROM '$members' CSV HEADER"
}
create_table public.members_numeric numeric
create_table public.members_float8 'double precision'
# Other names, in a schema whose name needs quoting, read through a column map.
psql_wh -c 'CREATE SCHEMA "Claims Warehouse"' \
  -c "CREATE TABLE \"Claims Warehouse\".\"member year\" AS SELECT member_id AS \"Member ID\", plan_id AS plan,
        rate_cell AS \"rate\"\"cell\", year AS service_year, member_months AS months, *
      FROM public.members_numeric" \
  -c 'ALTER TABLE "Claims Warehouse"."member year" DROP COLUMN member_id, DROP COLUMN plan_id,
        DROP COLUMN rate_cell, DROP COLUMN year, DROP COLUMN member_months' \
  -c 'GRANT USAGE ON SCHEMA "Claims Warehouse" TO sharecast' \
  -c 'GRANT SELECT ON ALL TABLES IN SCHEMA public, "Claims Warehouse" TO sharecast'
cat >"$t/map.json" <<'JSON'
{"member_id": "Member ID", "plan_id": "plan", "rate_cell": "rate\"cell", "year": "service_year",
 "member_months": "months"}
JSON
rows=$(psql_wh -At -c 'SELECT count(*) FROM public.members_float8')
[ "$rows" -eq 30000 ] || fail "loaded $rows rows, expected 30000"

# Reference: the CSV import.
"$sc" import --project "$t/csv.sharecast" --members "$members" --quality "$t/sample/quality.csv" >/dev/null
# The password from PGPASSWORD, from ~/.pgpass (libpq's own, through Qt's driver).
PGPASSWORD=$SHARECAST_PG_PASSWORD "$sc" import --project "$t/numeric.sharecast" \
  --members-from "$SHARECAST_PG_URL" --table public.members_numeric --quality "$t/sample/quality.csv" \
  >"$t/numeric.out"
mkdir -p "$t/home"
printf '127.0.0.1:%s:warehouse:sharecast:%s\n' "$SHARECAST_PG_PORT" "$SHARECAST_PG_PASSWORD" >"$t/home/.pgpass"
chmod 600 "$t/home/.pgpass"
HOME=$t/home "$sc" import --project "$t/float8.sharecast" --members-from "$SHARECAST_PG_URL" \
  --table public.members_float8 --quality "$t/sample/quality.csv" </dev/null >/dev/null
PGPASSWORD=$SHARECAST_PG_PASSWORD "$sc" import --project "$t/mapped.sharecast" \
  --members-from "$SHARECAST_PG_URL" --table '"Claims Warehouse"."member year"' --column-map "$t/map.json" \
  --quality "$t/sample/quality.csv" >/dev/null
grep -q "imported $SHARECAST_PG_URL table public.members_numeric: 30000 member rows aggregated to" "$t/numeric.out" ||
  fail "summary: $(cat "$t/numeric.out")"

outputs() { # project prefix
  "$sc" export-experience --project "$1" --out "$2.experience.csv" >/dev/null
  "$sc" settle --project "$1" --scenario preset:straw-proposal-7 --year 2024 --out "$2.settle.csv" >/dev/null
  "$sc" validity --project "$1" --scenario preset:straw-proposal-7 --year 2024 --out "$2.validity.csv" >/dev/null
}
outputs "$t/csv.sharecast" "$t/csv"
for p in numeric float8 mapped; do
  outputs "$t/$p.sharecast" "$t/$p"
  for f in experience settle validity; do
    cmp "$t/csv.$f.csv" "$t/$p.$f.csv" || { diff "$t/csv.$f.csv" "$t/$p.$f.csv" | head -n 20 >&2;
      fail "$p: $f output differs from the CSV import's"; }
  done
  pass "$p table: export-experience, settle and validity byte-identical to the CSV import"
done
# The member aggregates themselves, as stored (every cell's figures, in the order stored).
aggregates() {
  sqlite3 "$1" "SELECT plan_id, region, rate_cell, year, members, quote(member_months), quote(cost_sum),
    quote(cost_sum_squares), quote(excess_sum), quote(truncated_sum), quote(truncated_sum_squares)
    FROM member_aggregate ORDER BY rowid"
}
for p in numeric float8 mapped; do
  [ "$(aggregates "$t/csv.sharecast")" = "$(aggregates "$t/$p.sharecast")" ] ||
    fail "$p: stored member aggregates differ from the CSV import's"
done
pass "stored member aggregates identical (every figure, every cell, same order)"

# Provenance: the source without a password, the statement, the rows, a digest of the cells.
prov=$(sqlite3 -separator '|' "$t/numeric.sharecast" \
  "SELECT source_name, row_count, length(sha256), instr(source_query, 'GROUP BY') > 0 FROM dataset WHERE kind = 'members'")
[ "$prov" = "$SHARECAST_PG_URL table public.members_numeric|30000|64|1" ] || fail "provenance: $prov"
digests=$(for p in numeric float8; do sqlite3 "$t/$p.sharecast" "SELECT sha256 FROM dataset WHERE kind = 'members'"; done | sort -u | wc -l)
[ "$digests" -eq 1 ] || fail "the aggregate digests of the NUMERIC and float8 tables differ"
if grep -a -q "$SHARECAST_PG_PASSWORD" "$t"/*.sharecast; then fail "a password was stored in a project"; fi
pass "provenance: $prov; no password in any project"

# Failures: each exits non-zero with a clear message and leaves the project byte-identical.
cp "$t/csv.sharecast" "$t/kept.sharecast"
before=$(sha256sum <"$t/kept.sharecast")
expect_failure() { # name, expected text, command...
  local name=$1 text=$2 status=0
  shift 2
  "$@" >"$t/out" 2>"$t/err" </dev/null || status=$?
  [ "$status" -ne 0 ] || fail "$name: exit 0"
  grep -q -- "$text" "$t/err" || fail "$name: message lacks '$text': $(cat "$t/err")"
  [ "$(sha256sum <"$t/kept.sharecast")" = "$before" ] || fail "$name: the project changed"
  pass "$name (exit $status): $(head -c 600 "$t/err")"
}
bad_port=$((SHARECAST_PG_PORT == 65535 ? 1 : SHARECAST_PG_PORT + 1))
expect_failure "wrong port" "cannot connect" env PGPASSWORD="$SHARECAST_PG_PASSWORD" \
  "$sc" import --project "$t/kept.sharecast" --members-from "postgresql://sharecast@127.0.0.1:$bad_port/warehouse" \
  --table public.members_numeric
printf '{"member_months": "months_enrolled"}\n' >"$t/missing.json"
expect_failure "missing column" "has no such column" env PGPASSWORD="$SHARECAST_PG_PASSWORD" \
  "$sc" import --project "$t/kept.sharecast" --members-from "$SHARECAST_PG_URL" --table public.members_numeric \
  --column-map "$t/missing.json"
expect_failure "password in the URL" "the URL carries a password" \
  "$sc" import --project "$t/kept.sharecast" --table public.members_numeric \
  --members-from "postgresql://sharecast:$SHARECAST_PG_PASSWORD@127.0.0.1:$SHARECAST_PG_PORT/warehouse"
grep -q -- "$SHARECAST_PG_PASSWORD" "$t/err" && fail "the refused URL's password was echoed"
expect_failure "no password" "the server wants a password" \
  env HOME="$t" "$sc" import --project "$t/kept.sharecast" --members-from "$SHARECAST_PG_URL" \
  --table public.members_numeric
psql_wh -c "CREATE TABLE public.members_bad AS SELECT * FROM public.members_numeric" \
  -c "UPDATE public.members_bad SET member_months = 13 WHERE member_id = (SELECT min(member_id) FROM public.members_bad)" \
  -c "INSERT INTO public.members_bad SELECT * FROM public.members_numeric WHERE member_id = (SELECT max(member_id) FROM public.members_numeric)" \
  -c "GRANT SELECT ON public.members_bad TO sharecast"
bad_id=$(psql_wh -At -c "SELECT min(member_id) FROM public.members_bad")
expect_failure "a row breaking a rule" "column 'member_months', value '13': a member's months in a year must be > 0 and at most 12 (row member_id '$bad_id'" \
  env PGPASSWORD="$SHARECAST_PG_PASSWORD" "$sc" import --project "$t/kept.sharecast" \
  --members-from "$SHARECAST_PG_URL" --table public.members_bad
psql_wh -c "UPDATE public.members_bad SET member_months = 12 WHERE member_months = 13"
expect_failure "a member listed twice" "is listed 2 times for the same plan, region, rate cell and year" \
  env PGPASSWORD="$SHARECAST_PG_PASSWORD" "$sc" import --project "$t/kept.sharecast" \
  --members-from "$SHARECAST_PG_URL" --table public.members_bad

# Ctrl+C during the query: the CLI cancels it in the server and exits non-zero promptly.
active() {
  psql_wh -At -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'sharecast' AND state = 'active'"
}
PGPASSWORD=$SHARECAST_PG_PASSWORD "$sc" import --project "$t/kept.sharecast" --members-from "$SHARECAST_PG_URL" \
  --table public.members_numeric --where "pg_sleep(5) IS NOT NULL" >"$t/out" 2>"$t/err" </dev/null &
pid=$!
for _ in $(seq 1 50); do [ "$(active)" -ge 1 ] && break; sleep 0.1; done
[ "$(active)" -ge 1 ] || fail "cancel: the query never ran in the server"
sleep 1
start=$(date +%s%N)
kill -INT "$pid"
status=0
wait "$pid" || status=$?
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
[ "$status" -ne 0 ] || fail "cancel: exit 0"
[ "$elapsed_ms" -lt 4000 ] || fail "cancel: the CLI took $elapsed_ms ms to stop (the query was not cancelled)"
for _ in $(seq 1 30); do [ "$(active)" -eq 0 ] && break; sleep 0.1; done
[ "$(active)" -eq 0 ] || fail "cancel: the query still runs in the server"
grep -q "interrupted and its query cancelled in the database; the project is unchanged" "$t/err" ||
  fail "cancel: message $(cat "$t/err")"
[ "$(sha256sum <"$t/kept.sharecast")" = "$before" ] || fail "cancel: the project changed"
grep -q "canceling statement due to user request" "$SHARECAST_PG_SOCKET/server.log" ||
  fail "cancel: the server log shows no cancelled statement"
pass "Ctrl+C (exit $status after ${elapsed_ms} ms, no query left in the server): $(cat "$t/err")"
echo "PASS"
