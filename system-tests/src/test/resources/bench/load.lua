-- The benchmark's load for wrk (RestaurantBenchmark): either GETs of one path, or orders.
--   wrk ... -s load.lua URL -- get
--   wrk ... -s load.lua URL -- order TOKEN MENU_ITEM RUN
-- An order is POST /api/orders signed in with TOKEN, one MENU_ITEM at one of 20 tables,
-- each with an Idempotency-Key of its own (RUN, the thread and a counter), as a tablet
-- sends it. At the end one line "BENCH {...}" with the figures, read by the benchmark.

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  table.insert(threads, thread)
end

local mode, run, body
local counter = 0

function init(args)
  mode = args[1] or "get"
  if mode == "order" then
    wrk.method = "POST"
    wrk.path = "/api/orders"
    wrk.headers["Authorization"] = "Bearer " .. args[2]
    wrk.headers["Content-Type"] = "application/json"
    run = args[4]
    body = {}
    for t = 1, 20 do
      body[t] = string.format('{"table":"T%d","items":[{"menuItemId":"%s","quantity":1}]}', t, args[3])
    end
  end
end

function request()
  if mode ~= "order" then
    return wrk.request()
  end
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = string.format("%s-%d-%d", run, tid, counter)
  return wrk.format(nil, nil, nil, body[counter % 20 + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"durationMicros":%d,"statusErrors":%d,"connectErrors":%d,' ..
    '"readErrors":%d,"writeErrors":%d,"timeouts":%d,"p50Micros":%d,"p99Micros":%d,"maxMicros":%d}\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
