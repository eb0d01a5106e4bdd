import type { SheetLayout } from '@examforge/core';
import type { GreyImage } from '../grey-image.js';
import type { PageResult } from '../read-page.js';

/** Messages from the pool to a scan worker. */
export type WorkerRequest =
  | {
      readonly kind: 'init';
      readonly examSource: string;
      readonly layouts: readonly (readonly [string, SheetLayout])[];
      /** The scan files, in shared memory: every worker reads the same bytes, none copies them. */
      readonly files: readonly { readonly name: string; readonly data: SharedArrayBuffer }[];
      readonly dpi: number;
      readonly keepImages: boolean;
    }
  | { readonly kind: 'page'; readonly scanIndex: number; readonly fileIndex: number; readonly pageIndex: number };

/** Messages from a scan worker to the pool. */
export type WorkerReply =
  | { readonly kind: 'page'; readonly scanIndex: number; readonly result: PageResult; readonly image?: GreyImage }
  | { readonly kind: 'error'; readonly message: string };
