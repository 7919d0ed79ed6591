-- Shared by every bench/compare run (bench/compare puts it in front of the run's own script): one machine-readable
-- line at the end. Request counts, bytes and latency percentiles come from wrk itself; status_errors are responses
-- of 400 or more, socket_errors connect, read, write and timeout errors.
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "RESULT requests=%d duration_us=%d bytes=%d status_errors=%d socket_errors=%d p50_us=%d p99_us=%d max_us=%d\n",
      summary.requests, summary.duration, summary.bytes, e.status, e.connect + e.read + e.write + e.timeout,
      latency:percentile(50), latency:percentile(99), latency.max))
end
