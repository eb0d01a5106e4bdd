import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/**
 * `/api/docs`: a readable reference (Swagger UI) drawn from the same OpenAPI document that `/api/docs/json` serves.
 * Swagger UI's page loads its scripts and styles from the server itself, with no inline script, so the app's strict
 * Content-Security-Policy (`default-src 'self'`) holds here too; the validator badge, which would fetch an image from
 * another site, is off.
 */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    validatorUrl: false,
    // BaseLayout: the reference without Swagger's top bar (a box to load another document, a vendor logo).
    uiConfig: { layout: 'BaseLayout', docExpansion: 'list', deepLinking: true, tryItOutEnabled: false },
    theme: { title: 'Examforge API' },
  });
}
