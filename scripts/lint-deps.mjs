/**
 * `npm run lint:deps`: the house rules of .dependency-cruiser.cjs over api/src
 * (with api/tsconfig.json) and web/src (with web/tsconfig.json), then the
 * check for cycles between modules (every api/src/modules/<m>/ as one node).
 *
 * Runs dependency-cruiser through its API rather than its `depcruise` command:
 * the command refuses Node 20 (the version in .nvmrc), the API works on it.
 */
import { createRequire } from 'node:module';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs');

async function check(label, paths, tsConfigFile) {
  const options = {
    ...config.options,
    tsConfig: { fileName: tsConfigFile },
    validate: true,
    ruleSet: { forbidden: config.forbidden },
    outputType: 'err',
  };
  const result = await cruise(paths, options, config.options.enhancedResolveOptions, {
    tsConfig: extractTSConfig(tsConfigFile),
  });
  const error = result.exitCode > 0;
  process.stdout.write(`${label}: ${error ? '' : 'ok'}\n`);
  if (error) process.stdout.write(result.output);
  return error;
}

/**
 * Cycles between modules (api/src/modules/<m>/ as one node each). dependency-cruiser's
 * `circular` sees file cycles only, and auth.routes -> workspaces.service -> auth.repo
 * is no file cycle; so the module graph is built here from the cruise and searched
 * for strongly connected components (Tarjan).
 */
async function checkModuleCycles() {
  const moduleOf = (file) => /^api\/src\/modules\/([^/]+)\//.exec(file)?.[1];
  const { output } = await cruise(
    ['api/src/modules'],
    { ...config.options, tsConfig: { fileName: 'api/tsconfig.json' }, outputType: 'json' },
    config.options.enhancedResolveOptions,
    { tsConfig: extractTSConfig('api/tsconfig.json') },
  );
  const edges = new Map();
  for (const m of JSON.parse(output).modules) {
    const from = moduleOf(m.source);
    if (!from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    for (const d of m.dependencies) {
      const to = moduleOf(d.resolved);
      if (to && to !== from && !edges.get(from).has(to)) edges.get(from).set(to, `${m.source} → ${d.resolved}`);
    }
  }
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const cycles = [];
  const visit = (v) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do component.push((w = stack.pop()));
      while (w !== v);
      if (component.length > 1) cycles.push(component);
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  process.stdout.write(`modules (no cycles between modules): ${cycles.length === 0 ? 'ok' : ''}\n`);
  for (const component of cycles) {
    process.stdout.write(`\n  error no-circular-modules: ${component.sort().join(' ⇄ ')}\n`);
    for (const from of component)
      for (const [to, via] of edges.get(from) ?? []) if (component.includes(to)) process.stdout.write(`      ${via}\n`);
  }
  return cycles.length > 0;
}

const failures = [
  await check('api/src', ['api/src'], 'api/tsconfig.json'),
  await check('web/src', ['web/src'], 'web/tsconfig.json'),
  await checkModuleCycles(),
].filter(Boolean);
process.exitCode = failures.length > 0 ? 1 : 0;
