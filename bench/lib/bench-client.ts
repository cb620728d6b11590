import { Agent, request } from 'node:http';
import { HttpClient } from '../../server/test/http-client.js';

export interface BenchResponse {
  status: number;
  // biome-ignore lint: the bench reads a few known fields of JSON answers
  body: any;
}

/**
 * One signed-in operator at one merchant: a single keep-alive connection (node:http), the session
 * cookie and the CSRF token, as the web app sends them.
 */
export class BenchClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly host: string;
  private readonly port: number;

  constructor(
    baseUrl: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
  }

  call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<BenchResponse> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return this.send(method, path, payload, 'application/json');
  }

  /** A multipart upload of one file in the field "file", as the web app's receipt form sends it. */
  upload(path: string, file: { name: string; type: string; bytes: Buffer }): Promise<BenchResponse> {
    const boundary = `----bench${Math.random().toString(16).slice(2)}`;
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.send('POST', path, payload, `multipart/form-data; boundary=${boundary}`);
  }

  private send(method: 'GET' | 'POST', path: string, payload: Buffer | undefined, contentType: string): Promise<BenchResponse> {
    const headers: Record<string, string | number> = { cookie: this.cookie };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    if (payload !== undefined) {
      headers['content-type'] = contentType;
      headers['content-length'] = payload.length;
    }
    return new Promise((resolve, reject) => {
      const req = request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const json = (res.headers['content-type'] ?? '').includes('json');
          resolve({ status: res.statusCode ?? 0, body: json && text ? JSON.parse(text) : text });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** The session cookie header, for a caller that streams a download itself. */
  get cookieHeader(): string {
    return this.cookie;
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * Signs an operator in the real way — SPID through the demo identity provider (a custom identity
 * with his codice fiscale) — and returns his client, working in his one structure, calling the
 * instance at `apiBaseUrl` (the demo provider keeps its login in flight in memory: sign in on one).
 */
export async function signInOperator(baseUrl: string, fiscalCode: string, apiBaseUrl = baseUrl): Promise<BenchClient> {
  const browser = new HttpClient(baseUrl);
  const { url: interaction } = await browser.follow(await browser.raw('GET', '/api/auth/oidc/spid/start'));
  if (!interaction.includes('/demo-idp/interaction/')) throw new Error(`no interaction page for ${fiscalCode}: ${interaction}`);
  const submitted = await browser.raw('POST', `${interaction}/login`, {
    form: { custom: '1', fiscalCode, givenName: 'Operatore', familyName: 'Bench' },
  });
  await browser.follow(submitted);
  const session = await browser.session();
  if (!session.structure) throw new Error(`${fiscalCode} signed in without a structure: ${JSON.stringify(session).slice(0, 200)}`);
  const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  // Sessions live in PostgreSQL: any instance of the server serves them.
  return new BenchClient(apiBaseUrl, cookie, browser.csrfToken);
}
