import type { GreyImage } from '../grey-image.js';
import type { PageResult } from '../read-page.js';
import type { ScanContextSpec } from '../scan-context-spec.js';
import type { ScannedPageJpeg } from './scanned-page-jpeg.js';

/** Messages from the pool to a page-reading worker. */
export type WorkerRequest =
  | { readonly kind: 'init'; readonly spec: ScanContextSpec; readonly dpi: number; readonly keepImages: boolean }
  /** A scan file in shared memory: every worker reads the same bytes, none copies them. */
  | { readonly kind: 'file'; readonly fileId: number; readonly name: string; readonly data: SharedArrayBuffer }
  | { readonly kind: 'forget'; readonly fileId: number }
  | {
      readonly kind: 'page';
      readonly requestId: number;
      readonly fileId: number;
      readonly pageIndex: number;
      /** The page's own JPEG, when the pool has it: decoded as it is, without the file. */
      readonly jpeg?: ScannedPageJpeg;
    };

/** Messages from a worker to the pool. */
export type WorkerReply =
  | { readonly kind: 'page'; readonly requestId: number; readonly result: PageResult; readonly image?: GreyImage }
  | {
      readonly kind: 'error';
      readonly requestId: number;
      readonly message: string;
      /** Set when the file is at fault (a `ScanFileError`): its name and what is wrong, to be rebuilt on this side. */
      readonly fileError?: { readonly file: string; readonly message: string };
    };
