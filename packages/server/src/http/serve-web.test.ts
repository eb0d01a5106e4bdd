import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWeb } from './serve-web.js';

describe('serveWeb', () => {
  let webRoot: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'examforge-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(webRoot, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(webRoot, 'assets', 'index-CFvJQU_V.js'), 'export {};');
    app = Fastify();
    await serveWeb(app, webRoot);
  });
  afterAll(async () => {
    await app.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves the service worker from the root, revalidated on every load, for the whole app', async () => {
    const reply = await app.inject('/sw.js');
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toMatch(/javascript/);
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.headers['service-worker-allowed']).toBe('/');
  });

  it('lets browsers keep hashed build files, and checks index.html on every page load', async () => {
    expect((await app.inject('/assets/index-CFvJQU_V.js')).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const path of ['/', '/index.html', '/exam/review']) {
      const reply = await app.inject(path);
      expect(reply.statusCode, path).toBe(200);
      expect(reply.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('answers a missing file or API route with a 404, not the app', async () => {
    expect((await app.inject('/assets/gone-AAAAAAAA.js')).statusCode).toBe(404);
    expect((await app.inject('/api/nothing')).json()).toMatchObject({ code: 'not-found' });
  });
});
