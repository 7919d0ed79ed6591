#!/usr/bin/env python3
"""Writes docs/grafana-dashboard.json. Edit the panels here and re-run: the JSON is generated so that every
query follows one pattern (the application/instance variables, $__rate_interval). ObservabilityTests checks
that every metric a query names is served by /actuator/prometheus."""
import json
import pathlib

SEL = 'application="$application", instance=~"$instance"'


SUCCESS = 'outcome="success"'
NOT_SUCCESS = 'outcome!="success"'
HEAP = 'area="heap"'


def rate(metric, extra=""):
    sel = SEL + ((", " + extra) if extra else "")
    return f'{metric}{{{sel}}}[$__rate_interval]'


PANELS = [
    # (title, unit, kind, [(legend, expr)], description)
    ("Row: Traffic", None, "row", [], ""),
    ("HTTP requests by status", "reqps", "timeseries",
     [("{{status}}", f"sum by (status) (rate({rate('http_server_requests_seconds_count')}))")],
     "Every request the service answered (Boot's http.server.requests)."),
    ("HTTP latency p95 by route", "s", "timeseries",
     [("{{uri}}", f"histogram_quantile(0.95, sum by (le, uri) (rate({rate('http_server_requests_seconds_bucket')})))")],
     "Needs management.metrics.distribution.percentiles-histogram.http.server.requests=true (set by default)."),
    ("Row: Uploads", None, "row", [], ""),
    ("Uploads by outcome", "reqps", "timeseries",
     [("{{outcome}}", f"sum by (outcome) (rate({rate('dualdb_uploads_total')}))")],
     "Multipart requests under /api/: success (2xx), rejected (4xx), failed (5xx)."),
    ("Upload rejections by problem code", "reqps", "timeseries",
     [("{{code}}", f"sum by (code) (rate({rate('dualdb_uploads_total', NOT_SUCCESS)}))")],
     "The stable problem code of each refused upload (unsupported-media-type, file-too-large, ...)."),
    ("Upload bytes received", "Bps", "timeseries",
     [("{{outcome}}", f"sum by (outcome) (rate({rate('dualdb_upload_bytes_total')}))")],
     "Request bytes actually read from uploads."),
    ("Upload latency (successful)", "s", "timeseries",
     [("p50", f"histogram_quantile(0.5, sum by (le) (rate({rate('dualdb_upload_duration_seconds_bucket', SUCCESS)})))"),
      ("p95", f"histogram_quantile(0.95, sum by (le) (rate({rate('dualdb_upload_duration_seconds_bucket', SUCCESS)})))"),
      ("mean", f"sum(rate({rate('dualdb_upload_duration_seconds_sum', SUCCESS)})) / sum(rate({rate('dualdb_upload_duration_seconds_count', SUCCESS)}))")],
     "From the first byte of the request to the answer (includes the client's upload speed)."),
    ("Row: Deliveries", None, "row", [], ""),
    ("Deliveries by status", "reqps", "timeseries",
     [("{{status}}", f"sum by (status) (rate({rate('dualdb_deliveries_total')}))")],
     "GET/HEAD /media/...: 200, 206 (range), 304 (not modified), 416, 404, 503."),
    ("Delivery bytes sent", "Bps", "timeseries",
     [("{{status}}", f"sum by (status) (rate({rate('dualdb_delivery_bytes_total')}))")], ""),
    ("Delivery latency p95", "s", "timeseries",
     [("p95", f"histogram_quantile(0.95, sum by (le) (rate({rate('dualdb_delivery_duration_seconds_bucket')})))")],
     "To the last byte sent."),
    ("Row: Stores and consistency", None, "row", [], ""),
    ("Store errors by store", "reqps", "timeseries",
     [("{{store}} {{code}}", f"sum by (store, code) (rate({rate('dualdb_store_errors_total')}))")],
     "Requests answered 503 because mongodb, postgresql or the blob store was unavailable."),
    ("PostgreSQL unavailable for", "s", "stat",
     [("{{instance}}", f"max by (instance) (dualdb_postgres_unavailable_seconds{{{SEL}}})")],
     "Seconds of the current PostgreSQL outage per instance (0 = available)."),
    ("Time in degraded mode", "percentunit", "timeseries",
     [("{{instance}}", f"rate({rate('dualdb_postgres_degraded_seconds_total')})")],
     "Share of time each instance ran without PostgreSQL."),
    ("Idempotency replays and conflicts", "reqps", "timeseries",
     [("replays", f"sum(rate({rate('dualdb_idempotency_replays_total')}))"),
      ("{{code}}", f"sum by (code) (rate({rate('dualdb_idempotency_conflicts_total')}))")],
     "A retry answered from the stored response; a key in use (409) or reused for another request (422)."),
    ("Reconciler findings and repairs (per hour)", "short", "timeseries",
     [("found {{kind}}", f"sum by (kind) (increase(dualdb_reconciler_found_total{{{SEL}}}[1h]))"),
      ("repaired {{kind}}", f"sum by (kind) (increase(dualdb_reconciler_repaired_total{{{SEL}}}[1h]))")],
     "Drift between the stores the reconciler found, and what it repaired. Absent until a first finding."),
    ("Blob collector queue", "short", "timeseries",
     [("queued", f"max(dualdb_collector_queue_depth{{{SEL}}})"),
      ("failing", f"max(dualdb_collector_queue_failing{{{SEL}}})"),
      ("oldest (s)", f"max(dualdb_collector_queue_oldest_seconds{{{SEL}}})")],
     "Bytes of deleted media waiting to be removed; every instance reads the same queue, hence max."),
    ("Row: JVM", None, "row", [], ""),
    ("Heap used", "bytes", "timeseries",
     [("{{instance}}", f"sum by (instance) (jvm_memory_used_bytes{{{SEL}, {HEAP}}})"),
      ("max {{instance}}", f"sum by (instance) (jvm_memory_max_bytes{{{SEL}, {HEAP}}})")], ""),
    ("CPU", "percentunit", "timeseries",
     [("{{instance}}", f"process_cpu_usage{{{SEL}}}")], ""),
    ("Live threads", "short", "timeseries",
     [("{{instance}}", f"jvm_threads_live_threads{{{SEL}}}")], ""),
]


