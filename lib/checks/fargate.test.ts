import { describe, expect, it } from "vitest";
import { isValidFargatePair, nearestFargateMemory, parseCpu, parseMemory } from "./fargate";

describe("Fargate cpu/memory table", () => {
  it("matches the docs/design.md table at its edges", () => {
    const valid: [number, number][] = [
      [256, 512],
      [256, 2048],
      [512, 1024],
      [512, 4096],
      [1024, 2048],
      [1024, 8192],
      [2048, 4096],
      [2048, 16384],
      [4096, 8192],
      [4096, 30720],
      [8192, 16384],
      [8192, 20480],
      [8192, 61440],
      [16384, 32768],
      [16384, 40960],
      [16384, 122880],
    ];
    const invalid: [number, number][] = [
      [256, 3072],
      [256, 1536],
      [512, 512],
      [1024, 9216],
      [2048, 3072],
      [4096, 31744],
      [8192, 18432],
      [8192, 65536],
      [16384, 36864],
      [16384, 131072],
      [300, 1024],
    ];
    for (const [cpu, memory] of valid)
      expect([cpu, memory, isValidFargatePair(cpu, memory)]).toEqual([cpu, memory, true]);
    for (const [cpu, memory] of invalid)
      expect([cpu, memory, isValidFargatePair(cpu, memory)]).toEqual([cpu, memory, false]);
  });

  it("parses the forms AWS accepts", () => {
    expect([parseCpu("1024"), parseCpu(".25 vCPU"), parseCpu("2 vcpu"), parseCpu("lots")]).toEqual([
      1024,
      256,
      2048,
      undefined,
    ]);
    expect([
      parseMemory("2048"),
      parseMemory("2 GB"),
      parseMemory("512 MiB"),
      parseMemory(true),
    ]).toEqual([2048, 2048, 512, undefined]);
  });

  it("suggests the closest valid memory", () => {
    expect([
      nearestFargateMemory(1024, 1000),
      nearestFargateMemory(8192, 18432),
      nearestFargateMemory(300, 1),
    ]).toEqual([2048, 20480, undefined]);
  });
});
