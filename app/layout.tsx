import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";

import { OperatorProvider } from "@/components/auth/operator-context";
import { DevelopmentSignInBanner, UserMenu } from "@/components/auth/user-menu";
import { NavLinks } from "@/components/shell/nav-links";
import { IntentLink } from "@/components/ui/intent-link";
import { Providers } from "@/components/shell/providers";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { HydrateLater } from "@/components/ui/hydrate-later";
import { currentOperator } from "@/lib/auth/session";
import { NONCE_HEADER } from "@/lib/security/csp";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pooldeck", template: "%s · Pooldeck" },
  description: "Configure Prefect work pools and deployments that run on Amazon ECS",
  // public/icon.svg; public/robots.txt keeps the private dashboard out of indexes
  icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
  robots: { index: false, follow: false },
};

// Applies the stored or OS theme before first paint, so dark mode never flashes light.
const themeScript = `try{var t=localStorage.getItem("pooldeck-theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts sets the nonce; reading it also renders every page per request, which nonces need
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  const operator = await currentOperator();
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen">
        <Providers>
          {/* Tab's first stop: past the header's links to the page's own content (WCAG 2.4.1) */}
          <a
            href="#main"
            className="sr-only z-50 rounded-md bg-card text-sm font-medium shadow-sm focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-3 focus:py-2"
          >
            Skip to content
          </a>
          {/* below md its parts wrap onto lines of their own, and it scrolls away with the page */}
          <header className="z-30 border-b border-border bg-card/90 backdrop-blur md:sticky md:top-0">
            {/* the page's own controls hydrate first (see HydrateLater) */}
            <HydrateLater>
              <nav
                aria-label="Main"
                className="mx-auto flex min-h-12 max-w-[1600px] flex-wrap items-center gap-x-6 gap-y-1 px-4 py-1.5"
              >
                <IntentLink
                  href="/"
                  className="flex items-center gap-2 text-sm font-semibold tracking-tight"
                >
                  <span
                    aria-hidden
                    className="grid h-6 w-6 place-items-center rounded-md bg-primary text-[11px] font-bold text-primary-foreground"
                  >
                    Pd
                  </span>
                  Pooldeck
                </IntentLink>
                {/* signed out, every link would only lead back to the sign-in page */}
                {operator ? (
                  // below md: last, a line of its own, its first link under the logo
                  <div className="max-md:order-last max-md:-mx-2.5 max-md:basis-full">
                    <NavLinks />
                  </div>
                ) : null}
                <div className="ml-auto flex items-center gap-3">
                  <UserMenu operator={operator} />
                  <ThemeToggle />
                </div>
              </nav>
            </HydrateLater>
            <DevelopmentSignInBanner operator={operator} />
          </header>
          <OperatorProvider
            operator={
              operator ? { displayName: operator.displayName, roles: operator.roles } : null
            }
          >
            <main id="main" className="mx-auto max-w-[1600px] px-4 py-6">
              {children}
            </main>
          </OperatorProvider>
        </Providers>
      </body>
    </html>
  );
}
