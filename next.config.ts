import type { NextConfig } from 'next';

// Pages run nothing but this origin's scripts (Next's inline bootstrap scripts need 'unsafe-inline';
// nonces would make every page dynamic), and Monaco and KaTeX inject styles. React's dev build
// needs eval for its error overlay; `next build` reads this with NODE_ENV=production.
const PAGE_CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

// A worker's policy is the one sent with its script, not its page's, and the Run worker evaluates
// the student's code (as the grading sandbox does): scripts under /_next/static may eval; they
// still reach nothing but this origin. Loaded by a <script> tag, a script's own CSP does nothing.
const WORKER_CSP = "default-src 'self'; script-src 'self' 'unsafe-eval'; connect-src 'self'; object-src 'none'";

const nextConfig: NextConfig = {
  // Native or WASM packages that must be loaded by Node at run time, not bundled.
  serverExternalPackages: ['isolated-vm', '@electric-sql/pglite', '@node-rs/argon2', 'pg-boss', 'esbuild', 'postgres'],
  poweredByHeader: false,
  // forbidden() from next/navigation: refused course pages answer 403 with no course data.
  // What protects server actions (next/dist/server/app-render/action-handler.js, Next 16.4): the body
  // is piped through a byte-counting Transform (multipart through busboy with fieldSize capped too)
  // that fails with 413 "Body exceeded 3mb limit" once bodySizeLimit is passed, so nothing bigger is
  // buffered; and an Origin whose host differs from x-forwarded-host / Host aborts the action
  // ("Invalid Server Actions request", no allowedOrigins configured). A request with no Origin at all
  // is let through with a warning: browsers always send Origin on POST, so that is only a hand-made
  // request carrying its own cookie. Route handlers get neither: they read bodies through
  // app/_lib/json-request.ts. 3 MB is what the largest legit action needs: zip imports go through a
  // server action, and this leaves room above the importer's own 2 MB cap (and form overhead) so an
  // oversize zip gets the importer's clear message, not Next's generic one; authoring drafts send
  // up to five files of exercise text (up to 512 KB each by DraftFilesSchema) in one action too.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '3mb' } },
  // On every response; of two rules setting one header the later wins.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: PAGE_CSP },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
      { source: '/_next/static/:path*', headers: [{ key: 'Content-Security-Policy', value: WORKER_CSP }] },
    ];
  },
};

export default nextConfig;
