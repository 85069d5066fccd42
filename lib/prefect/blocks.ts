import "server-only";

import { DISPLAY_READ_TTL_MS, displayRead, expectData, type PrefectClient } from "./client";
import type { ReadOptions } from "./work-pools";

/** A block document by name and id only: never its data (secrets stay on the Prefect server). */
export interface BlockSummary {
  id: string;
  name: string;
}

/**
 * The AWS Credentials blocks a push pool can name (POST /block_documents/filter, slug
 * aws-credentials, secrets excluded). Anonymous blocks (saved by Prefect for one-off use) are
 * left out: nobody chooses them by name.
 */
export async function listAwsCredentialsBlocks(
  client: PrefectClient,
  options: ReadOptions = {},
): Promise<BlockSummary[]> {
  if (options.display) {
    return displayRead(client, "aws_credentials_blocks", DISPLAY_READ_TTL_MS.shared, () =>
      listAwsCredentialsBlocks(client),
    );
  }
  const docs = await expectData(
    client,
    "list AWS Credentials blocks",
    client.api.POST("/block_documents/filter", {
      body: {
        block_types: { slug: { any_: ["aws-credentials"] } },
        include_secrets: false,
        limit: 200,
      },
    }),
  );
  return docs
    .filter((d) => !d.is_anonymous && typeof d.name === "string")
    .map((d) => ({ id: d.id, name: d.name as string }));
}
