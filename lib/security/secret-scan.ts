/**
 * Finds configured secret values in text the browser receives (client bundles, HTML, RSC
 * payloads, JSON). Pure: the scan CLI (scripts/scan-secrets.ts) and its unit test use it.
 */

export interface Secret {
  /** where the value comes from (an environment variable or a canary), never the value itself */
  name: string;
  value: string;
}

export interface Leak {
  secret: string;
  /** the file or URL the value was found in */
  where: string;
  /** which encoding of the value was found */
  form: string;
}

/** Environment variables whose values must never reach the browser. */
export const SECRET_VARIABLES = [
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "PREFECT_API_KEY",
  "PREFECT_API_AUTH_STRING",
  // sign-in (lib/auth) and the audit history's PostgreSQL URL (lib/audit), when set
  "POOLDECK_AUTH_SECRET",
  "NEXTAUTH_SECRET",
  "POOLDECK_OIDC_CLIENT_SECRET",
  "DATABASE_URL",
] as const;

// names that hold credentials by convention, whatever the program (AWS, Prefect, databases, OIDC)
const SECRET_NAME =
  /SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|AUTH_STRING|CREDENTIAL|DATABASE_URL/i;

/**
 * Whether an environment variable's name says it holds a secret: Pooldeck's own SECRET_VARIABLES
 * or a conventional secret name. Such a variable belongs in a task definition's `secrets`
 * (read from Secrets Manager at start), never in its plain-text `environment`.
 */
export function isSecretVariableName(name: string): boolean {
  return (SECRET_VARIABLES as readonly string[]).includes(name) || SECRET_NAME.test(name);
}

/** Shorter values would match ordinary words ("testing") and prove nothing. */
export const MIN_SECRET_LENGTH = 12;

function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

function urlPassword(value: string): string | null {
  if (!value.includes("://")) return null;
  try {
    return decodeURIComponent(new URL(value).password) || null;
  } catch {
    return null;
  }
}

/**
 * The encodings in which a value can travel: as is, JSON-escaped (inside RSC payloads and
 * JSON), URL-encoded, base64 (an `Authorization: Basic` header) and the password alone of
 * `user:password` or of a URL with credentials (a database URL).
 */
export function secretForms(value: string): { form: string; text: string }[] {
  const forms = [
    { form: "plain", text: value },
    { form: "JSON-escaped", text: JSON.stringify(value).slice(1, -1) },
    { form: "URL-encoded", text: encodeURIComponent(value) },
    { form: "base64", text: base64(value) },
  ];
  const colon = value.indexOf(":");
  if (colon > 0 && !value.includes("://") && value.length - colon - 1 >= MIN_SECRET_LENGTH) {
    forms.push({ form: "password part", text: value.slice(colon + 1) });
  }
  const password = urlPassword(value);
  if (password && password.length >= MIN_SECRET_LENGTH) {
    forms.push({ form: "URL password", text: password });
  }
  const seen = new Set<string>();
  return forms.filter((f) => !seen.has(f.text) && seen.add(f.text));
}

/** Secrets from an environment: every SECRET_VARIABLES entry that is set, plus `extra` names. */
export function secretsFromEnv(
  env: Record<string, string | undefined>,
  extra: readonly string[] = [],
): Secret[] {
  return [...SECRET_VARIABLES, ...extra].flatMap((name) => {
    const value = env[name]?.trim();
    return value ? [{ name, value }] : [];
  });
}

/** Secrets too short to scan for meaningfully; a scan with any of them must not pass. */
export function undistinctive(secrets: readonly Secret[]): Secret[] {
  return secrets.filter((s) => s.value.length < MIN_SECRET_LENGTH);
}

/** Every secret (in any of its forms) that occurs in `text`; `where` names the file or URL. */
export function findLeaks(secrets: readonly Secret[], where: string, text: string): Leak[] {
  const leaks: Leak[] = [];
  for (const secret of secrets) {
    const hit = secretForms(secret.value).find((f) => text.includes(f.text));
    if (hit) leaks.push({ secret: secret.name, where, form: hit.form });
  }
  return leaks;
}

/** One line per leak, naming the secret and where it was found (never the value). */
export function describeLeaks(leaks: readonly Leak[]): string {
  return leaks.map((l) => `LEAK: ${l.secret} (${l.form}) in ${l.where}`).join("\n");
}
