-- The event load of bench/server.ts, for wrk (run by bench/server-wrk.ts): one thread per client,
-- each with one keep-alive connection, sending `claim` to its own case with the version it last
-- saw, as the node load generator (bench/server-load.ts) does. The environment gives the cases,
-- "id:version" separated by spaces, one per thread in order, and the bearer token. done() prints
-- the figures and each case's last version as lines bench/server-wrk.ts reads.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("index", #threads)
end

function init(args)
  local i = 0
  for entry in string.gmatch(os.getenv("SHUOSHI_WRK_CASES"), "%S+") do
    i = i + 1
    if i == index then
      id, version = string.match(entry, "^(.+):(%d+)$")
      version = tonumber(version)
    end
  end
  if id == nil then error("no case for thread " .. index .. " in SHUOSHI_WRK_CASES") end
  path = "/api/cases/" .. id .. "/events"
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("SHUOSHI_WRK_TOKEN") }
  failures = 0
  sample = ""
end

function request()
  return wrk.format("POST", path, headers, '{"type":"claim","version":' .. version .. '}')
end

function response(status, _, body)
  if status == 200 then
    -- A claim moves the case one version on; the answer says so too, further into its body.
    version = version + 1
    return
  end
  failures = failures + 1
  if sample == "" then sample = status .. " " .. string.gsub(string.sub(body, 1, 300), "%s+", " ") end
  local current = string.match(body, '"currentVersion":(%d+)')
  if current then version = tonumber(current) end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("figures requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d cpu_s=%.6f\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status, e.connect, e.read, e.write, e.timeout, os.clock()))
  for _, thread in ipairs(threads) do
    io.write(string.format("case %s %d %d %s\n", thread:get("id"), thread:get("version"), thread:get("failures"), thread:get("sample")))
  end
end
