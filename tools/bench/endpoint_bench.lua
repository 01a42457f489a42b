-- wrk script for endpoint-bench: POSTs pre-sealed envelopes, each once, and counts the answers.
-- ENVELOPES (environment) names the file envelope_records.py wrote: per envelope a line "LENGTH TOKEN"
-- (its status token), then LENGTH envelope bytes.
local threads = {}
local thread_count = 0

function setup(thread)
    thread:set("index", thread_count)
    thread_count = thread_count + 1
    table.insert(threads, thread)
end

local requests = {}
local next_request = 1

-- Each thread keeps every count-th envelope from its index on, so no two threads send the same one.
function init(args)
    local path = os.getenv("ENVELOPES") or error("ENVELOPES must name the file of sealed envelopes")
    local file = io.open(path, "rb") or error("cannot open " .. path)
    local count = tonumber(os.getenv("THREADS") or error("THREADS must be wrk's thread count"))
    local record = 0
    while true do
        local line = file:read("*l")
        if not line then break end
        local length, token = line:match("^(%d+) ([%w_-]+)$")
        local body = file:read(tonumber(length))
        if record % count == index then
            table.insert(requests, wrk.format("POST", "/api/v1/submissions", {
                ["Content-Type"] = "application/vnd.madoguchi.envelope",
                ["Madoguchi-Status-Token"] = token,
            }, body))
        end
        record = record + 1
    end
    file:close()
    if #requests == 0 then error("no envelopes for thread " .. index .. " in " .. path) end
end

created, repeated, failed = 0, 0, 0

-- Past the last envelope a thread starts over: those answers are idempotent 200s, counted as repeated.
function request()
    local r = requests[next_request]
    next_request = next_request % #requests + 1
    return r
end

function response(status, headers, body)
    if status == 201 then
        created = created + 1
    elseif status >= 200 and status < 300 then
        repeated = repeated + 1
    else
        failed = failed + 1
    end
end

-- One line for endpoint-bench to read: requests/s, p50 and p99 in ms, then the three answer counts.
function done(summary, latency, requests)
    local c, r, f = 0, 0, 0
    for _, thread in ipairs(threads) do
        c = c + thread:get("created")
        r = r + thread:get("repeated")
        f = f + thread:get("failed")
    end
    io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d %d\n",
        summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, c, r, f, summary.errors.connect + summary.errors.read +
        summary.errors.write + summary.errors.timeout))
end
