/** A worker thread of `printMerged`: joins the rendered parts off the caller's thread (a server's event loop). */
import { parentPort, workerData } from 'node:worker_threads';
import { concatPdfs } from './concat-pdf.js';

const port = parentPort;
if (!port) throw new Error('concat-worker runs as a worker thread');
const { parts, title } = workerData as { readonly parts: readonly ArrayBuffer[]; readonly title: string };
const joined = concatPdfs(
  parts.map((part) => Buffer.from(part)),
  title,
);
// A copy with its own ArrayBuffer, which can be moved to the caller's thread instead of cloned.
const bytes = new Uint8Array(joined).buffer;
port.postMessage(bytes, [bytes]);
