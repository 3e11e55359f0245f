import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/app/_components/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tensorgrade', template: '%s · Tensorgrade' },
  description: 'Auto-graded TensorFlow.js exercises and quizzes for deep generative models.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
