// The aggregation `sharecast import --members` performs, as an analyst would write it in DuckDB:
// per plan, region, rate cell and year, member count, member months, risk-weighted months, cost by
// COS, utilization, and per member the included cost's sum, sum of squares and excess over the
// truncation threshold (all COS included, as the import without a scenario). For the benchmark
// only (tests/bench/bench_import_duckdb.sh); DuckDB is never a dependency of Sharecast.
// Usage: node duckdb_members.mjs members.csv threshold out.csv
import { DuckDBInstance } from '@duckdb/node-api';

const [file, threshold, out] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const header = (await (await db.run(`SELECT * FROM read_csv('${file}', header = true) LIMIT 0`)).columnNames());
const cost = header.filter((c) => c.startsWith('cost_'));
const util = header.filter((c) => c.startsWith('util_'));
const memberCost = cost.map((c) => `coalesce(${c}, 0)`).join(' + ');
const sql = `
COPY (
  SELECT plan_id, region, rate_cell, year,
         count(*) AS members, sum(member_months) AS member_months,
         sum(coalesce(risk_score, 1) * member_months) AS risk_months,
         ${cost.map((c) => `sum(coalesce(${c}, 0)) AS ${c}`).join(', ')},
         ${util.map((c) => `sum(coalesce(${c}, 0)) AS ${c}`).join(', ')},
         sum(m) AS cost_sum, sum(m * m) AS cost_sum_squares,
         sum(greatest(m - ${Number(threshold)}, 0)) AS excess_sum
  FROM (SELECT *, ${memberCost} AS m FROM read_csv('${file}', header = true))
  GROUP BY ALL ORDER BY ALL
) TO '${out}' (HEADER, DELIMITER ',')`;
await db.run(sql);
