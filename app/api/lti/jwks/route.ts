import { publishedJwks } from '@/db/lti/keys';

export const dynamic = 'force-dynamic';

/** The tool's public keys (LTI: platforms verify our client assertions and deep-linking responses with them). */
export async function GET(): Promise<Response> {
  return Response.json(await publishedJwks(), { headers: { 'cache-control': 'public, max-age=300' } });
}
