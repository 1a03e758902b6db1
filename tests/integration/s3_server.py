"""A real S3-compatible server on loopback for the connector tests: moto's server mode.

The server runs in its own process on an OS-chosen port (in this process its request
log would land in the log capture of the very step whose request it answers), with one
bucket and two users made through its IAM API; then it checks every request's
credentials, so a wrong key fails as it would on S3.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import httpx

REGION = "us-east-1"


@dataclass(frozen=True)
class AccessKey:
    """An IAM user's key pair."""

    key_id: str
    secret: str


@dataclass(frozen=True)
class S3Server:
    """The endpoint, its bucket, and the keys of a writer and of a read-only user."""

    endpoint_url: str
    bucket: str
    writer: AccessKey
    reader: AccessKey

    def connector_settings(self, key: AccessKey | None = None) -> dict[str, str]:
        """The settings of an `aws` connector to this server, as `key` (the writer)."""
        chosen = key or self.writer
        return {
            "aws_access_key_id": chosen.key_id,
            "aws_secret_access_key": chosen.secret,
            "endpoint_url": self.endpoint_url,
            "region": REGION,
        }

    def object_keys(self, prefix: str) -> list[str]:
        """The keys of every object under `prefix`, read as the writer."""
        client = boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=self.writer.key_id,
            aws_secret_access_key=self.writer.secret,
            region_name=REGION,
        )
        found = client.list_objects_v2(Bucket=self.bucket, Prefix=prefix).get("Contents", [])
        return sorted(item["Key"] for item in found)


def _user(iam: Any, name: str, actions: list[str]) -> AccessKey:
    policy = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}],
    }
    iam.create_user(UserName=name)
    iam.put_user_policy(UserName=name, PolicyName="s3", PolicyDocument=json.dumps(policy))
    made = iam.create_access_key(UserName=name)["AccessKey"]
    return AccessKey(key_id=made["AccessKeyId"], secret=made["SecretAccessKey"])


def running_s3_server(log: Path) -> Iterator[S3Server]:
    """Start the server (its request log into `log`), make the bucket and users, enforce
    credentials; stop it at the end."""
    command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", "0"]
    with log.open("w") as sink:
        server = subprocess.Popen(command, stderr=sink, stdout=subprocess.DEVNULL)
    try:
        endpoint = _announced_url(server, log)
        setup = {
            "endpoint_url": endpoint,
            "aws_access_key_id": "setup",
            "aws_secret_access_key": "setup",
            "region_name": REGION,
        }
        bucket = f"headwater-{uuid.uuid4().hex[:8]}"
        boto3.client("s3", **setup).create_bucket(Bucket=bucket)
        iam = boto3.client("iam", **setup)
        writer = _user(iam, "writer", ["s3:*"])
        reader = _user(iam, "reader", ["s3:GetObject", "s3:ListBucket"])
        # From now on every request must be signed by a user's key (moto's switch).
        httpx.post(f"{endpoint}/moto-api/reset-auth", content=b"0").raise_for_status()
        yield S3Server(endpoint_url=endpoint, bucket=bucket, writer=writer, reader=reader)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _announced_url(server: subprocess.Popen[bytes], log: Path) -> str:
    """The URL the server writes to its log once it listens (werkzeug's "Running on")."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = re.search(r"Running on (http://127\.0\.0\.1:\d+)", log.read_text())
        if found:
            return found.group(1)
        if server.poll() is not None:
            raise RuntimeError(f"moto's server exited with {server.returncode}: {log.read_text()}")
        time.sleep(0.05)
    raise RuntimeError(f"moto's server did not say where it listens within 60 s: {log}")
