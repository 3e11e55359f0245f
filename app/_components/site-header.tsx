import Link from 'next/link';
import { getOptionalUser } from '@/app/_lib/authz';
import { signOutAction } from '@/app/_lib/sign-out.action';

export async function SiteHeader() {
  const user = await getOptionalUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href={user ? '/courses' : '/login'} className="text-lg font-bold tracking-tight text-indigo-700">
          Tensorgrade
        </Link>
        {user ? (
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-700" data-testid="signed-in-user">
              {user.name}
            </span>
            <form action={signOutAction}>
              <button type="submit" className="btn-secondary">
                Sign out
              </button>
            </form>
          </div>
        ) : (
          <nav className="flex gap-4 text-sm">
            <Link href="/login" className="link">
              Sign in
            </Link>
            <Link href="/register" className="link">
              Register
            </Link>
          </nav>
        )}
      </div>
    </header>
  );
}
