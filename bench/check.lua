-- POST one realistic interaction record as application/json: a STANDARD-tier email complaint
-- with an owner, an update, a pause, a kept promise, a courtesy review and a satisfaction score
-- (taken once from samples/interactions.ndjson and frozen here, so runs stay comparable).
-- Used for /api/v1/check and, with the same bytes, for the no-op baseline.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- The API key bench/http.sh starts the service with (an ingest-capable admin key).
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_KEY") or "bench-admin-key-0123456789abcdef")
wrk.body = [[{"id":"hd-48127","customer":{"id":"C-38208","tier":"STANDARD","name":"Cao Yan"},"agent":{"id":"a.smirnova","team":"digital"},"channel":"EMAIL","direction":"INBOUND","type":"COMPLAINT","openedAt":"2026-10-26T13:42:22Z","firstResponseAt":"2026-10-26T16:03:20Z","closedAt":"2026-10-29T13:38:40Z","complaint":{"ownerId":"a.smirnova","resolvedAt":"2026-10-29T13:02:40Z"},"updates":["2026-10-29T10:26:00Z"],"pauses":[{"from":"2026-10-26T16:33:51Z","to":"2026-10-28T23:28:57Z","reason":"waiting for the courier's report"}],"promises":[{"id":"P1","description":"Send a written apology and the credit note","dueAt":"2026-10-30T16:00:00Z","fulfilledAt":"2026-10-27T12:35:49Z"}],"courtesy":{"greeting":true,"addressedByName":true,"explained":true,"offeredHelp":true,"warmFarewell":true,"rudeness":false},"satisfaction":3,"attributes":{"category":"faulty-product"}}]]

-- Pacing for the latency run: WRK_DELAY_MS (whole milliseconds) between a response and the
-- connection's next request, so connections / delay sets the rate. Unset: no pacing.
local pace = tonumber(os.getenv("WRK_DELAY_MS") or "")
if pace and pace > 0 then
  function delay()
    return pace
  end
end
