import { Agent, request } from 'node:http';

/**
 * The exam-day bench's student: one request at a time over node:http with kept-alive connections, shared by all the
 * bench's students. It shares the machine's two cores with the server it measures, and fetch (undici, with its web
 * streams and Headers) cost it about as much CPU per save as the server spent answering it; this costs a fraction.
 * Like HttpStudent it keeps the session cookie and the CSRF token, and it sees every reply (a 503 is the caller's to
 * count and wait out).
 */
export class BenchStudent {
  private cookie = '';
  private csrf = '';

  constructor(private readonly server: { readonly hostname: string; readonly port: number; readonly agent: Agent }) {}

  request(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = {};
    if (data !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(data);
    }
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const { hostname, port, agent } = this.server;
    return new Promise((resolve, reject) => {
      const sent = request({ hostname, port, agent, method, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const setCookie = response.headers['set-cookie']?.[0];
          if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
          const text = Buffer.concat(chunks).toString();
          let json: any;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = { code: 'not-json', message: text.slice(0, 300) };
          }
          if (typeof json?.csrfToken === 'string') this.csrf = json.csrfToken;
          resolve({ status: response.statusCode ?? 0, json });
        });
      });
      sent.on('error', reject);
      sent.end(data);
    });
  }

  async joinAndStart(accessCode: string): Promise<void> {
    const joined = await this.request('POST', '/api/student/join', { accessCode });
    if (joined.status !== 200) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.json)}`);
    const started = await this.request('POST', '/api/attempt/start', {});
    if (started.status !== 200) throw new Error(`start: ${started.status} ${JSON.stringify(started.json)}`);
  }
}

/** Connections kept open between requests and reused (as a browser's are), as many as the students need at once. */
export function benchConnections(url: string): { hostname: string; port: number; agent: Agent } {
  const { hostname, port } = new URL(url);
  return { hostname, port: Number(port), agent: new Agent({ keepAlive: true }) };
}
