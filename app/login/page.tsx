import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getOptionalUser } from '@/app/_lib/authz';
import { safeReturnPath } from '@/app/_lib/form-state.shared';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  const returnPath = typeof callbackUrl === 'string' ? safeReturnPath(callbackUrl) : undefined;
  if (await getOptionalUser()) redirect(returnPath ?? '/courses');
  return (
    <div className="card mx-auto max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">Sign in</h1>
      <p className="mb-6 text-sm text-slate-600">Use the e-mail address you registered with.</p>
      <LoginForm callbackUrl={returnPath} />
    </div>
  );
}
