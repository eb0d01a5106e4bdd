import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../test-support/test-app.js';

describe('/api/docs', () => {
  let world: TestWorld;

  beforeAll(async () => {
    world = await createTestWorld('sqlite');
  });
  afterAll(() => world.close());

  it('serves a reference page whose scripts all come from the server, under the strict CSP', async () => {
    const page = await world.client().get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // No inline script: every <script> has a src on this server.
    const scripts = [...page.text.matchAll(/<script([^>]*)>/g)].map((match) => match[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toMatch(/src="\/api\/docs\/static\/[^"]+\.js"/);
    for (const src of scripts.map((attributes) => /src="([^"]+)"/.exec(attributes)?.[1] ?? '')) {
      expect((await world.client().get(src)).status, src).toBe(200);
    }
  });

  it('keeps the OpenAPI document at /api/docs/json, without the page’s own routes', async () => {
    const document = await world.client().get('/api/docs/json');
    expect(document.status).toBe(200);
    expect(document.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(document.body.paths as object);
    expect(paths).toEqual(expect.arrayContaining(['/api/attempt/answers', '/api/health', '/api/ready']));
    expect(paths.filter((path) => path.startsWith('/api/docs') || path === '/metrics')).toEqual([]);
  });
});
