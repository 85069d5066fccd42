import { dashboardPolicyWithout } from "@/testing/iam-policy";
import { startPrivateMoto } from "@/testing/private-moto";
import { freePort } from "@/testing/free-port";
import { SEED, seedEcs, seedIamUser } from "@/testing/seed/ecs";

import { startAppInstance } from "./app-instance";

/**
 * A dashboard whose IAM identity has docs/iam-policy.json without one action, on a private
 * emulator that enforces IAM and holds the seeded demo world; Prefect is the shared test server.
 * For tests of how a page names the missing action while the rest of it works.
 */
export async function startAppWithoutAction(
  action: string,
  user: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const moto = await startPrivateMoto();
  try {
    await seedEcs({ endpoint: moto.endpoint });
    const key = await seedIamUser(moto.endpoint, user, dashboardPolicyWithout(action));
    // from now on the emulator checks every request against the users' policies
    const enforced = await fetch(`${moto.endpoint}/moto-api/reset-auth`, {
      method: "POST",
      body: "0",
    });
    if (!enforced.ok) throw new Error(`the emulator refused to enforce IAM (${enforced.status})`);
    const app = await startAppInstance(await freePort(), {
      PREFECT_API_URL: `http://127.0.0.1:${process.env.POOLDECK_PREFECT_PORT ?? "4200"}/api`,
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_REGION: SEED.region,
      AWS_ACCESS_KEY_ID: key.accessKeyId,
      AWS_SECRET_ACCESS_KEY: key.secretAccessKey,
    });
    return {
      url: app.url,
      stop: async () => {
        await app.stop();
        moto.stop();
      },
    };
  } catch (error) {
    moto.stop();
    throw error;
  }
}
