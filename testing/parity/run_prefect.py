"""
Prefect's own answers for the parity corpus (lib/template/parity.int.test.ts).

Reads a JSON array of cases on stdin, prints a JSON object {"context": ..., "results": [...]}.
Every answer comes from the installed prefect / prefect-aws code; nothing here re-implements it:

- find:   prefect.utilities.templating.find_placeholders(template)
- apply:  prefect.utilities.templating.apply_values(template, values, remove_notset), with
          os.environ set to exactly the case's `env` for `{{ $NAME }}` placeholders
- job:    prefect.workers.base.BaseJobConfiguration.from_template_and_values(base_job_template,
          job_variables) -- the dict it renders, captured before block/variable resolution
          (those need a server; Pooldeck reports them as unresolved instead)
- worker: prefect_aws ECSJobConfiguration.from_template_and_values + prepare_for_flow_run, then
          ECSWorker._prepare_task_definition, _validate_task_definition and
          _prepare_task_run_request, with EC2 lookups answered by moto's in-process mock
"""

import asyncio
import json
import os
import sys
import uuid
from datetime import datetime, timezone

# EC2 lookups must reach moto's in-process mock, never a configured endpoint or account
for _name in [n for n in os.environ if n.startswith("AWS_")]:
    del os.environ[_name]
os.environ["AWS_ACCESS_KEY_ID"] = "testing"
os.environ["AWS_SECRET_ACCESS_KEY"] = "testing"
os.environ["AWS_DEFAULT_REGION"] = "us-east-1"
os.environ["PREFECT_HOME"] = os.environ.get("POOLDECK_PARITY_PREFECT_HOME", "/tmp/pooldeck-parity-prefect")

import prefect.workers.base as workers_base  # noqa: E402
from prefect.utilities.annotations import NotSet  # noqa: E402
from prefect.utilities.templating import apply_values, find_placeholders  # noqa: E402

NOTSET = "__NOTSET__"

FLOW_RUN_ID = uuid.UUID("11111111-1111-4111-8111-111111111111")
FLOW_ID = uuid.UUID("22222222-2222-4222-8222-222222222222")
DEPLOYMENT_ID = uuid.UUID("33333333-3333-4333-8333-333333333333")
WORK_POOL_ID = uuid.UUID("44444444-4444-4444-8444-444444444444")
WORKER_ID = uuid.UUID("55555555-5555-4555-8555-555555555555")
DEPLOYMENT_UPDATED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


async def _identity(template, client=None, **_kwargs):
    return template


def _capture():
    captured = {}

    async def capture_variables(template, client=None, **_kwargs):
        captured["configuration"] = template
        return template

    workers_base.resolve_block_document_references = _identity
    workers_base.resolve_variables = capture_variables
    return captured


def run_find(case):
    found = find_placeholders(case["template"])
    return sorted([p.full_match, p.name, p.type.value] for p in found)


def run_apply(case):
    saved = dict(os.environ)
    try:
        if "env" in case:
            os.environ.clear()
            os.environ.update(case["env"])
        result = apply_values(
            case["template"], case["values"], remove_notset=case.get("remove_notset", True)
        )
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return NOTSET if result is NotSet else result


def run_job(case):
    captured = _capture()
    error = None
    try:
        asyncio.run(
            workers_base.BaseJobConfiguration.from_template_and_values(
                case["base_job_template"], case.get("job_variables", {}), client=object()
            )
        )
    except Exception as exc:  # pydantic may reject what it renders; the rendering is what we compare
        error = f"{type(exc).__name__}: {exc}"
    if "configuration" not in captured:
        return {"error": error or "no configuration rendered"}
    return {"configuration": captured["configuration"]}


def _flow_objects(pool_name):
    from prefect.client.schemas.objects import Flow, FlowRun, WorkPool
    from prefect.client.schemas.responses import DeploymentResponse

    flow = Flow(id=FLOW_ID, name="etl-flow")
    deployment = DeploymentResponse(
        id=DEPLOYMENT_ID, name="nightly", flow_id=FLOW_ID, updated=DEPLOYMENT_UPDATED
    )
    flow_run = FlowRun(
        id=FLOW_RUN_ID, name="brave-fox", flow_id=FLOW_ID, deployment_id=DEPLOYMENT_ID
    )
    work_pool = WorkPool(id=WORK_POOL_ID, name=pool_name, type="ecs")
    return flow, deployment, flow_run, work_pool


