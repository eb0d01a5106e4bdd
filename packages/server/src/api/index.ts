/** The API contract, importable by the browser app without the server's runtime. */
export * from './accounts.js';
export * from './analysis.js';
export * from './answer-limits.js';
export * from './audit.js';
export * from './grading.js';
export * from './grading-exports.js';
export * from './key-change-preview.js';
export * from './paper.js';
export * from './paper-jobs.js';
export * from './paper-answers.js';
export * from './regrade-requests.js';
export * from './releases.js';
export * from './responses.js';
export * from './rubric-usage.js';
export * from './schemas.js';
export * from './unscored-marks.js';
export * from './verify.js';
