// Runs SQL in an in-memory DuckDB and prints the last statement's result as JSON, so the xUnit
// conformance tests can compare our Parquet codec against an independent implementation.
//
//   node query.mjs "SELECT ..."            one or more statements separated by ';'
//   node query.mjs --repeat 7 "SELECT ..."  runs the last statement 7 more times (warm) and prints timings
//   node query.mjs --threads 2 ...          DuckDB worker threads (default 1, like our single-threaded reader)
//
// Output: {"columns":[...],"types":[...],"rows":[[cell,...],...],"timingsMs":[...]} where every
// non-null cell is a string, so that int64 extremes, NaN, ±Inf and -0 survive JSON unchanged.
import { DuckDBInstance } from '@duckdb/node-api';
import { performance } from 'node:perf_hooks';

function cell(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint' || typeof value === 'boolean' || typeof value === 'string') return String(value);
  return value.toString();
}

const args = process.argv.slice(2);
let repeat = 0;
let threads = '1';
while (args[0] === '--repeat' || args[0] === '--threads') {
  if (args[0] === '--repeat') repeat = Number(args[1]); else threads = String(Number(args[1]));
  args.splice(0, 2);
}
const sql = args.join(' ');
if (!sql.trim()) { console.error('usage: node query.mjs [--repeat N] "SQL"'); process.exit(2); }

const instance = await DuckDBInstance.create(':memory:', { threads });
const connection = await instance.connect();
try {
  const extracted = await connection.extractStatements(sql);
  const count = extracted.count;
  for (let i = 0; i < count - 1; i++) await (await extracted.prepare(i)).run();
  const last = await extracted.prepare(count - 1);
  const reader = await last.runAndReadAll();
  const timingsMs = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await last.runAndReadAll();
    timingsMs.push(performance.now() - start);
  }
  const out = {
    columns: reader.columnNames(),
    types: reader.columnTypes().map(t => t.toString()),
    rows: reader.getRows().map(r => r.map(cell)),
    timingsMs,
  };
  process.stdout.write(JSON.stringify(out));
} catch (e) {
  console.error(String(e && e.message ? e.message : e));
  process.exitCode = 1;
} finally {
  connection.closeSync();
  instance.closeSync();
}