def panel(pid, x, y, title, unit, kind, targets, description):
    if kind == "row":
        return {"id": pid, "type": "row", "title": title[len("Row: "):], "collapsed": False,
                "gridPos": {"h": 1, "w": 24, "x": 0, "y": y}, "panels": []}
    return {
        "id": pid, "type": kind, "title": title, "description": description,
        "datasource": {"type": "prometheus", "uid": "${datasource}"},
        "gridPos": {"h": 8, "w": 8, "x": x, "y": y},
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "options": {"legend": {"displayMode": "list", "placement": "bottom"}} if kind == "timeseries" else {},
        "targets": [{"refId": chr(65 + i), "expr": expr, "legendFormat": legend,
                     "datasource": {"type": "prometheus", "uid": "${datasource}"}}
                    for i, (legend, expr) in enumerate(targets)],
    }


def main():
    panels, x, y = [], 0, 0
    for pid, (title, unit, kind, targets, description) in enumerate(PANELS, start=1):
        if kind == "row":
            if x:
                x, y = 0, y + 8
            panels.append(panel(pid, 0, y, title, unit, kind, targets, description))
            y += 1
            continue
        panels.append(panel(pid, x, y, title, unit, kind, targets, description))
        x += 8
        if x >= 24:
            x, y = 0, y + 8
    dashboard = {
        "title": "dualdb", "uid": "dualdb-overview", "tags": ["dualdb"], "timezone": "browser",
        "schemaVersion": 39, "version": 1, "editable": True, "refresh": "30s",
        "time": {"from": "now-3h", "to": "now"},
        "description": "dualdb instances scraped at /actuator/prometheus. Generated by bench/grafana-dashboard.py.",
        "templating": {"list": [
            {"name": "datasource", "type": "datasource", "query": "prometheus", "label": "Prometheus"},
            {"name": "application", "type": "query", "label": "application",
             "datasource": {"type": "prometheus", "uid": "${datasource}"},
             "query": {"query": "label_values(dualdb_uploads_total, application)", "refId": "application"},
             "definition": "label_values(dualdb_uploads_total, application)", "refresh": 2,
             "current": {"text": "dualdb", "value": "dualdb"}},
            {"name": "instance", "type": "query", "label": "instance", "includeAll": True, "multi": True,
             "allValue": ".*", "datasource": {"type": "prometheus", "uid": "${datasource}"},
             "query": {"query": "label_values(process_uptime_seconds{application=\"$application\"}, instance)",
                       "refId": "instance"},
             "definition": "label_values(process_uptime_seconds{application=\"$application\"}, instance)",
             "refresh": 2},
        ]},
        "panels": panels,
    }
    out = pathlib.Path(__file__).resolve().parent.parent / "docs" / "grafana-dashboard.json"
    out.write_text(json.dumps(dashboard, indent=2) + "\n")
    print(f"wrote {out} ({len(panels)} panels)")


if __name__ == "__main__":
    main()
