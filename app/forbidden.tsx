import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="card mx-auto max-w-lg text-center">
      <h1 className="text-xl font-semibold">You don’t have access to this page</h1>
      <p className="mt-2 text-slate-600">It is only open to the course’s staff. Ask an instructor if you think this is a mistake.</p>
      <Link href="/courses" className="link mt-4 inline-block">
        Back to your courses
      </Link>
    </div>
  );
}
