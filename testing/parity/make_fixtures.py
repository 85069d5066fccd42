"""
Writes the template fixtures that come from the installed prefect-aws (run with .venv/bin/python):

- lib/template/fixtures/prefect-aws-worker-default.json: ECSWorker.get_default_base_job_template() of the
  installed prefect-aws, i.e. what a worker creates a pool with (`definitions`, `anyOf [T, null]`).
- lib/template/fixtures/prefect-ecs-defs-dialect.json: the same template in the `$defs` dialect that pydantic
  v2 emits natively (`definitions` renamed to `$defs`, every `$ref` rewritten to match).
"""

import json
from pathlib import Path

from prefect_aws.workers.ecs_worker import ECSWorker

here = Path(__file__).resolve().parents[2] / "lib" / "template" / "fixtures"
template = ECSWorker.get_default_base_job_template()
(here / "prefect-aws-worker-default.json").write_text(json.dumps(template, indent=2) + "\n")


def rewrite(node):
    if isinstance(node, dict):
        return {
            k: (v.replace("#/definitions/", "#/$defs/") if k == "$ref" else rewrite(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [rewrite(v) for v in node]
    return node


variables = rewrite(template["variables"])
variables = {("$defs" if k == "definitions" else k): v for k, v in variables.items()}
defs_template = {"job_configuration": template["job_configuration"], "variables": variables}
(here / "prefect-ecs-defs-dialect.json").write_text(json.dumps(defs_template, indent=2) + "\n")
