import { z } from "zod";

/** AWS region names such as us-east-1, eu-central-2, us-gov-west-1. */
export const regionSchema = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, "not an AWS region name");
/** ECS cluster names: letters, digits, hyphens and underscores, up to 255. */
export const clusterNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,255}$/, "not an ECS cluster name");
/** Families or task definition ARNs to describe in one request; the client sends small batches. */
export const describeRequestSchema = z.object({
  region: regionSchema,
  families: z.array(z.string().min(1).max(1600)).min(1).max(50),
  fresh: z.boolean().optional(),
});

/** The cookie that remembers the region picked on /clusters. */
export const REGION_COOKIE = "pooldeck-region";

/** Regions offered in the picker (the current one is added if missing). */
export const AWS_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "ca-central-1",
  "sa-east-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-central-1",
  "eu-central-2",
  "eu-north-1",
  "eu-south-1",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "me-central-1",
  "af-south-1",
] as const;
