/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build dirs let several dev servers (tests, benchmarks) run from one checkout.
  distDir: process.env.POOLDECK_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
