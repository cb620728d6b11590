/**
 * A browser without a screen: keeps cookies, follows redirects by hand, sends the CSRF token like
 * the web app does. Good for route tests that must go through the real login.
 */
export class HttpClient {
  readonly cookies = new Map<string, string>();
  csrfToken = '';

  constructor(readonly baseUrl: string) {}

  private store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async raw(method: string, path: string, init: { body?: unknown; form?: Record<string, string>; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { cookie: this.cookieHeader(), ...init.headers };
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] = 'application/json';
    }
    const url = path.startsWith('http') ? path : `${this.baseUrl}${path}`;
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    this.store(response);
    return response;
  }

  /** An API call as the web app makes it: JSON, with the CSRF token on writes. */
  async api(method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = method === 'GET' ? {} : { 'x-csrf-token': this.csrfToken };
    const response = await this.raw(method, path, { body, headers });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }

  /** A file sent as the web app sends it: multipart, field "file", with the CSRF token. */
  async upload(path: string, file: { name: string; content: Buffer; type?: string }) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file.content)], { type: file.type ?? 'application/octet-stream' }), file.name);
    const url = path.startsWith('http') ? path : `${this.baseUrl}${path}`;
    const response = await fetch(url, { method: 'POST', headers: { cookie: this.cookieHeader(), 'x-csrf-token': this.csrfToken }, body: form, redirect: 'manual' });
    this.store(response);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }

  async session() {
    const s = await this.api('GET', '/api/session');
    this.csrfToken = s.body.csrfToken;
    return s.body;
  }

  /** Follows redirects from `response` until a page that is not a redirect; returns the last location. */
  async follow(response: Response): Promise<{ url: string; response: Response }> {
    let current = response;
    let url = '';
    for (let hops = 0; hops < 10 && current.status >= 300 && current.status < 400; hops++) {
      url = new URL(current.headers.get('location')!, this.baseUrl).href;
      current = await this.raw('GET', url);
    }
    return { url, response: current };
  }

  /** The real SPID (or CIE) round trip through the demo identity provider. */
  async signInWithSpid(fiscalCode: string, provider: 'spid' | 'cie' = 'spid') {
    const { url: interaction } = await this.follow(await this.raw('GET', `/api/auth/oidc/${provider}/start`));
    if (!interaction.includes('/demo-idp/interaction/')) throw new Error(`no interaction page: ${interaction}`);
    const submitted = await this.raw('POST', `${interaction}/login`, { form: { identity: fiscalCode } });
    const { url } = await this.follow(submitted);
    await this.session();
    return new URL(url);
  }

  async signInWithPassword(username: string, password: string, pin?: string) {
    await this.session();
    const result = await this.api('POST', '/api/auth/login', { username, password, ...(pin ? { pin } : {}) });
    if (result.status === 200) await this.session();
    return result;
  }

  async selectStructure(name: string) {
    const session = await this.session();
    const structure = session.structures.find((s: { name: string }) => s.name === name);
    if (!structure) throw new Error(`not enabled for ${name}`);
    const result = await this.api('POST', '/api/session/structure', { structureId: structure.id });
    if (result.status !== 204) throw new Error(`cannot select ${name}: ${result.status}`);
    return this.session();
  }
}
