/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build dirs let several dev servers (tests, benchmarks) run from one checkout.
  distDir: process.env.POOLDECK_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  // `npm test` and CI run `tsc --noEmit` (strict) before every build; a second full type-check
  // inside `next build` would only add ~45 s on our 2-core machines.
  typescript: { ignoreBuildErrors: true },
  // server actions accept templates up to 1 MB (lib/actions/types.ts) and refuse bigger ones with a
  // sentence; Next's own 1 MB default would cut them off first with an opaque error
  experimental: { serverActions: { bodySizeLimit: "4mb" } },
};

export default nextConfig;
