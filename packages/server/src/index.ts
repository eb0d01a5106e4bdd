/** @examforge/server: the HTTP API, its storage and its jobs. */
export { buildApp, type AppOptions } from './app.js';
export { ManualClock, systemClock, type Clock } from './clock.js';
export { DEFAULT_SETTINGS, type AppContext, type Settings } from './context.js';
export { openDatabase, type DatabaseHandle, type Dialect } from './db/connect.js';
export { migrateToLatest } from './db/migrate.js';
export type { Database } from './db/schema.js';
export { DEMO_INSTRUCTOR, seedDemo } from './demo.js';
export { readQueuedScans, startJobs } from './jobs/jobs.js';
export { closeExpiredAttempts } from './services/attempts.js';
export { hashPassword } from './auth/passwords.js';
export { startServer } from './main.js';
export { hasAdministrator, issueSetupCode } from './auth/setup-code.js';
export { createAccount, getAccountByEmail, listAccounts } from './services/accounts.js';
export { disableAccount, enableAccount, issuePasswordReset } from './services/account-status.js';
export { backupDatabase, BackupError, restoreDatabase, type BackupSummary } from './db/backup.js';
export { examArchiveName, findArchivableExam, streamExamArchive } from './services/exam-archive.js';
