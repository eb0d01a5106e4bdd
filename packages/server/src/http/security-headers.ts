import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * The security headers of every response (helmet's, with our Content Security Policy), worked out once when the app
 * is built. @fastify/helmet built helmet's middleware again for every request, parsing the policy each time: about a
 * twentieth of the event loop's work on exam day's saves. The headers never vary by request here, so they are
 * computed once and set as helmet would set them. A route may still send its own (an imported bank's image sends a
 * sandboxing policy): a header set on the reply wins over these.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { secureCookies: boolean }): void {
  const headers = securityHeaders(options.secureCookies);
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}

function securityHeaders(secureCookies: boolean): [string, string][] {
  const middleware = helmet({
    // Served over plain HTTP on a campus network too: no HTTPS upgrade or HSTS unless cookies are marked Secure.
    strictTransportSecurity: secureCookies,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: secureCookies ? [] : null,
        defaultSrc: ["'self'"],
        // KaTeX sets inline styles on the math it renders.
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", 'data:'],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // The offline shell's service worker, /sw.js (default-src would allow it too; said here so it stays allowed).
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  // helmet sets its headers on a response (and removes X-Powered-By, which Fastify never sends): recorded here once.
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string) => headers.set(name, value),
    removeHeader: (name: string) => headers.delete(name),
  };
  let failed: unknown;
  middleware({} as never, response as never, (error?: unknown) => (failed = error));
  if (failed !== undefined) throw new Error('helmet refused the security headers’ settings', { cause: failed });
  return [...headers];
}
