/**
 * The dependency direction of ARCHITECTURE §3, checked rather than only written down:
 * core is pure (no node:* modules, no IO libraries) and packages import only in the allowed direction.
 */
const PURE_PACKAGES = '^packages/(core|tensor|omr|interop)/src';

module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        "core, tensor and omr do no IO: no node built-ins (tests and test support may read fixtures; omr/src/files is the reader's edge, which decodes scan files)",
      severity: 'error',
      from: { path: PURE_PACKAGES, pathNot: '(\\.test\\.ts$|/test-support/|^packages/omr/src/files/)' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-imports-no-package',
      comment: 'core may import nothing from the other workspace packages',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: { path: '^packages/(?!core/)' },
    },
    {
      name: 'tensor-imports-nothing',
      severity: 'error',
      from: { path: '^packages/tensor/' },
      to: { path: '^packages/(?!tensor/)' },
    },
    {
      name: 'web-uses-only-core-and-the-api-contract',
      comment: 'the browser app imports pure core helpers and the API types, never the server runtime',
      severity: 'error',
      from: { path: '^packages/web/' },
      to: { path: '^packages/(server/src/(?!api/)|cli/)' },
    },
    {
      name: 'api-contract-is-standalone',
      comment: 'the API contract is loaded in the browser: it may import only zod and core',
      severity: 'error',
      from: { path: '^packages/server/src/api/' },
      to: { path: '^packages/server/src/(?!api/)' },
    },
    {
      name: 'server-does-not-import-web-or-cli',
      severity: 'error',
      from: { path: '^packages/server/' },
      to: { path: '^packages/(web|cli)/' },
    },
    {
      name: 'checks-imports-only-core-and-tensor',
      comment: 'the check runner hands answer checks the tensor API and nothing else of ours',
      severity: 'error',
      from: { path: '^packages/checks/' },
      to: { path: '^packages/(?!checks/|core/|tensor/)' },
    },
    {
      name: 'interop-imports-only-core',
      comment: 'importers and exporters map between formats and the core model; the CLI and the server both load them',
      severity: 'error',
      from: { path: '^packages/interop/' },
      to: { path: '^packages/(?!interop/|core/)' },
    },
    {
      name: 'paper-imports-only-core',
      severity: 'error',
      from: { path: '^packages/paper/' },
      to: { path: '^packages/(?!paper/|core/)' },
    },
    {
      name: 'report-imports-only-core-and-checks',
      comment: 'the report presents core figures (and verify verdicts) to people; the CLI and the server both load it',
      severity: 'error',
      from: { path: '^packages/report/' },
      to: { path: '^packages/(?!report/|core/|checks/)' },
    },
    {
      name: 'omr-imports-only-core',
      comment: 'the reader is pure image maths on rasters; its tests may print sheets with paper',
      severity: 'error',
      from: { path: '^packages/omr/', pathNot: '(\\.test\\.ts$|/test-support/)' },
      to: { path: '^packages/(?!omr/|core/)' },
    },
    {
      name: 'libraries-do-not-import-the-cli',
      severity: 'error',
      from: { path: '^packages/(?!cli/)' },
      to: { path: '^packages/cli/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'production-code-does-not-import-tests',
      severity: 'error',
      from: { pathNot: '(\\.test\\.ts$|/test-support/)' },
      to: { path: '(\\.test\\.ts$|/test-support/)' },
    },
    {
      name: 'no-dev-dependencies-in-production',
      severity: 'error',
      from: { path: '^packages/[^/]+/src', pathNot: '(\\.test\\.ts$|/test-support/)' },
      to: { dependencyTypes: ['npm-dev'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js'],
    },
  },
};
