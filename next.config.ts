import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native or WASM packages that must be loaded by Node at run time, not bundled.
  serverExternalPackages: ['isolated-vm', '@electric-sql/pglite', '@node-rs/argon2', 'pg-boss', 'esbuild', 'postgres'],
  poweredByHeader: false,
  // forbidden() from next/navigation: refused course pages answer 403 with no course data.
  experimental: { authInterrupts: true },
};

export default nextConfig;
