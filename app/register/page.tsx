import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getOptionalUser } from '@/app/_lib/authz';
import { safeReturnPath } from '@/app/_lib/form-state.shared';
import { RegisterForm } from './register-form';

export const metadata: Metadata = { title: 'Create an account' };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  const returnPath = typeof callbackUrl === 'string' ? safeReturnPath(callbackUrl) : undefined;
  if (await getOptionalUser()) redirect(returnPath ?? '/courses');
  return (
    <div className="card mx-auto max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">Create an account</h1>
      <p className="mb-6 text-sm text-slate-600">You can join your course with its join code once you are signed in.</p>
      <RegisterForm callbackUrl={returnPath} />
    </div>
  );
}
