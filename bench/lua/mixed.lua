-- A day's traffic in miniature: 70% GET by id, 20% a page of the listing, 10% creates. With RATE set
-- (requests per second in all), each connection paces itself to its share of that rate.
dofile("bench/lua/common.lua")
local skills = tonumber(os.getenv("SKILLS") or "10000")
local rate = tonumber(os.getenv("RATE") or "0")
local connections = tonumber(os.getenv("CONNECTIONS") or "16")
local counter = 0
local run = tostring(os.time())
function init(args) seed_random() end
if rate > 0 then
    function delay()
        return math.floor(connections * 1000 / rate)
    end
end
function request()
    local dice = math.random(1, 100)
    if dice <= 70 then
        return wrk.format("GET", "/skills/" .. math.random(1, skills))
    elseif dice <= 90 then
        return wrk.format("GET", "/skills?limit=20&offset=" .. math.random(0, 200))
    end
    counter = counter + 1
    return wrk.format("POST", "/skills", {["Content-Type"] = "application/json"},
        string.format('{"name": "soak %s-%d-%d"}', run, thread_id or 0, counter))
end
