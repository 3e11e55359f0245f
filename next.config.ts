import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native or WASM packages that must be loaded by Node at run time, not bundled.
  serverExternalPackages: ['isolated-vm', '@electric-sql/pglite', '@node-rs/argon2', 'pg-boss', 'esbuild', 'postgres'],
  poweredByHeader: false,
  // forbidden() from next/navigation: refused course pages answer 403 with no course data.
  // Zip imports go through a server action: room above the importer's own 2 MB cap (and form
  // overhead) so an oversize zip gets the importer's clear message, not Next's generic one.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '3mb' } },
};

export default nextConfig;
