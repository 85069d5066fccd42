import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

import { afterEach, describe, expect, it } from "vitest";

import { precompress } from "./precompress";

describe("precompress", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function staticDir(files: Record<string, string | Buffer>): string {
    const dir = mkdtempSync(join(tmpdir(), "pooldeck-precompress-"));
    dirs.push(dir);
    for (const [name, body] of Object.entries(files)) {
      mkdirSync(join(dir, name, ".."), { recursive: true });
      writeFileSync(join(dir, name), body);
    }
    return dir;
  }

  it("writes a brotli and a gzip copy of each compressible file they make smaller", async () => {
    const js = "export const x = 1;\n".repeat(500);
    const css = ".a { color: red }\n".repeat(200);
    const dir = staticDir({
      "chunks/app.js": js,
      "chunks/app.css": css,
      "chunks/tiny.js": "x()",
      "chunks/noise.js": randomBytes(4096),
      "media/logo.png": "p".repeat(5000),
    });
    const result = await precompress(dir);
    const read = (name: string) => readFileSync(join(dir, name));
    expect(gunzipSync(read("chunks/app.js.gz")).toString()).toBe(js);
    expect(gunzipSync(read("chunks/app.css.gz")).toString()).toBe(css);
    expect(brotliDecompressSync(read("chunks/app.js.br")).toString()).toBe(js);
    expect(brotliDecompressSync(read("chunks/app.css.br")).toString()).toBe(css);
    expect(result).toEqual({
      br: {
        files: 2,
        bytes: js.length + css.length,
        copyBytes: read("chunks/app.js.br").length + read("chunks/app.css.br").length,
      },
      gzip: {
        files: 2,
        bytes: js.length + css.length,
        copyBytes: read("chunks/app.js.gz").length + read("chunks/app.css.gz").length,
      },
    });
    // under 1 KiB, not made smaller, or a type the server does not compress: no copy
    for (const name of ["chunks/tiny.js", "chunks/noise.js", "media/logo.png"]) {
      expect([existsSync(join(dir, `${name}.gz`)), existsSync(join(dir, `${name}.br`))]).toEqual([
        false,
        false,
      ]);
    }
  });

  it("replaces the copies of an earlier build", async () => {
    const dir = staticDir({
      "chunks/app.js": "let y = 2;\n".repeat(300),
      "chunks/app.js.gz": "stale",
      "chunks/app.js.br": "stale",
      "chunks/removed.js.gz": "stale",
      "chunks/removed.js.br": "stale",
    });
    await precompress(dir);
    expect(gunzipSync(readFileSync(join(dir, "chunks/app.js.gz"))).toString()).toBe(
      "let y = 2;\n".repeat(300),
    );
    expect(brotliDecompressSync(readFileSync(join(dir, "chunks/app.js.br"))).toString()).toBe(
      "let y = 2;\n".repeat(300),
    );
    expect(existsSync(join(dir, "chunks/removed.js.gz"))).toBe(false);
    expect(existsSync(join(dir, "chunks/removed.js.br"))).toBe(false);
  });
});
