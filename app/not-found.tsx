import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="card mx-auto max-w-lg text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">It does not exist, or you are not a member of this course.</p>
      <Link href="/courses" className="link mt-4 inline-block">
        Back to your courses
      </Link>
    </div>
  );
}
