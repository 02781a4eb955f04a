/**
 * Start-up times of the compiled server on the embedded database: the first
 * start on an empty data directory (creates and migrates the database) and a
 * restart on the same directory, each until /healthz answers. Median of 3.
 * Run `npm run build` first; `npm run bench` does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startServer } from '../tests/helpers/server-process.js';

const ENTRY = 'dist/api/src/main.js';

async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const server = startServer(
    { PORT: String(port), BILANZ_DATA_DIR: dataDir, DATABASE_URL: undefined, BILANZ_EXAMPLE: 'false' },
    ENTRY,
  );
  await server.waitFor(/Bilanz is running at/);
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  if (!res.ok) throw new Error(`healthz answered ${res.status}`);
  const ms = performance.now() - t0;
  await server.stop();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (!fs.existsSync(ENTRY)) {
  console.error(`${ENTRY} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const first: number[] = [];
const restart: number[] = [];
for (let i = 0; i < 3; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilanz-bench-start-'));
  try {
    first.push(await timeStart(dir));
    restart.push(await timeStart(dir));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
console.log('startup (embedded database, process spawn to /healthz 200, median of 3)');
console.log(
  `  first start, empty data dir: ${(median(first) / 1000).toFixed(2)} s   [${first.map((m) => (m / 1000).toFixed(2)).join(', ')}]`,
);
console.log(
  `  restart, existing data dir:  ${(median(restart) / 1000).toFixed(2)} s   [${restart.map((m) => (m / 1000).toFixed(2)).join(', ')}]`,
);
