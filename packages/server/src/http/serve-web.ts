import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built browser app (packages/web/dist) with a fallback to index.html for its routes. Hashed build files
 * under /assets/ never change, so browsers keep them; index.html and the service worker /sw.js are checked on every
 * load, so a new build reaches students at their next reload and the worker's updates are never held back.
 */
export async function serveWeb(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const hasWeb = webRoot !== undefined && existsSync(`${webRoot}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      cacheControl: false,
      setHeaders: cacheHeaders,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // Only page routes fall back to the app; a missing asset (a path with a file extension) is a real 404.
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || !hasWeb || request.method !== 'GET' || /\.[a-z0-9]+$/i.test(path)) {
      return reply
        .status(404)
        .send({ code: 'not-found', message: `no route ${request.method} ${request.url.split('?')[0] ?? ''}` });
    }
    return reply.sendFile('index.html');
  });
}

const HASHED_BUILD_FILE = /[\\/]assets[\\/][^\\/]+-[\w-]{8}\.\w+$/;

function cacheHeaders(response: SetHeadersResponse, path: string): void {
  const hashed = HASHED_BUILD_FILE.test(path);
  response.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  // The worker controls the whole app from the root; said outright so a proxy's path rewriting cannot narrow it.
  if (basename(path) === 'sw.js') response.setHeader('service-worker-allowed', '/');
}
