/**
 * The generated ~1 MB template of the check benchmarks (./checks.ts, ./checks-fuzz.ts). Pure: the
 * fuzz bench bundles it for Chromium.
 */
import fixture from "@/lib/template/fixtures/prefect-ecs-default.json";
import type { JsonObject } from "@/lib/template/types";

/** A template of about `targetBytes`: many variables, each used in a large job_configuration. */
export function generateLargeTemplate(targetBytes = 1_000_000): JsonObject {
  const template = structuredClone(fixture) as JsonObject;
  const variables = template.variables as JsonObject;
  const properties = variables.properties as JsonObject;
  const job = template.job_configuration as JsonObject;
  const taskDefinition = job.task_definition as JsonObject;
  const containers = taskDefinition.containerDefinitions as JsonObject[];
  const env: JsonObject = {};
  job.extra_settings = env;
  // measured as the pretty-printed file a person edits; checked every 100 variables (stringify is costly)
  let i = 0;
  while (i % 100 !== 0 || JSON.stringify(template, null, 2).length < targetBytes) {
    const name = `setting_${i}`;
    properties[name] = {
      title: `Setting ${i}`,
      description: `Generated variable ${i} for the benchmark; it stands for one of the many knobs a large platform template exposes to deployments, with a long description like real ones.`,
      // every fifth an enum, every third of the rest an integer; all defaults valid
      ...(i % 5 === 0
        ? {
            type: "string",
            enum: [`value-${i}`, `other-${i}`, `third-${i}`],
            default: `value-${i}`,
          }
        : i % 3 === 0
          ? { type: "integer", minimum: 0, default: i }
          : { type: "string", maxLength: 200, default: `value-${i}` }),
    };
    env[`SETTING_${i}`] = `prefix-{{ ${name} }}-suffix`;
    if (i % 50 === 0) {
      containers.push({
        name: `sidecar-${i}`,
        image: `registry.example.com/sidecar:{{ ${name} }}`,
        essential: false,
        environment: [{ name: "MODE", value: `{{ ${name} }}` }],
        portMappings: [{ containerPort: 8000 + (i % 1000), protocol: "tcp" }],
      });
    }
    i++;
  }
  return template;
}
