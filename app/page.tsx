import { redirect } from 'next/navigation';
import { getOptionalUser } from '@/app/_lib/authz';

export default async function HomePage() {
  redirect((await getOptionalUser()) ? '/courses' : '/login');
}
