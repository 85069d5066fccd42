/** Names read out of ECS and Auto Scaling ARNs (no schema: the check engine imports these). */

/** The group name of a provider's "…:autoScalingGroupName/<name>" ARN; null without one. */
export function autoScalingGroupName(arn: string | null | undefined): string | null {
  if (!arn) return null;
  const i = arn.indexOf("autoScalingGroupName/");
  return i < 0 ? null : arn.slice(i + "autoScalingGroupName/".length);
}
