-- Shared by the scenario scripts: a per-thread random seed and one machine-readable result line.
local thread_counter = 0

function setup(thread)
    thread_counter = thread_counter + 1
    thread:set("thread_id", thread_counter)
end

function seed_random()
    math.randomseed(os.time() * 1000 + (thread_id or 0) * 7919 + math.floor(os.clock() * 1000000))
end

-- A write's headers with the bearer token in TOKEN, when the service under test checks tokens.
local token = os.getenv("TOKEN")
function with_token(headers)
    if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
    return headers
end

function done(summary, latency, requests)
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
    io.write(string.format("RESULT requests=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f errors=%d status_errors=%d\n",
        summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        errors, summary.errors.status))
end
