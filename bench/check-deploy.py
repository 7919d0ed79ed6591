#!/usr/bin/env python3
"""Checks deploy/ without a container runtime or a cluster (neither runs here): every file parses, and the
references between them hold. compose.yaml: images, depends_on targets and conditions, named volumes, health
checks, the nginx upstreams. k8s/: required fields per kind, selectors matching pod labels, named ports, the
ConfigMap/Secret the Deployment reads, probes on Boot's health groups, a non-root security context, the
kustomization's files. Settings: environment keys in Spring's canonical form (upper case, no dashes).
Usage: python3 bench/check-deploy.py  (exit status 1 and a list of problems when something is wrong)"""
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent / "deploy"
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def env_keys_canonical(where, keys):
    for key in keys:
        check(re.fullmatch(r"[A-Z][A-Z0-9_]*", key), f"{where}: '{key}' is not an environment variable name")


def check_compose():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose.get("services", {})
    volumes = set((compose.get("volumes") or {}).keys())
    check(services, "compose: no services")
    for name, service in services.items():
        check("image" in service or "build" in service, f"compose: {name} has no image")
        depends = service.get("depends_on", {})
        for target, spec in (depends.items() if isinstance(depends, dict) else ((d, {}) for d in depends)):
            check(target in services, f"compose: {name} depends on unknown service {target}")
            condition = (spec or {}).get("condition")
            if condition == "service_healthy":
                check("healthcheck" in services.get(target, {}), f"compose: {name} waits for {target} to be "
                      "healthy but it has no healthcheck")
        for mount in service.get("volumes", []):
            source = mount.split(":")[0]
            if not source.startswith((".", "/")):
                check(source in volumes, f"compose: {name} mounts undeclared volume {source}")
            else:
                check((ROOT / source).exists(), f"compose: {name} mounts missing file {source}")
        health = service.get("healthcheck")
        if health:
            check(isinstance(health.get("test"), list) and health["test"][0] in ("CMD", "CMD-SHELL"),
                  f"compose: {name} healthcheck test must be a CMD list")
        env_keys_canonical(f"compose {name}", (service.get("environment") or {}).keys())
    dualdb = [n for n, s in services.items() if str(s.get("image", "")).startswith("dualdb:")]
    check(len(dualdb) >= 2, f"compose: expected two dualdb instances, found {dualdb}")
    for name in dualdb:
        env = services[name].get("environment", {})
        for key in ("SPRING_MONGODB_URI", "SPRING_DATASOURCE_URL", "DUALDB_STORAGE_TYPE"):
            check(key in env, f"compose: {name} lacks {key} (it would start embedded servers)")
        check("replicaSet=" in env.get("SPRING_MONGODB_URI", ""), f"compose: {name} does not use the replica set")
    nginx = (ROOT / "nginx.conf").read_text()
    upstreams = set(re.findall(r"server\s+([\w.-]+):8080", nginx))
    check(upstreams == set(dualdb), f"nginx.conf upstreams {sorted(upstreams)} != dualdb services {sorted(dualdb)}")
    check("proxy_request_buffering off" in nginx, "nginx.conf buffers uploads")
    return len(services)


REQUIRED = {
    "Deployment": ["spec.selector.matchLabels", "spec.template.metadata.labels", "spec.template.spec.containers"],
    "Service": ["spec.selector", "spec.ports"],
    "ConfigMap": ["data"],
    "Secret": [],
}


def get(doc, path):
    for part in path.split("."):
        if not isinstance(doc, dict) or part not in doc:
            return None
        doc = doc[part]
    return doc


def check_k8s():
    directory = ROOT / "k8s"
    docs = []
    for file in sorted(directory.glob("*.yaml")):
        for doc in yaml.safe_load_all(file.read_text()):
            if doc:
                docs.append((file.name, doc))
    by_kind = {}
    for file, doc in docs:
        kind = doc.get("kind")
        check(doc.get("apiVersion") and kind, f"{file}: apiVersion and kind are required")
        if kind == "Kustomization":
            for resource in doc.get("resources", []):
                check((directory / resource).exists(), f"{file}: resource {resource} does not exist")
            continue
        check(get(doc, "metadata.name"), f"{file}: metadata.name is required")
        for path in REQUIRED.get(kind, []):
            check(get(doc, path) is not None, f"{file}: {kind} needs {path}")
        by_kind.setdefault(kind, {})[get(doc, "metadata.name")] = doc
        if kind in ("ConfigMap", "Secret"):
            data = dict(doc.get("data") or {}, **(doc.get("stringData") or {}))
            env_keys_canonical(f"{file}", data.keys())
    listed = set(yaml.safe_load((directory / "kustomization.yaml").read_text()).get("resources", []))
    on_disk = {f.name for f in directory.glob("*.yaml")} - {"kustomization.yaml"}
    check(listed == on_disk, f"kustomization resources {sorted(listed)} != files {sorted(on_disk)}")
    probes = []
    for name, deployment in by_kind.get("Deployment", {}).items():
        selector = get(deployment, "spec.selector.matchLabels") or {}
        labels = get(deployment, "spec.template.metadata.labels") or {}
        check(selector.items() <= labels.items(), f"Deployment {name}: selector does not match the pod labels")
        pod = get(deployment, "spec.template.spec")
        check(get(pod, "securityContext.runAsNonRoot") is True, f"Deployment {name}: not runAsNonRoot")
        volumes = {v["name"] for v in pod.get("volumes", [])}
        for container in pod["containers"]:
            cname = container.get("name")
            check(container.get("image"), f"Deployment {name}/{cname}: no image")
            ports = {p.get("name") for p in container.get("ports", [])}
            for source in container.get("envFrom", []):
                for kind, key in (("ConfigMap", "configMapRef"), ("Secret", "secretRef")):
                    if key in source:
                        check(source[key]["name"] in by_kind.get(kind, {}),
                              f"Deployment {name}/{cname}: {kind} {source[key]['name']} is not defined")
            for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
                http = get(container, f"{probe}.httpGet")
                check(http is not None, f"Deployment {name}/{cname}: no {probe}")
                if http:
                    check(http.get("port") in ports or isinstance(http.get("port"), int),
                          f"Deployment {name}/{cname}: {probe} port {http.get('port')} is not a container port")
                    check(re.fullmatch(r"/actuator/health/(liveness|readiness)", http.get("path", "")),
                          f"Deployment {name}/{cname}: {probe} is not on a health group")
                    probes.append(http["path"])
            check(get(container, "resources.limits.memory"), f"Deployment {name}/{cname}: no memory limit")
            for mount in container.get("volumeMounts", []):
                check(mount["name"] in volumes, f"Deployment {name}/{cname}: mounts undefined volume {mount['name']}")
        for sname, service in by_kind.get("Service", {}).items():
            if get(service, "spec.selector").items() <= labels.items():
                for port in get(service, "spec.ports"):
                    target = port.get("targetPort")
                    check(isinstance(target, int) or any(target in {p.get("name") for p in c.get("ports", [])}
                                                         for c in pod["containers"]),
                          f"Service {sname}: targetPort {target} is not a named container port")
    check(by_kind.get("Service"), "k8s: no Service")
    return len(docs), sorted(set(probes))


services = check_compose()
documents, probes = check_k8s()
if problems:
    print("\n".join("PROBLEM: " + p for p in problems))
    sys.exit(1)
print(f"deploy/compose.yaml: {services} services, references hold; deploy/k8s: {documents} documents, "
      f"references hold; probes on {', '.join(probes)}")
