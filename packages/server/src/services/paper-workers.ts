import { availableParallelism } from 'node:os';

/**
 * Worker threads a node renders question papers on by default: one per core, at most 4 (each holds its own copy of
 * the fonts and MathJax, about 100 MB). They run at a lower priority than the request thread (nice 10 on Linux), so
 * exam-day saves keep their latency while papers render; `PAPER_WORKERS=1` leaves more of the machine to other work.
 */
export const DEFAULT_PAPER_WORKERS = Math.max(1, Math.min(4, availableParallelism()));
