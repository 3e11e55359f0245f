import { isFinalStatus, type PublicSubmission } from '../../app/api/submissions/submission.shared';

/** A virtual student talking to the real HTTP endpoints with a cookie jar, as a browser would. */
export class HttpStudent {
  private cookies = new Map<string, string>();

  constructor(
    private readonly base: string,
    readonly email: string,
    private readonly password: string,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, {
      ...init,
      redirect: 'manual',
      // A browser's same-origin POST carries Origin; the JSON routes refuse cross-site requests.
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader(), origin: this.base },
    });
    this.remember(response);
    return response;
  }

  /** Auth.js credentials sign-in: CSRF token, then the callback that sets the session cookie. */
  async signIn(): Promise<void> {
    const { csrfToken } = (await (await this.request('/api/auth/csrf')).json()) as { csrfToken: string };
    const body = new URLSearchParams({ email: this.email, password: this.password, csrfToken, callbackUrl: '/courses' });
    await this.request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    if (![...this.cookies.keys()].some((name) => name.includes('session-token'))) throw new Error(`sign-in failed for ${this.email}`);
  }

  async submit(itemId: string, code: string): Promise<{ status: number; submissionId?: string; error?: string }> {
    const response = await this.request('/api/submissions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ itemId, code }),
    });
    const body = (await response.json().catch(() => ({}))) as { submissionId?: string; error?: string };
    return { status: response.status, ...body };
  }

  async poll(submissionId: string): Promise<{ status: string; createdAt: string; gradedAt: string | null; score: number | null }> {
    return (await (await this.request(`/api/submissions/${submissionId}`)).json()) as never;
  }

  /**
   * Follows a submission the way the exercise page does, by its server-sent events, until an event
   * with a final status arrives; resolves with that event and when this process received it.
   * Null when the stream ended (or was refused) first: the caller falls back to polling, as the page does.
   */
  async follow(submissionId: string, signal: AbortSignal): Promise<{ status: string; score: number | null; receivedAt: number } | null> {
    const response = await this.request(`/api/submissions/${submissionId}/events`, { signal, headers: { accept: 'text/event-stream' } });
    if (!response.ok || !response.body) return null;
    const decoder = new TextDecoder();
    let buffered = '';
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (!block.startsWith('data: ')) continue;
        const event = JSON.parse(block.slice('data: '.length)) as Pick<PublicSubmission, 'status' | 'score'>;
        if (isFinalStatus(event.status)) {
          const at = Date.now();
          await reader.cancel();
          return { status: event.status, score: event.score, receivedAt: at };
        }
      }
    }
    return null;
  }
}
