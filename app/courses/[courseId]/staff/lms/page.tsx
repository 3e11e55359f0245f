import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { StaffBreadcrumb } from '../staff-breadcrumb';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { formatDateTime } from '@/app/_lib/format-date.shared';
import { configuredOrigins } from '@/env';
import { toolUrls } from '@/db/lti/urls';
import { selectPlatformOverview, selectScoreSyncsForCourse } from '@/db/queries/lti';
import { RegisterPlatformForm } from './register-platform-form';
import { retryScoreSyncsAction, setPlatformEnabledAction } from './actions';

export const metadata: Metadata = { title: 'LMS connection' };

/** The public origin the LMS must use: AUTH_URL behind a proxy, else the host this page was asked on. */
async function siteOrigin(): Promise<string> {
  const configured = configuredOrigins()[0];
  if (configured) return new URL(configured).origin;
  const h = await headers();
  return `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('x-forwarded-host') ?? h.get('host')}`;
}

/** LTI 1.3: the tool's URLs for the LMS administrator, registered platforms, and the course's grade passback. */
export default async function LmsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { user, course } = await requireCapability(courseId, 'lms.manage', `/courses/${courseId}/staff/lms`);
  const [platforms, syncs] = await Promise.all([forbiddenOnRefusal(selectPlatformOverview(user.id, course.id)), forbiddenOnRefusal(selectScoreSyncsForCourse(user.id, course.id))]);
  const urls = toolUrls(await siteOrigin());
  const canvasJson = JSON.stringify(
    {
      title: 'Tensorgrade',
      description: 'Auto-graded exercises and quizzes',
      oidc_initiation_url: urls.loginUrl,
      target_link_uri: urls.launchUrl,
      public_jwk_url: urls.jwksUrl,
      scopes: [
        'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
        'https://purl.imsglobal.org/spec/lti-ags/scope/score',
        'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
      ],
      extensions: [
        {
          platform: 'canvas.instructure.com',
          privacy_level: 'public',
          settings: { placements: [{ placement: 'link_selection', message_type: 'LtiResourceLinkRequest', target_link_uri: urls.launchUrl }] },
        },
      ],
    },
    null,
    2,
  );
  const pending = syncs.filter((s) => s.status !== 'sent');

  return (
    <div className="space-y-6">
      <StaffBreadcrumb course={course} />
      <h1 className="text-2xl font-semibold">LMS connection</h1>
      <section className="card space-y-3" aria-labelledby="tool-config">
        <h2 id="tool-config" className="text-lg font-semibold">
          Tool configuration (LTI 1.3)
        </h2>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">Dynamic registration URL</dt>
          <dd className="font-mono break-all">{urls.dynamicRegistrationUrl}</dd>
          <dt className="font-medium">OIDC login URL</dt>
          <dd className="font-mono break-all">{urls.loginUrl}</dd>
          <dt className="font-medium">Launch / redirect URL</dt>
          <dd className="font-mono break-all">{urls.launchUrl}</dd>
          <dt className="font-medium">Public keyset (JWKS) URL</dt>
          <dd className="font-mono break-all">{urls.jwksUrl}</dd>
          <dt className="font-medium">Custom parameter</dt>
          <dd className="font-mono break-all">item_id=&lt;the item id from the item page URL&gt;</dd>
        </dl>
        <details>
          <summary className="cursor-pointer text-sm font-medium">JSON configuration for Canvas (Developer Keys → LTI key → Paste JSON)</summary>
          <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-3 text-xs">{canvasJson}</pre>
        </details>
      </section>

      <section className="card space-y-3" aria-labelledby="platforms">
        <h2 id="platforms" className="text-lg font-semibold">
          Platforms
        </h2>
        {platforms.length === 0 ? (
          <p className="text-slate-600">No LMS is registered yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className="py-2 pr-3 font-medium">Platform</th>
                <th className="py-2 pr-3 font-medium">Client · deployments</th>
                <th className="py-2 pr-3 font-medium">Last launch</th>
                <th className="py-2 pr-3 font-medium">Last error</th>
                <th className="py-2 font-medium">State</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {platforms.map((p) => (
                <tr key={p.id} className="align-top" data-testid="lms-platform-row">
                  <td className="py-2 pr-3">
                    {p.name}
                    <span className="block font-mono text-xs break-all text-slate-500">{p.issuer}</span>
                    {p.linkedHere && <span className="text-xs text-emerald-700">serves this course</span>}
                  </td>
                  <td className="py-2 pr-3 font-mono text-xs break-all">
                    {p.clientId} · {p.deploymentIds.join(', ') || '—'}
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">{p.lastLaunchAt ? formatDateTime(p.lastLaunchAt, course.timeZone) : 'never'}</td>
                  <td className="py-2 pr-3 text-red-800">{p.lastError ? `${p.lastError} (${formatDateTime(p.lastErrorAt!, course.timeZone)})` : '—'}</td>
                  <td className="py-2">
                    {p.disabledAt ? 'disabled' : 'enabled'}
                    {user.isAdmin && (
                      <form action={setPlatformEnabledAction} className="mt-1">
                        <input type="hidden" name="courseId" value={course.id} />
                        <input type="hidden" name="platformId" value={p.id} />
                        <input type="hidden" name="enable" value={p.disabledAt ? '1' : '0'} />
                        <button className="btn-secondary">
                          {p.disabledAt ? 'Enable' : 'Disable'}
                          <span className="sr-only"> {p.name}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {user.isAdmin ? (
          <details>
            <summary className="cursor-pointer text-sm font-medium">Register a platform by hand</summary>
            <div className="mt-3">
              <RegisterPlatformForm courseId={course.id} />
            </div>
          </details>
        ) : (
          <p className="text-sm text-slate-600">A platform administrator registers or disables an LMS (it serves every course).</p>
        )}
      </section>

      <section className="card space-y-3" aria-labelledby="passback">
        <h2 id="passback" className="text-lg font-semibold">
          Grades sent to the LMS
        </h2>
        <p className="text-sm text-slate-600">
          {syncs.length - pending.length} delivered, {pending.filter((s) => s.status !== 'failed').length} waiting, {pending.filter((s) => s.status === 'failed').length} failed.
        </p>
        {pending.length > 0 && (
          <ul className="divide-y divide-slate-200 text-sm" aria-label="Waiting or failed scores">
            {pending.map((s) => (
              <li key={`${s.resourceLinkId}:${s.userId}`} className="py-1" data-testid="lms-sync-row">
                {s.name}: {s.status}
                {s.attempts > 0 && `, ${s.attempts} attempt(s)`}
                {s.lastError && <span className="block text-xs text-red-800">{s.lastError}</span>}
              </li>
            ))}
          </ul>
        )}
        {pending.some((s) => s.status === 'failed') && (
          <form action={retryScoreSyncsAction}>
            <input type="hidden" name="courseId" value={course.id} />
            <button className="btn-secondary">Retry failed</button>
          </form>
        )}
      </section>
    </div>
  );
}
