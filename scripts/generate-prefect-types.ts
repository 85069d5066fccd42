/**
 * Regenerates lib/prefect/openapi.d.ts from a running Prefect server's OpenAPI document.
 *
 *   npm run generate:prefect-types [-- <api-url>]
 *
 * The API URL is the first argument, else PREFECT_API_URL, else the local stack
 * (http://127.0.0.1:${POOLDECK_PREFECT_PORT:-4200}/api). Start the stack first
 * (`bash scripts/stack.sh start`). The header records the server version that produced the file,
 * so a diff after a Prefect upgrade shows what changed in the API.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";

const OUT = fileURLToPath(new URL("../lib/prefect/openapi.d.ts", import.meta.url));

async function getJson(url: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { headers: authHeaders() });
  } catch (err) {
    throw new Error(
      `Prefect is not reachable at ${url} (${(err as Error).cause ?? String(err)}). Is the stack running?`,
    );
  }
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

// Same variables as the app, so a protected server can be read too.
function authHeaders(): Record<string, string> {
  const key = process.env.PREFECT_API_KEY;
  const basic = process.env.PREFECT_API_AUTH_STRING;
  if (key) return { Authorization: `Bearer ${key}` };
  if (basic) return { Authorization: `Basic ${Buffer.from(basic).toString("base64")}` };
  return {};
}

async function main(): Promise<void> {
  const apiUrl = (
    process.argv[2] ??
    process.env.PREFECT_API_URL ??
    `http://127.0.0.1:${process.env.POOLDECK_PREFECT_PORT ?? "4200"}/api`
  ).replace(/\/+$/, "");
  const version = await getJson(`${apiUrl}/admin/version`);
  if (typeof version !== "string")
    throw new Error(`unexpected /admin/version answer: ${JSON.stringify(version)}`);
  const document = await getJson(`${apiUrl}/openapi.json`);

  // openapi-typescript accepts the parsed document; the cast is to its own input type.
  // defaultNonNullable: false keeps properties with a default optional. Otherwise request bodies
  // would demand them (DeploymentUpdate.paused defaults to false: a job_variables PATCH would
  // have to send paused and unpause the deployment).
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], {
    defaultNonNullable: false,
  });
  const header =
    COMMENT_HEADER.replace(
      " */",
      ` *\n * Generated from the OpenAPI document of Prefect server ${version}\n` +
        ` * (GET /api/admin/version). Regenerate: npm run generate:prefect-types\n */`,
    ) + "\n";
  await writeFile(OUT, header + astToString(ast));
  console.log(`wrote ${OUT} from Prefect ${version} at ${apiUrl}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
