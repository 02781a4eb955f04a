/**
 * The yardstick for bench/ingest: an Express endpoint that only parses the
 * same JSON body and runs one single-row INSERT. No validation, no idempotency.
 */
import express from 'express';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(
  'create table if not exists bare_responses (id uuid primary key, wave_key text not null, data jsonb not null)',
);

const app = express();
app.use(express.json({ limit: '1mb' }));
app.post('/api/v1/public/waves/:key/responses', async (req, res) => {
  const { id, data, status } = req.body as { id: string; data: unknown; status: string };
  await pool.query('insert into bare_responses (id, wave_key, data) values ($1, $2, $3)', [
    id,
    req.params.key,
    JSON.stringify(data),
  ]);
  res.status(201).json({ id, status });
});
const server = app.listen(Number(process.env.PORT), () => console.log('bare server ready'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
