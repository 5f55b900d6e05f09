// Regenerates tests/Backtest.Parquet.Tests/vectors/duckdb: small Parquet files written by the pinned DuckDB,
// each with DuckDB's own reading of it as JSON, so the codec's tests can check DuckDB-written files (and
// mutate them for the corruption corpus) on machines without node.   Run: node make-vectors.mjs
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '..', 'Backtest.Parquet.Tests', 'vectors', 'duckdb');
const source = `SELECT
  i::INTEGER AS i32,
  (i * 1000003)::BIGINT * (CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END) AS i64,
  (i % 50)::BIGINT AS small_i64,
  CASE WHEN i % 13 = 0 THEN NULL ELSE i % 1000 END::INTEGER AS i32_null,
  CASE WHEN i = 2 THEN 'nan'::DOUBLE WHEN i = 3 THEN 'inf'::DOUBLE WHEN i = 5 THEN -0.0::DOUBLE ELSE (i % 100)::DOUBLE / 3 END AS f64,
  CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 0.25)::DOUBLE END AS f64_null,
  (i % 13)::FLOAT / 7 AS f32,
  i % 3 = 0 AS flag,
  CASE WHEN i % 5 = 0 THEN NULL ELSE i % 4 = 1 END AS flag_null,
  'sym_' || (i % 17) AS sym,
  CASE WHEN i % 11 = 0 THEN NULL ELSE md5(i::VARCHAR) END AS hash,
  CASE WHEN i % 9 = 0 THEN '' ELSE '日本 🚀 ' || (i // 3) END AS uni,
  TIMESTAMP '2024-01-01' + INTERVAL (i * 5) MINUTE AS ts_local
FROM range(1500) t(i)`;
const readback = 'SELECT * EXCLUDE (ts_local), epoch_us(ts_local) AS ts_local';
const vectors = {
  'snappy_v1': 'COMPRESSION snappy, ROW_GROUP_SIZE 500',
  'gzip_v2': 'COMPRESSION gzip, PARQUET_VERSION V2, ROW_GROUP_SIZE 500',
  'uncompressed_plain': 'COMPRESSION uncompressed, DICTIONARY_SIZE_LIMIT 0',
  'snappy_v2_plain': 'COMPRESSION snappy, PARQUET_VERSION V2, DICTIONARY_SIZE_LIMIT 0',
};
for (const [name, options] of Object.entries(vectors)) {
  const file = path.join(out, `${name}.parquet`);
  const sql = `COPY (${source}) TO '${file}' (FORMAT parquet, ${options}); ${readback} FROM read_parquet('${file}')`;
  const json = execFileSync(process.execPath, [path.join(here, 'query.mjs'), sql], { maxBuffer: 1 << 28 });
  writeFileSync(path.join(out, `${name}.json`), json);
  console.log(`${name}: ${options}`);
}
// Files we must refuse, with the error tests' expected messages: a ZSTD file and a nested schema.
const refused = {
  'zstd': `COPY (SELECT range AS x FROM range(100)) TO '${path.join(out, 'zstd.parquet')}' (FORMAT parquet, COMPRESSION zstd)`,
  'nested': `COPY (SELECT range AS x, {'a': range, 'b': 'x'} AS s FROM range(10)) TO '${path.join(out, 'nested.parquet')}' (FORMAT parquet)`,
};
for (const [name, sql] of Object.entries(refused)) {
  execFileSync(process.execPath, [path.join(here, 'query.mjs'), sql]);
  console.log(`${name} (refused by the reader)`);
}
