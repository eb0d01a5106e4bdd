import { BankImportSchema, type BankImport } from '@examforge/server/api';
import { apiUpload } from './http.js';

/**
 * Imports a question bank from another system (Aiken, GIFT, Moodle XML, QTI, a .zip package) as an exam. The bytes
 * go as they are; the server tells the format from them. A bank it cannot read is a 422 whose message says where.
 */
export function importBank(file: File): Promise<BankImport> {
  const bytes = new Blob([file], { type: 'application/octet-stream' });
  return apiUpload(`/api/exams/import-bank?name=${encodeURIComponent(file.name)}`, bytes, BankImportSchema);
}
