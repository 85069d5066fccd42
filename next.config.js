// Separate build dirs let several dev servers (tests, benchmarks) run from one checkout.
const distDir = process.env.POOLDECK_DIST_DIR || ".next";

/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir,
  // What ships: <distDir>/standalone/server.js with only the node_modules the server uses;
  // scripts/build/postbuild.ts copies the static files and public/ beside it (README "Production").
  output: "standalone",
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  // `npm test` and CI run `tsc --noEmit` (strict) before every build; a second full type-check
  // inside `next build` would only add ~45 s on our 2-core machines.
  typescript: { ignoreBuildErrors: true },
  // server actions accept templates up to 1 MB (lib/actions/types.ts) and refuse bigger ones with a
  // sentence; Next's own 1 MB default would cut them off first with an opaque error. proxy.ts
  // refuses declared bodies over the same 4 MB with a sentence (lib/security/body-limit.ts).
  experimental: {
    serverActions: { bodySizeLimit: "4mb" },
    // Turbopack keeps a build cache in <distDir>/cache for the next build; a clean clone's CI
    // build has no next build, so .ci/run turns the cache off (POOLDECK_BUILD_CACHE=0).
    turbopackFileSystemCacheForBuild: process.env.POOLDECK_BUILD_CACHE !== "0",
    // Fewer, larger chunks. `next start` speaks HTTP/1.1, where Chromium opens six connections
    // per host and the page's own stream holds one: of the pool page's 11 chunks, the last waited
    // ~290 ms for a free connection before it was even requested (resource timing, cold load).
    // Costing a request at ~2 MB of source (default 200 kB) merges them: 7 chunks, 166 kB gzip
    // (was 168); every route loads fewer files and no more bytes (BENCHMARKS.md, form editable).
    turbopackChunking: { requestCost: 2_000_000, minChunkSize: 300_000 },
  },
  // monaco-editor 0.55's JSON language imports every editor feature as a side effect; this loader
  // drops those imports so only the features components/template-editor/monaco-setup.ts lists ship.
  turbopack: {
    rules: {
      "*.js": {
        condition: { path: /monaco-editor[\\/]esm[\\/]vs[\\/](?:language|common)[\\/]/ },
        loaders: ["./scripts/build/monaco-features-loader.cjs"],
      },
    },
  },
  // Every response, static files included. The Content-Security-Policy needs a per-request nonce
  // and is set in proxy.ts (lib/security/csp.ts); README "Security" lists all of them.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), usb=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
