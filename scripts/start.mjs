// `npm start`: builds what is missing or older than its sources, then runs the
// compiled server in this process. Nothing else needs to be installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...p) => path.join(root, ...p);

/** Newest modification time of the files under the given paths (0 if none). */
function newest(paths) {
  let max = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else max = Math.max(max, st.mtimeMs);
  };
  paths.forEach(visit);
  return max;
}

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
const shared = [at('package.json'), at('package-lock.json'), at('tsconfig.json')];

const targets = [
  { name: 'web app', script: 'build:web', output: at('dist', 'web', 'index.html'), sources: [at('web'), ...shared] },
  {
    name: 'server',
    script: 'build:api',
    output: at('dist', 'api', 'src', 'main.js'),
    sources: [at('api'), at('migrations'), ...shared],
  },
];

for (const t of targets) {
  if (mtime(t.output) >= newest(t.sources)) continue;
  console.log(`Building the ${t.name} (its build is ${mtime(t.output) ? 'older than its sources' : 'missing'})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', t.script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Building the ${t.name} failed; see above.`);
    process.exit(result.status ?? 1);
  }
  // tsc leaves unchanged outputs untouched; mark the build as fresh.
  const now = new Date();
  fs.utimesSync(t.output, now, now);
}

await import(pathToFileURL(path.join(root, 'dist', 'api', 'src', 'main.js')).href);
