/**
 * A student (or staff member) over real HTTP (fetch on loopback), as load tests and the crash test drive the server.
 * Like the web app, it waits out a `503 busy` for its `Retry-After` and sends again, unless told to see every reply
 * (`retryBusy: false`, for the tests and benchmarks that count refusals).
 */
export class HttpStudent {
  private cookie = '';
  private csrf = '';

  constructor(
    private readonly baseUrl: string,
    /** Wait out `503 busy` and send again, as the web app does (false: see every refusal). */
    public retryBusy = true,
  ) {}

  async request(method: string, path: string, body?: unknown): Promise<Reply> {
    return this.send(
      method,
      path,
      body === undefined ? undefined : { type: 'application/json', data: JSON.stringify(body) },
    );
  }

  /** A raw upload (a scan, an image) with the session's cookie and CSRF token. */
  async upload(path: string, body: Buffer, contentType: string): Promise<Reply> {
    return this.send('POST', path, { type: contentType, data: body });
  }

  private async send(
    method: string,
    path: string,
    body?: { readonly type: string; readonly data: string | Buffer },
  ): Promise<Reply> {
    for (let attempt = 1; ; attempt += 1) {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(body && { 'content-type': body.type }),
          ...(this.cookie && { cookie: this.cookie }),
          ...(this.csrf && method !== 'GET' && { 'x-csrf-token': this.csrf }),
        },
        ...(body && { body: body.data }),
      });
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
      const json = parseReply(await response.text());
      const token = (json as { csrfToken?: unknown } | undefined)?.csrfToken;
      if (typeof token === 'string') this.csrf = token;
      const busy = response.status === 503 && json?.code === 'busy';
      const retryAfter = response.headers.get('retry-after');
      if (!busy || !this.retryBusy || attempt >= MAX_BUSY_RETRIES)
        return { status: response.status, json, ...(retryAfter !== null && { retryAfter: Number(retryAfter) }) };
      const seconds = Number(retryAfter ?? 1);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }

  /** The session's cookie and CSRF token, for a request made by hand. */
  credentials(): Record<string, string> {
    return { cookie: this.cookie, 'x-csrf-token': this.csrf };
  }

  async joinAndStart(accessCode: string): Promise<void> {
    const joined = await this.request('POST', '/api/student/join', { accessCode });
    if (joined.status !== 200) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.json)}`);
    const started = await this.request('POST', '/api/attempt/start', {});
    if (started.status !== 200) throw new Error(`start: ${started.status} ${JSON.stringify(started.json)}`);
  }
}

/** A reply: its status, its body parsed, and its `Retry-After` in seconds when it has one. */
export interface Reply {
  readonly status: number;
  readonly json: any;
  readonly retryAfter?: number;
}

/** Refusals waited out before a request gives up and returns the 503 (a server saturated for minutes). */
const MAX_BUSY_RETRIES = 30;

/** The app answers JSON; a proxy in front may answer its own HTML page (502, 503), kept as the message. */
function parseReply(text: string): any {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { code: 'not-json', message: text.slice(0, 300) };
  }
}
