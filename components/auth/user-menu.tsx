import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { Operator } from "@/lib/auth/operator";
import { signOut } from "@/lib/auth/sign-out";

/** The shell header's corner: who is signed in, their role, and sign-out. */
export function UserMenu({ operator }: { operator: Operator | null }) {
  if (!operator) return null;
  const editor = operator.roles.includes("editor");
  return (
    <div className="flex items-center gap-2 text-xs" aria-label="Signed-in user" role="group">
      <span className="text-muted-foreground">
        <span className="max-lg:sr-only">Signed in as </span>
        <span className="font-medium text-foreground">{operator.displayName}</span>
      </span>
      <Badge
        tone={editor ? "info" : "neutral"}
        aria-label={`Role: ${editor ? "editor" : "viewer"}`}
      >
        {editor ? "editor" : "viewer"}
      </Badge>
      {operator.provider === "development" ? null : (
        // a server action: the form posts before (or without) the page's JavaScript too
        <form action={signOut}>
          <Button type="submit" variant="ghost" size="sm">
            Sign out
          </Button>
        </form>
      )}
    </div>
  );
}

/** Shown under the header when `next dev` runs without sign-in: nobody should mistake it for production. */
export function DevelopmentSignInBanner({ operator }: { operator: Operator | null }) {
  if (operator?.provider !== "development") return null;
  return (
    <p className="border-b border-warning/40 bg-warning-muted px-4 py-1.5 text-center text-xs">
      Sign-in is off: this development server has no sign-in configured, so everyone is an editor.
      Production servers refuse to start like this (README, “Sign-in and roles”).
    </p>
  );
}