def run_worker(case, context):
    from prefect_aws.workers.ecs_worker import ECSJobConfiguration, ECSWorker

    pool_name = "ecs-pool"
    _capture()
    template = case["base_job_template"]
    job_variables = _substitute(case.get("job_variables", {}), context)
    try:
        configuration = asyncio.run(
            ECSJobConfiguration.from_template_and_values(template, job_variables, client=object())
        )
    except Exception as exc:
        return {"failure": _message(exc)}
    flow, deployment, flow_run, work_pool = _flow_objects(pool_name)
    try:
        configuration.prepare_for_flow_run(
            flow_run=flow_run,
            deployment=deployment,
            flow=flow,
            work_pool=work_pool,
            worker_name="worker-1",
            worker_id=WORKER_ID,
        )
    except Exception as exc:
        return {"failure": _message(exc)}
    worker = ECSWorker(work_pool_name=pool_name, name="worker-1")
    arn = configuration.task_run_request.get("taskDefinition")
    out = {}
    try:
        if not arn:
            task_definition = worker._prepare_task_definition(
                configuration, region="us-east-1", flow_run=flow_run
            )
            out["taskDefinition"] = json.loads(json.dumps(task_definition))
            arn = context["registeredArn"]
            registered = True
        else:
            task_definition = case.get("existing_task_definition", {})
            registered = False
        worker._validate_task_definition(task_definition, configuration)
        request = worker._prepare_task_run_request(
            configuration, task_definition, arn, registered
        )
        out["runTaskRequest"] = json.loads(json.dumps(request))
    except Exception as exc:
        out["failure"] = _message(exc)
    return out


def _substitute(value, context):
    """Replaces the corpus's <<DEFAULT_VPC>> / <<SUBNET_n>> tokens with moto's ids."""
    if isinstance(value, str):
        if value == "<<DEFAULT_VPC>>":
            return context["defaultVpcId"]
        for i, subnet in enumerate(context["defaultSubnets"]):
            if value == f"<<SUBNET_{i}>>":
                return subnet
        return value
    if isinstance(value, list):
        return [_substitute(v, context) for v in value]
    if isinstance(value, dict):
        return {k: _substitute(v, context) for k, v in value.items()}
    return value


def _message(exc):
    errors = getattr(exc, "errors", None)
    if callable(errors):
        try:
            first = errors()[0]
            return str(first.get("msg", exc)).removeprefix("Value error, ")
        except Exception:
            pass
    return str(exc)


def main():
    cases = json.load(sys.stdin)
    context = {
        "registeredArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/parity:1",
        "baseEnvironment": {},
        "prefectVersion": None,
    }
    results = []
    needs_aws = any(c["kind"] == "worker" for c in cases)
    mock = None
    if needs_aws:
        import boto3
        from moto import mock_aws

        import prefect
        from prefect.settings import get_current_settings

        mock = mock_aws()
        mock.start()
        ec2 = boto3.client("ec2", region_name="us-east-1")
        vpc = ec2.describe_vpcs(Filters=[{"Name": "isDefault", "Values": ["true"]}])["Vpcs"][0]
        subnets = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc["VpcId"]]}])
        context["defaultVpcId"] = vpc["VpcId"]
        context["defaultSubnets"] = [s["SubnetId"] for s in subnets["Subnets"]]
        context["baseEnvironment"] = get_current_settings().to_environment_variables(
            exclude_unset=True
        )
        context["prefectVersion"] = prefect.__version__
    for case in cases:
        try:
            if case["kind"] == "find":
                result = run_find(case)
            elif case["kind"] == "apply":
                result = run_apply(case)
            elif case["kind"] == "job":
                result = run_job(case)
            elif case["kind"] == "worker":
                result = run_worker(case, context)
            else:
                raise ValueError(f"unknown kind {case['kind']!r}")
            results.append({"id": case["id"], "ok": True, "result": result})
        except Exception as exc:
            results.append({"id": case["id"], "ok": False, "error": f"{type(exc).__name__}: {exc}"})
    if mock is not None:
        mock.stop()
    json.dump({"context": context, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
