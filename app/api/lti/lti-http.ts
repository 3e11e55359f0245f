import 'server-only';
import { encode } from 'next-auth/jwt';
import { configuredOrigins, getEnv } from '@/env';
import { isRefusal } from '@/db/queries/errors';
import { httpStatus } from '@/app/_lib/refusal';

/** Cookie binding an OIDC login to the browser it started in; only on the LTI paths. */
export const STATE_COOKIE = 'tg-lti-state';
const SESSION_MAX_AGE = 30 * 24 * 3600; // Auth.js's default session age

/** This site's public origin, as the LMS sees it: AUTH_URL when set (behind a proxy), else the request's. */
export function toolOrigin(request: Request): string {
  return configuredOrigins()[0] ? new URL(configuredOrigins()[0]).origin : new URL(request.url).origin;
}

/**
 * LTI runs inside the LMS's iframe, a third-party context: its cookies must be SameSite=None; Secure
 * (browsers accept Secure on http://localhost, which the tests use). Everything else keeps Auth.js's Lax.
 */
export function crossSiteCookie(name: string, value: string, options: { path: string; maxAge: number }): string {
  return `${name}=${value}; Path=${options.path}; Max-Age=${options.maxAge}; HttpOnly; Secure; SameSite=None`;
}

/**
 * Signs the launched user in the way Auth.js does (its JWT session, encrypted with AUTH_SECRET and salted
 * with the cookie name), so the rest of the app reads the session through auth() as after a password sign-in.
 */
export async function sessionCookie(request: Request, user: { userId: string; sessionVersion: number }): Promise<string> {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is required for LMS launches (npm start creates one).');
  const secure = new URL(toolOrigin(request)).protocol === 'https:';
  const name = secure ? '__Secure-authjs.session-token' : 'authjs.session-token';
  const token = await encode({ token: { sub: user.userId, sessionVersion: user.sessionVersion }, secret, salt: name, maxAge: SESSION_MAX_AGE });
  return crossSiteCookie(name, token, { path: '/', maxAge: SESSION_MAX_AGE });
}

/** An HTML page for a refused launch: the user sees it inside the LMS, so it must read as a sentence. */
export function launchErrorPage(error: unknown): Response {
  const status = isRefusal(error) ? httpStatus(error.code) : 500;
  const message = isRefusal(error) ? error.message : 'The LMS launch failed. Try again from the LMS; if it keeps failing, tell your instructor.';
  if (!isRefusal(error)) console.error('[lti] launch failed:', error instanceof Error ? error.message : 'unknown error');
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Tensorgrade: LMS launch</title><main style="font-family:system-ui;max-width:40rem;margin:3rem auto"><h1>Tensorgrade could not open this activity</h1><p>${escapeHtml(message)}</p></main></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** LTI posts forms; read one, capped (an id_token is a few kB). */
export async function readForm(request: Request, maxBytes = 64 * 1024): Promise<Record<string, string>> {
  if (request.method === 'GET') return Object.fromEntries(new URL(request.url).searchParams);
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return {};
  const text = await request.text();
  if (text.length > maxBytes) return {};
  return Object.fromEntries(new URLSearchParams(text));
}
