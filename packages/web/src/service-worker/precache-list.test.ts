import { describe, expect, it } from 'vitest';
import { precacheManifest, type BuiltFile } from './precache-list.js';

const chunk = (
  fileName: string,
  facade: string,
  imports: string[] = [],
  dynamicImports: string[] = [],
  css: string[] = [],
) =>
  ({
    type: 'chunk',
    fileName,
    isEntry: fileName.startsWith('assets/index') || fileName === 'sw.js',
    facadeModuleId: `/work/packages/web/src/${facade}`,
    imports,
    dynamicImports,
    viteMetadata: { importedCss: new Set(css) },
  }) as const;

const BUILD: BuiltFile[] = [
  chunk(
    'assets/index-A.js',
    'main.tsx',
    ['assets/http-B.js'],
    ['assets/exam-page-C.js', 'assets/stats-D.js'],
    ['assets/index-E.css'],
  ),
  chunk('assets/http-B.js', 'api/http.ts'),
  chunk('assets/exam-page-C.js', 'student/exam-page.tsx', ['assets/markdown-F.js'], ['assets/review-G.js']),
  chunk('assets/stats-D.js', 'instructor/statistics-page.tsx', ['assets/plot-H.js']),
  chunk('assets/markdown-F.js', 'components/markdown-view.tsx'),
  chunk('assets/review-G.js', 'components/review.tsx'),
  chunk('assets/plot-H.js', 'components/plot-figure.tsx'),
  chunk('sw.js', 'service-worker/sw.ts'),
  { type: 'asset', fileName: 'assets/index-E.css' },
  { type: 'asset', fileName: 'assets/KaTeX_Main-Regular-I.woff2' },
  { type: 'asset', fileName: 'assets/KaTeX_Main-Regular-J.ttf' },
  { type: 'asset', fileName: 'assets/index-A.js.map' },
];

describe('precacheManifest', () => {
  it('keeps what a student page needs offline and leaves staff pages, the worker and source maps out', () => {
    expect(precacheManifest(BUILD).files).toEqual([
      '/index.html',
      '/assets/KaTeX_Main-Regular-I.woff2',
      '/assets/exam-page-C.js',
      '/assets/http-B.js',
      '/assets/index-A.js',
      '/assets/index-E.css',
      '/assets/markdown-F.js',
      '/assets/review-G.js',
    ]);
  });

  it('is a new version when the files change, the same when they do not', () => {
    const again = precacheManifest(BUILD).version;
    expect(precacheManifest(BUILD).version).toBe(again);
    const renamed = BUILD.map((file) =>
      file.fileName === 'assets/http-B.js' ? { ...file, fileName: 'assets/http-Z.js' } : file,
    );
    expect(precacheManifest(renamed).version).not.toBe(again);
  });
});
