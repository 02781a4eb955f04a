// `npm run bench`: builds, then runs every benchmark in bench/ and prints its figures.
// Benchmarks are not tests: they measure, they do not pass or fail on speed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npm', ['run', '--silent', 'build']);
const only = process.argv[2];
for (const file of fs
  .readdirSync('bench')
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  if (only && !file.startsWith(only)) continue;
  console.log(`\n== bench/${file}`);
  run(process.execPath, ['--import', 'tsx', `bench/${file}`]);
}
