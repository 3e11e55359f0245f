import { getOptionalUser } from '@/app/_lib/authz';
import { selectOwnSubmission } from '@/db/queries/submissions';
import { followSubmission } from '@/db/grading/notify';
import { publicSubmission } from '../../public-submission';
import { isFinalStatus } from '../../submission.shared';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const KEEP_ALIVE_MS = 15_000;
// A stream holds a listener and a socket; a student has one page following one submission, a few
// tabs at most. Past this the page falls back to polling.
const STREAMS_PER_USER = 4;
const openStreams = new Map<string, number>();

/**
 * Server-sent events for one's own submission: its current state at once, then every change the
 * grader announces (db/grading/notify.ts), closing once it is final. Authorised and serialised
 * exactly like the polled GET next door.
 */
export async function GET(request: Request, ctx: { params: Promise<{ submissionId: string }> }) {
  const { submissionId } = await ctx.params;
  const user = await getOptionalUser();
  if (!user) return Response.json({ error: 'You were signed out; sign in again.' }, { status: 401 });
  const first = await selectOwnSubmission(user.id, submissionId);
  if (!first) return Response.json({ error: 'No such submission.' }, { status: 404 });
  const open = openStreams.get(user.id) ?? 0;
  if (open >= STREAMS_PER_USER) return Response.json({ error: 'Too many open status streams.' }, { status: 429 });
  openStreams.set(user.id, open + 1);

  const encoder = new TextEncoder();
  let finish = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let unfollow = () => {};
      const keepAlive = setInterval(() => write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      finish = () => {
        if (closed) return;
        closed = true;
        clearInterval(keepAlive);
        unfollow();
        request.signal.removeEventListener('abort', finish);
        const left = (openStreams.get(user.id) ?? 1) - 1;
        if (left > 0) openStreams.set(user.id, left);
        else openStreams.delete(user.id);
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      function write(text: string) {
        if (!closed) controller.enqueue(encoder.encode(text));
      }
      // Changes that arrive while one read is in flight collapse into one more read after it.
      let reading: Promise<void> | null = null;
      let again = false;
      const send = async (row: Awaited<ReturnType<typeof selectOwnSubmission>>) => {
        if (!row) return finish();
        write(`data: ${JSON.stringify(publicSubmission(row))}\n\n`);
        if (isFinalStatus(row.status)) finish();
      };
      const refresh = () => {
        if (reading) {
          again = true;
          return;
        }
        reading = (async () => {
          do {
            again = false;
            await send(await selectOwnSubmission(user.id, submissionId));
          } while (again && !closed);
          reading = null;
        })().catch(() => finish());
      };
      if (request.signal.aborted) return finish();
      request.signal.addEventListener('abort', finish);
      const stopFollowing = await followSubmission(submissionId, refresh);
      // The client may have left while LISTEN was being set up: stop at once instead of leaking the listener.
      if (closed) return stopFollowing();
      unfollow = stopFollowing;
      // Read again after listening: a change between the first read and LISTEN is not missed.
      await send(first);
      if (!closed) refresh();
    },
    cancel() {
      finish();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' } });
}
