/**
 * The house rules of the code base (docs/architecture.md, "Layers"), checked by
 * `npm run lint:deps`. A module is a folder api/src/modules/<m>/; its layers are
 * routes -> service -> repo, only repos run SQL, and modules meet through services.
 *
 * Every exception below says why it exists. Add one only with a reason.
 */

/** A module's own folder, captured as $1 for rules that compare "from" and "to". */
const MODULE = '^api/src/modules/([^/]+)/';

/** Files that may use knex as a value: they build the connection or run SQL. */
const KNEX_VALUE_ALLOWED = [
  // Repos are the one place SQL is written.
  '\\.repo\\.ts$',
  // The connection, migrations runner, table names and the handle type.
  '^api/src/db/',
  // Entry points wire the connection into the app.
  '^api/src/(app|main|migrate)\\.ts$',
  // The session store (connect-session-knex) and the auth middleware take the connection.
  '^api/src/http/',
  // The results engine keeps its own cache tables; it is rewritten separately (see its README).
  '^api/src/modules/results/engine/',
];

/** Files that may import knex for its types (beyond those allowed to use it as a value). */
const KNEX_TYPES_ALLOWED = [
  ...KNEX_VALUE_ALLOWED,
  // Everyone else names the handle as `Db` from here.
  '^api/src/db/db-handle\\.ts$',
];

module.exports = {
  forbidden: [
    {
      name: 'routes-not-to-repos',
      severity: 'error',
      comment: 'Routes call their service; only services call repos (routes -> service -> repo).',
      from: { path: '\\.routes\\.ts$' },
      to: { path: '\\.repo\\.ts$' },
    },
    {
      name: 'routes-only-own-service',
      severity: 'error',
      comment: "A module's routes call its own service; that service reaches other modules' services.",
      from: { path: '^api/src/modules/([^/]+)/[^/]+\\.routes\\.ts$' },
      to: { path: '^api/src/modules/[^/]+/[^/]+\\.service\\.ts$', pathNot: '^api/src/modules/$1/' },
    },
    {
      name: 'not-to-other-modules-repo',
      severity: 'error',
      comment: "Modules meet through services: use the other module's service, never its repo.",
      from: { path: MODULE },
      to: { path: '^api/src/modules/[^/]+/.+\\.repo\\.ts$', pathNot: '^api/src/modules/$1/' },
    },
    {
      name: 'repo-only-from-own-module-or-db',
      severity: 'error',
      comment: 'Outside the modules (http, openapi, lib) reach a module through its service, too.',
      from: { path: '^api/src/', pathNot: ['^api/src/modules/', '^api/src/db/'] },
      to: { path: '\\.repo\\.ts$' },
    },
    {
      name: 'not-to-other-modules-routes',
      severity: 'error',
      comment: "A module never imports another module's routes; only app.ts mounts routers.",
      from: { path: MODULE },
      to: { path: '^api/src/modules/[^/]+/.+\\.routes\\.ts$', pathNot: '^api/src/modules/$1/' },
    },
    {
      name: 'knex-only-in-repos',
      severity: 'error',
      comment: 'Only repos (and the few files that build the connection) use knex; services pass a `Db` through.',
      from: { path: '^api/src/', pathNot: KNEX_VALUE_ALLOWED },
      to: { path: '^knex$|^node_modules/knex/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'knex-types-only-via-db-handle',
      severity: 'error',
      comment: "Name the database handle as `type { Db }` from api/src/db/db-handle.ts, not knex's own types.",
      from: { path: '^api/src/', pathNot: KNEX_TYPES_ALLOWED },
      to: { path: '^knex$|^node_modules/knex/', dependencyTypes: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles between files (cycles between modules: checked in scripts/lint-deps.mjs).',
      from: { path: '^(api|web)/src/' },
      to: { circular: true },
    },
    {
      name: 'web-only-types-from-api',
      severity: 'error',
      comment: 'The browser bundle must not pull in server code: import only types (`import type`) from api/.',
      from: { path: '^web/src/' },
      to: { path: '^api/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'chart-js-only-in-charts',
      severity: 'error',
      comment: 'chart.js is heavy and loaded lazily: only the chart components (web/src/components/charts/) use it.',
      from: { pathNot: '^web/src/components/charts/' },
      to: { path: '^chart\\.js$|^node_modules/chart\\.js/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Needed to see `import type` (dropped by the TypeScript compiler) and tell it apart.
    tsPreCompilationDeps: true,
    // scripts/lint-deps.mjs sets the tsconfig per tree (api/ and web/ resolve differently);
    // this default serves a direct `depcruise api/src --config .dependency-cruiser.cjs` (Node >= 22).
    tsConfig: { fileName: 'api/tsconfig.json' },
    enhancedResolveOptions: {
      // Resolve the `.js` suffix of NodeNext imports to the `.ts` source.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
