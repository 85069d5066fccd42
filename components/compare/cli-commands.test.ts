import { describe, expect, it } from "vitest";
import { poolCommands, shellWord, templateFileName, workerCommand } from "./cli-commands";

describe("CLI commands", () => {
  it("create and update a push pool from the template file", () => {
    expect(
      poolCommands("demo-ecs-push", "ecs:push", "demo-ecs-push-base-job-template.json"),
    ).toEqual({
      create:
        "prefect work-pool create demo-ecs-push --type ecs:push --base-job-template demo-ecs-push-base-job-template.json",
      update:
        "prefect work-pool update demo-ecs-push --base-job-template demo-ecs-push-base-job-template.json",
      worker: null,
    });
  });

  it("a hybrid pool also gets the worker install and start", () => {
    expect(poolCommands("etl", "ecs", "t.json").worker).toBe(
      "pip install prefect-aws\nprefect worker start --pool etl --type ecs",
    );
    expect(workerCommand(null)).toBe(
      "pip install prefect-aws\nprefect worker start --pool <pool-name> --type ecs",
    );
    expect(workerCommand("my pool")).toBe(
      "pip install prefect-aws\nprefect worker start --pool 'my pool' --type ecs",
    );
  });

  it("quotes shell words that need it", () => {
    expect(shellWord("ok-name_1.2")).toBe("ok-name_1.2");
    expect(shellWord("it's $HOME")).toBe(`'it'"'"'s $HOME'`);
  });

  it("file names keep only safe characters", () => {
    expect(templateFileName("team a/ecs")).toBe("team-a-ecs-base-job-template.json");
    expect(templateFileName("///")).toBe("pool-base-job-template.json");
  });
});
