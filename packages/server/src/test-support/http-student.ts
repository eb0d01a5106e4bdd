/** A student over real HTTP (fetch on loopback), as load tests and the crash test drive the server. */
export class HttpStudent {
  private cookie = '';
  private csrf = '';

  constructor(private readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.cookie && { cookie: this.cookie }),
        ...(this.csrf && method !== 'GET' && { 'x-csrf-token': this.csrf }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const json = parseReply(await response.text());
    const token = (json as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (typeof token === 'string') this.csrf = token;
    return { status: response.status, json };
  }

  /** A raw upload (a scan, an image) with the session's cookie and CSRF token. */
  async upload(path: string, body: Buffer, contentType: string): Promise<{ status: number; json: any }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': contentType, cookie: this.cookie, 'x-csrf-token': this.csrf },
      body,
    });
    return { status: response.status, json: parseReply(await response.text()) };
  }

  async joinAndStart(accessCode: string): Promise<void> {
    const joined = await this.request('POST', '/api/student/join', { accessCode });
    if (joined.status !== 200) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.json)}`);
    const started = await this.request('POST', '/api/attempt/start', {});
    if (started.status !== 200) throw new Error(`start: ${started.status} ${JSON.stringify(started.json)}`);
  }
}

/** The app answers JSON; a proxy in front may answer its own HTML page (502, 503), kept as the message. */
function parseReply(text: string): any {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { code: 'not-json', message: text.slice(0, 300) };
  }
}
