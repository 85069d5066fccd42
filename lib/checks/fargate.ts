/**
 * Fargate's task-level cpu/memory table (docs/design.md, ECS facts) and the parsing of the forms AWS
 * accepts ("1024", 1024, "1 vCPU", "2 GB", "2048 MiB").
 */

interface CpuRow {
  cpu: number;
  /** allowed memory values in MiB, ascending */
  memory: number[];
}

function range(fromGb: number, toGb: number, stepGb: number): number[] {
  const values: number[] = [];
  for (let gb = fromGb; gb <= toGb; gb += stepGb) values.push(gb * 1024);
  return values;
}

/** cpu units → valid memory (MiB). */
export const FARGATE_CPU_MEMORY: readonly CpuRow[] = [
  { cpu: 256, memory: [512, 1024, 2048] },
  { cpu: 512, memory: range(1, 4, 1) },
  { cpu: 1024, memory: range(2, 8, 1) },
  { cpu: 2048, memory: range(4, 16, 1) },
  { cpu: 4096, memory: range(8, 30, 1) },
  { cpu: 8192, memory: range(16, 60, 4) },
  { cpu: 16384, memory: range(32, 120, 8) },
];

/** Parses a cpu value in units or vCPU ("0.25 vCPU" → 256); undefined when unusable. */
export function parseCpu(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  const vcpu = /^(\d*\.?\d+)\s*vcpu$/i.exec(text);
  if (vcpu) return Math.round(Number(vcpu[1]) * 1024);
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** Parses a memory value in MiB or GB ("2 GB" → 2048); undefined when unusable. */
export function parseMemory(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  const gb = /^(\d*\.?\d+)\s*gb$/i.exec(text);
  if (gb) return Math.round(Number(gb[1]) * 1024);
  const mib = /^(\d+)\s*(mib|mb)?$/i.exec(text);
  return mib ? Number(mib[1]) : undefined;
}

/** The table row for a cpu value, if Fargate supports that cpu at all. */
export function fargateRow(cpu: number): CpuRow | undefined {
  return FARGATE_CPU_MEMORY.find((row) => row.cpu === cpu);
}

/** Whether Fargate accepts this cpu/memory pair. */
export function isValidFargatePair(cpu: number, memory: number): boolean {
  return fargateRow(cpu)?.memory.includes(memory) ?? false;
}

/** The valid memory for `cpu` closest to `memory` (ties go up); undefined for an unsupported cpu. */
export function nearestFargateMemory(cpu: number, memory: number): number | undefined {
  const row = fargateRow(cpu);
  if (!row) return undefined;
  let best: number | undefined;
  for (const candidate of row.memory) {
    if (best === undefined || Math.abs(candidate - memory) < Math.abs(best - memory))
      best = candidate;
    else if (Math.abs(candidate - memory) === Math.abs(best - memory) && candidate > best)
      best = candidate;
  }
  return best;
}

/** Human description of the memory range for a cpu, e.g. "2048–8192 MiB in steps of 1024". */
export function describeFargateMemory(cpu: number): string | undefined {
  const row = fargateRow(cpu);
  if (!row) return undefined;
  if (cpu === 256) return row.memory.join(", ") + " MiB";
  const first = row.memory[0] ?? 0;
  const last = row.memory[row.memory.length - 1] ?? 0;
  const step = (row.memory[1] ?? first) - first;
  return `${first}–${last} MiB in steps of ${step}`;
}

/** Fargate cpu values, for messages. */
export const FARGATE_CPUS: readonly number[] = FARGATE_CPU_MEMORY.map((row) => row.cpu);
