import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native or WASM packages that must be loaded by Node at run time, not bundled.
  serverExternalPackages: ['isolated-vm', '@electric-sql/pglite', '@node-rs/argon2', 'pg-boss', 'esbuild', 'postgres'],
  poweredByHeader: false,
};

export default nextConfig;
