-- POST one new interaction record as application/json per request: the record of bench/check.lua
-- with an id of its own (thread and counter) and one of 2,000 customers, so every request stores
-- a record, its verdict and its customer's register entry. Ids are unique per run (RUN_ID).
local run = os.getenv("RUN_ID") or tostring(os.time())
local key = os.getenv("BENCH_KEY") or "bench-admin-key-0123456789abcdef"
local threads = {}
local counter = 0
prefix = "" -- set per thread by setup (a global: thread:set writes globals)

function setup(thread)
  thread:set("prefix", run .. "-" .. (#threads + 1) .. "-" .. (os.getenv("NODE_TAG") or "n"))
  table.insert(threads, thread)
end

function init(args)
  counter = 0
end

function request()
  counter = counter + 1
  local id = prefix .. "-" .. counter
  local customer = "C-" .. (counter % 2000)
  local body = '{"id":"' .. id .. '","customer":{"id":"' .. customer .. '","tier":"STANDARD","name":"Cao Yan"},"agent":{"id":"a.smirnova","team":"digital"},"channel":"EMAIL","direction":"INBOUND","type":"COMPLAINT","openedAt":"2026-10-26T13:42:22Z","firstResponseAt":"2026-10-26T16:03:20Z","closedAt":"2026-10-29T13:38:40Z","complaint":{"ownerId":"a.smirnova","resolvedAt":"2026-10-29T13:02:40Z"},"updates":["2026-10-29T10:26:00Z"],"pauses":[{"from":"2026-10-26T16:33:51Z","to":"2026-10-28T23:28:57Z","reason":"waiting for the courier\'s report"}],"promises":[{"id":"P1","description":"Send a written apology and the credit note","dueAt":"2026-10-30T16:00:00Z","fulfilledAt":"2026-10-27T12:35:49Z"}],"courtesy":{"greeting":true,"addressedByName":true,"explained":true,"offeredHelp":true,"warmFarewell":true,"rudeness":false},"satisfaction":3,"attributes":{"category":"faulty-product"}}'
  return wrk.format("POST", "/api/v1/interactions", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
end

function response(status, headers, body)
  if status ~= 201 and status ~= 200 then
    print("unexpected status " .. status .. ": " .. body)
  end
end
