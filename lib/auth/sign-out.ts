"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";

/**
 * next-auth (v4)'s session cookie: `__Secure-` prefixed over https, and split into `.0`, `.1`, …
 * when the token outgrows one cookie. Sessions are JWT cookies only (lib/auth/options.ts), so
 * removing them ends the session: nothing is stored on the server.
 */
const SESSION_COOKIE = /^(?:__Secure-)?next-auth\.session-token(?:\.\d+)?$/;

/**
 * Ends the session and goes to the sign-in page. A server action, so that the header's form works
 * as a plain HTML form before (or without) the page's JavaScript; next-auth's client signOut()
 * needs the page hydrated, and a click on the header before then did nothing.
 */
export async function signOut(): Promise<never> {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    // a __Secure- cookie is only replaced by a Set-Cookie that is itself Secure
    if (SESSION_COOKIE.test(name)) {
      jar.delete({ name, path: "/", secure: name.startsWith("__Secure-") });
    }
  }
  redirect("/sign-in");
}
